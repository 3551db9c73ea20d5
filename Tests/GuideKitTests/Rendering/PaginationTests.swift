@testable import GuideKit
import Testing

extension RenderingTests {
    @Suite struct PaginationTests {
        func block(_ name: String, _ count: Int) -> [String] { (1...count).map { "\(name)\($0)" } }

        @Test func aBlockThatDoesNotFitOnTheRestOfThePageStartsTheNext() {
            let text = SiteRenderer.paginate([block("h", 3), block("a", 5), block("b", 4)], pageLength: 10)
            // h1–h3, blank, a1–a5 fill 9 lines; b needs 5 more: a form feed starts it on page 2.
            #expect(text == "h1\nh2\nh3\n\na1\na2\na3\na4\na5\n\u{0C}b1\nb2\nb3\nb4\n")
        }

        @Test func aBlockLongerThanAPageStartsOnAFreshPage() {
            let text = SiteRenderer.paginate([block("h", 2), block("a", 12), block("b", 1)], pageLength: 10)
            // a starts on page 2 and runs 2 lines into page 3; b follows there after a blank line.
            #expect(text == "h1\nh2\n\u{0C}" + block("a", 12).joined(separator: "\n") + "\n\nb1\n")
        }

        @Test func withoutAPageLengthBlocksAreSeparatedByOneBlankLine() {
            #expect(SiteRenderer.paginate([["x"], ["y"]], pageLength: nil) == "x\n\ny\n")
        }
    }
}
