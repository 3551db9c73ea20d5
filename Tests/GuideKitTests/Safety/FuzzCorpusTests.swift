import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    /// The fuzzers' seed corpus and every input that once broke a promise (kept in
    /// `Tests/Fixtures/fuzz/<target>/`) replayed through the same checks the fuzzers make.
    @Suite
    struct FuzzCorpusTests {
        static func inputs(_ target: FuzzTargets.Target) -> [String] {
            let folder = Repository.fixture("fuzz/\(target.rawValue)")
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }

        @Test(arguments: FuzzTargets.Target.allCases)
        func everyKeptInputKeepsEveryPromise(target: FuzzTargets.Target) async throws {
            let names = Self.inputs(target)
            #expect(names.count >= 10, "the \(target.rawValue) corpus is missing")
            let folder = Repository.fixture("fuzz/\(target.rawValue)")
            let failures = try await onOwnThread { () -> [String] in
                names.flatMap { name -> [String] in
                    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return ["\(name): unreadable"] }
                    return FuzzTargets.run(target, data).map { "\(name): \($0)" }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }

        /// The checks themselves catch what they are for.
        @Test func theChecksCatchInjectedMarkup() {
            #expect(!FuzzTargets.htmlProblems(fragment: "a <script>x</script>").isEmpty)
            #expect(!FuzzTargets.htmlProblems(fragment: #"<a href="javascript:alert(1)">x</a>"#).isEmpty)
            #expect(!FuzzTargets.htmlProblems(fragment: #"<a href="data:text/html,x">x</a>"#).isEmpty)
            #expect(!FuzzTargets.htmlProblems(fragment: #"<a title="a > b" href="javascript:alert(1)">x</a>"#).isEmpty)
            // `src="` in escaped text is text, not an attribute (found by `make fuzz`).
            #expect(FuzzTargets.htmlProblems(fragment: #"&lt;img src=" onerror=alert(1)&gt; x"#).isEmpty)
            #expect(FuzzTargets.htmlProblems(fragment: #"<a href="https://x.example/?a=1&amp;b=2">x</a> &lt;b&gt;"#).isEmpty)
            #expect(!FuzzTargets.htmlProblems(page: #"<html><img src="x.png" onerror="alert(1)"></html>"#).isEmpty)
            #expect(!FuzzTargets.htmlProblems(page: "<html><script>x</script></html>").isEmpty)
            #expect(!FuzzTargets.htmlProblems(page: #"<script type="application/ld+json">{"a": "</b>"}</script>"#).isEmpty)
            #expect(!FuzzTargets.markdownProblems(fragment: "a\n# b").isEmpty)
            #expect(!FuzzTargets.markdownProblems(fragment: "<b>x</b>").isEmpty)
            #expect(!FuzzTargets.markdownProblems(fragment: "[x](javascript:y)").isEmpty)
            #expect(FuzzTargets.markdownProblems(fragment: ##"\# a *b* [c](https://x.example) `d`"##).isEmpty)
        }
    }
}
