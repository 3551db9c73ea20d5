import Foundation
@testable import GuideKit
import Testing

/// Reading links and anchors out of rendered pages.
@Suite struct RenderedOutputTests {
    @Test func htmlAttributesAreDecodedAndLocated() {
        let page = RenderedOutput.page(path: "html/tr/a.html", kind: .html, text: """
            <!-- <a href="commented.html"> -->
            <script>var x = '<a href="script.html">';</script>
            <p id=intro>Ödeme <a class='x' href='b.html?x=1&amp;y=2#s&#x131;r'>b</a>
            <img srcset="s1.png 1x, s2.png 2x" src=s.png alt=""><a name="eski"></a>
            """, display: "Output/html/tr/a.html")
        #expect(page.links.map(\.url) == ["b.html?x=1&y=2#sır", "s1.png", "s2.png", "s.png"])
        #expect(page.links.first?.location == SourceLocation(file: "Output/html/tr/a.html", line: 3, column: 38))
        #expect(page.anchors == ["intro", "eski"])
    }

    @Test func markdownLinksAndHeadingSlugs() {
        let page = RenderedOutput.page(path: "markdown/tr/a.md", kind: .markdown, text: """
            # 4A. WorldFirst hesabını yetkilendirme

            1. [1688.com](https://1688.com)’u ziyaret edin; [başa](#4a-worldfirst-hesabını-yetkilendirme)
            <a id="sonraki"></a>
            """, display: "a.md")
        #expect(page.links.map(\.url) == ["https://1688.com", "#4a-worldfirst-hesabını-yetkilendirme"])
        #expect(page.links.map(\.location.column) == [15, 56])
        #expect(page.anchors == ["4a-worldfirst-hesabını-yetkilendirme", "sonraki"])
    }

    @Test func checklistURLsStopBeforeTrailingPunctuation() {
        let page = RenderedOutput.page(path: "checklists/tr.txt", kind: .checklist, text: "[ ] Kaydolun (https://portal.worldfirst.com/register).\n", display: "tr.txt")
        #expect(page.links.map(\.url) == ["https://portal.worldfirst.com/register"])
        #expect(page.links.first?.location.column == 15)
    }
}
