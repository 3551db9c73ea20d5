@testable import GuideKit
import Testing

/// `raw-url` and `near-miss-host` skip a text whose bytes have none of the characters a URL or a
/// host needs (`SourceText.bytes`). That holds because the visible text they read is made of
/// pieces of the source's own text: these tests fail when a change breaks either part.
@Suite struct URLRulesByteCheckTests {
    /// Every run of the visible text is text of the source (a line break's space aside), also
    /// where markup stands between its characters. (A text node holding an entity or a
    /// backslash escape is not found in the source and makes no run at all.)
    @Test(arguments: ["https:&#47;&#47;example.com/a", "&#87;ww.example.com", "global1688&#46;com", "w*ww*.example.com", "a\\/b \\. c",
                      "[global.1688.com](link:x) ve `a/b` <b>www</b>", "<https://example.com/a>", "bir\nsatır\\\nsonra", "**w**ww.ex*am*ple.com/x",
                      "&amp; &#x2F; &sol; &period;"])
    func everyRunOfTheVisibleTextIsTextOfTheSource(raw: String) {
        let visible = VisibleText(CommonMark.parseInline(raw).inlines, raw: raw)
        for run in visible.runs where run.text != " " {
            #expect(raw.contains(run.text as String), "\(run.text.debugDescription) of \(raw.debugDescription)")
        }
    }

    @Test func aRawURLSplitByEmphasisIsFound() async throws {
        let section = RuleExample.section("example", label: "\"1\"", text: "\"1️⃣w*ww*.example.com adresine gidin\"")
        let run = try await RuleExampleRun(.triggers(section))
        #expect(Set(run.findings(of: "raw-url").map(run.position)) == run.expected)
    }

    @Test func aNearMissHostSplitByEmphasisIsFound() async throws {
        let links = RuleExample.baseLinks + """
              global-1688:
                url: https://global.1688.com
                service: "1688"

            """
        let section = RuleExample.section("example", label: "\"1\"", text: "\"[Bağlantı](link:global-1688) ve 1️⃣global*1688*.com aynı değil\"")
        let run = try await RuleExampleRun(.triggers(["links.yaml": links, "sections/example.yaml": section]))
        #expect(Set(run.findings(of: "near-miss-host").map(run.position)) == run.expected)
    }

    @Test func theBytesTellWhatAURLOrAHostNeeds() {
        #expect(!ByteClasses(of: "Hesabınızı açın; şifrenizi girin").contains(.urlByte))
        #expect(!ByteClasses(of: "Hesabınızı açın; şifrenizi girin").contains(.hostByte))
        #expect(ByteClasses(of: "Son.") == [.hostByte])
        #expect(ByteClasses(of: "a/b") == [.urlByte, .hostByte])
        #expect(ByteClasses(of: "WWW") == [.urlByte])
    }
}
