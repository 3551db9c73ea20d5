@testable import GuideKit
import Testing

@Suite struct SourceFileTests {
    /// Lines end at LF, CR LF and a lone CR, empty lines and a last empty line kept, with
    /// multi-byte letters right before a break.
    @Test(arguments: [
        ("a\nb", ["a", "b"]),
        ("a\r\nb\r\n", ["a", "b", ""]),
        ("a\rb\r", ["a", "b", ""]),
        ("\n\n", ["", "", ""]),
        ("ş\r\r\nğ\n\r\nç", ["ş", "", "ğ", "", "ç"]),
        ("", [""]),
        ("tek satır 中文", ["tek satır 中文"]),
    ])
    func linesSplitAtEveryKindOfLineBreak(text: String, expected: [String]) {
        let file = SourceFile(path: "x.yaml", text: text)
        #expect(Array(file.lines) == expected)
        #expect(file.line(expected.count) == expected.last)
        #expect(file.line(expected.count + 1) == nil)
        #expect(file.line(0) == nil)
    }
}

extension SourceFileTests {
    /// The byte search finds text at the start, the end, across lines and after partial matches,
    /// and nothing that is not there.
    @Test func containsFindsTextAnywhereInTheBytes() {
        let file = SourceFile(path: "x.yaml", text: "ğğguidegen-ign\n# guidegen-ignore: x\nson")
        for present in ["ğğ", "guidegen-ignore:", "ign\n#", "son", "\n", "ğğguidegen-ign\n# guidegen-ignore: x\nson"] {
            #expect(file.contains(present), "\(present.debugDescription)")
        }
        for absent in ["guidegen-ignore: y", "sonn", "ğğğ", "x\nsonx", "İ"] {
            #expect(!file.contains(absent), "\(absent.debugDescription)")
        }
        #expect(!SourceFile(path: "e.yaml", text: "").contains("a"))
    }
}
