@testable import GuideKit
import Testing

/// `raw-url` and `near-miss-host` skip a text whose bytes have none of the characters a URL or a
/// host needs (`SourceText.bytes`). That holds because the visible text they read is made of
/// pieces of the source's own text: these tests fail when a change breaks either part.
@Suite struct URLRulesByteCheckTests {
    /// Every run of the visible text is text of the source (a line break's space aside), in
    /// order, also where markup stands between its characters; a character written as a
    /// backslash escape or an entity reference is a run of its own where that starts (the check
    /// the inline fuzz target makes of every input).
    @Test(arguments: ["https:&#47;&#47;example.com/a", "&#87;ww.example.com", "global1688&#46;com", "w*ww*.example.com", "a\\/b \\. c",
                      "[global.1688.com](link:x) ve `a/b` <b>www</b>", "<https://example.com/a>", "bir\nsatır\\\nsonra", "**w**ww.ex*am*ple.com/x",
                      "&amp; &#x2F; &sol; &period;"])
    func everyRunOfTheVisibleTextIsTextOfTheSource(raw: String) {
        #expect(!VisibleText(CommonMark.parseInline(raw).inlines, raw: raw).runs.isEmpty)
        #expect(FuzzTargets.visibleTextProblems(raw) == [], "\(raw.debugDescription)")
    }

    /// A text with characters written as backslash escapes or entity references is seen as a
    /// reader sees it, each character at its place: before, the whole text was left out of
    /// every rule that reads the visible text.
    @Test(arguments: [
        ("a\\.b www.example.com", [("a", 0, true), (".", 1, false), ("b www.example.com", 3, true)]),
        ("https:&#47;&#47;example.com/a", [("https:", 0, true), ("/", 6, false), ("/", 11, false), ("example.com/a", 16, true)]),
        ("x &amp; y &#x2F;&period;z", [("x ", 0, true), ("&", 2, false), (" y ", 7, true), ("/", 10, false), (".", 16, false), ("z", 24, true)]),
        ("&#0;&#1114112;&#X1F600; &notanentity;", [("\u{FFFD}", 0, false), ("\u{FFFD}", 4, false), ("😀", 14, false), (" &notanentity;", 23, true)]),
        ("ş\\\\ğ\\ü", [("ş", 0, true), ("\\", 1, false), ("ğ\\ü", 3, true)]),
    ])
    func escapedCharactersAreSeenAtTheirEscapes(raw: String, expected: [(String, Int, Bool)]) {
        let visible = VisibleText(CommonMark.parseInline(raw).inlines, raw: raw)
        #expect(visible.runs.map(\.text) == expected.map(\.0))
        #expect(visible.runs.map(\.offset) == expected.map(\.1))
        #expect(visible.runs.map(\.isVerbatim) == expected.map(\.2))
    }

    /// A fix replaces scalars by count from the finding's column: only scalars the source
    /// writes as they are, one after another, can be replaced so.
    @Test func onlyVerbatimScalarsCanBeReplacedByCount() {
        var scan = VisibleText.Scan()
        VisibleText(CommonMark.parseInline("ab\\.c *de*f <b>g").inlines, raw: "ab\\.c *de*f <b>g").scan(including: \.isPlain, into: &scan)
        #expect(String(String.UnicodeScalarView(scan.scalars)) == "ab.c def \u{FFFC}g")
        #expect(scan.isVerbatim(0..<2) && scan.isVerbatim(3..<5) && scan.isVerbatim(5..<7) && scan.isVerbatim(7..<9) && scan.isVerbatim(0..<0))
        #expect(!scan.isVerbatim(1..<3) && !scan.isVerbatim(2..<3) && !scan.isVerbatim(4..<6) && !scan.isVerbatim(8..<10) && !scan.isVerbatim(9..<10))
    }

    @Test func aRawURLWrittenWithReferencesIsFoundWithoutAFix() async throws {
        let section = RuleExample.section("example", label: "\"1\"", text: "\"1️⃣https:&#47;&#47;portal.worldfirst.com adresine gidin\"")
        let run = try await RuleExampleRun(.triggers(section))
        #expect(Set(run.findings(of: "raw-url").map(run.position)) == run.expected)
        #expect(run.findings(of: "raw-url").allSatisfy { $0.fix == nil })
    }

    /// The base registry with global.1688.com, the host the near-miss examples resemble.
    private static let linksWithGlobal1688 = RuleExample.baseLinks + """
          global-1688:
            url: https://global.1688.com
            service: "1688"

        """

    @Test func aNearMissHostAfterAnEntityIsFoundWithItsFix() async throws {
        let section = RuleExample.section("example", label: "\"1\"", text: "\"[Bağlantı](link:global-1688) &amp; 1️⃣global1688.com; 2️⃣global1688&#46;com\"")
        let run = try await RuleExampleRun(.triggers(["links.yaml": Self.linksWithGlobal1688, "sections/example.yaml": section]))
        let findings = run.findings(of: "near-miss-host").sorted { run.position($0) < run.position($1) }
        #expect(Set(findings.map(run.position)) == run.expected)
        #expect(findings.map { $0.fix?.replacement } == ["global.1688.com", nil])
    }

    @Test func aRawURLSplitByEmphasisIsFound() async throws {
        let section = RuleExample.section("example", label: "\"1\"", text: "\"1️⃣w*ww*.example.com adresine gidin\"")
        let run = try await RuleExampleRun(.triggers(section))
        #expect(Set(run.findings(of: "raw-url").map(run.position)) == run.expected)
    }

    @Test func aNearMissHostSplitByEmphasisIsFound() async throws {
        let section = RuleExample.section("example", label: "\"1\"", text: "\"[Bağlantı](link:global-1688) ve 1️⃣global*1688*.com aynı değil\"")
        let run = try await RuleExampleRun(.triggers(["links.yaml": Self.linksWithGlobal1688, "sections/example.yaml": section]))
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
