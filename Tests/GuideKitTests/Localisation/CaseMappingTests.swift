import Foundation
import GuideKit
import Testing

/// Turkish case rules (dotted and dotless i), checked against Foundation's locale-aware mapping.
@Suite struct CaseMappingTests {
    @Test(arguments: [
        ("Kontrol listesi", "KONTROL LİSTESİ"), ("ılık ırmak", "ILIK IRMAK"), ("istanbul", "İSTANBUL"), ("Çiğdem şükür", "ÇİĞDEM ŞÜKÜR"),
    ])
    func turkishUpperCase(_ text: String, _ expected: String) {
        #expect(CaseMapping.uppercased(text, language: "tr") == expected)
        #expect(CaseMapping.uppercased(text, language: "tr") == text.uppercased(with: Locale(identifier: "tr")), "Foundation agrees")
    }

    /// Upper case is worked out scalar by scalar, on the bytes; that gives the definition, every
    /// character mapped on its own (`i` to `İ` in Turkish), also next to combining marks, for an
    /// i with a mark of its own (another character), letters that grow (ß, ﬃ), controls, emoji
    /// and wide characters.
    @Test func upperCaseIsTheCharacterByCharacterMapping() {
        var random = RenderingTests.PropertyTests.Generator(state: 29)
        let pieces = ["i", "I", "ı", "İ", "i\u{307}", "\u{307}", "i\u{301}", "ß", "ŉ", "ǰ", "a", "z", "{", "~", " ", "\n", "ş", "ç", "现", "ﬃ", "\u{1F600}", "iß", "ii", "é", "ǅ", "ᾳ"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<random.int(0...12) { text += random.pick(pieces) }
            let turkish = text.map { $0 == "i" ? "İ" : String($0).uppercased() }.joined()
            #expect(Array(CaseMapping.uppercased(text, language: "tr").unicodeScalars) == Array(turkish.unicodeScalars), "\(text.debugDescription)")
            let english = text.map { String($0).uppercased() }.joined()
            #expect(Array(CaseMapping.uppercased(text, language: "en").unicodeScalars) == Array(english.unicodeScalars), "\(text.debugDescription)")
            #expect(Array(CaseMapping.uppercased(text, language: "en").unicodeScalars) == Array(text.uppercased().unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func otherLanguagesUseTheDefaultMapping() {
        #expect(CaseMapping.uppercased("Checklist", language: "en") == "CHECKLIST")
        #expect(CaseMapping.uppercased("istanbul", language: "en") == "ISTANBUL")
        #expect(CaseMapping.uppercased("Straße", language: "de") == "STRASSE")
    }

    @Test func turkishLowerCase() {
        #expect(CaseMapping.lowercased("İSTANBUL IŞIK", language: "tr") == "istanbul ışık")
        #expect(CaseMapping.lowercased("İSTANBUL IŞIK", language: "tr") == "İSTANBUL IŞIK".lowercased(with: Locale(identifier: "tr")))
        #expect(CaseMapping.lowercased("I", language: "en") == "i")
    }
}
