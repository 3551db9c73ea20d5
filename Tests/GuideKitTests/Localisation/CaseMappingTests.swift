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
