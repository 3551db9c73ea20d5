@testable import GuideKit
import Testing

/// Which `{placeholders}` `TranslationPlaceholdersRule` reads in a text.
@Suite struct TranslationPlaceholdersRuleTests {
    static func text(_ value: String) -> ContentText {
        let origin = TextOrigin(start: SourceLocation(file: "sections/example.yaml", line: 1, column: 1), style: .plain, file: nil)
        return ContentText(SourceText(value, key: "example.title", origin: origin), role: .stepText)
    }

    @Test(arguments: [
        ("{list} ile ödeyebilirsiniz.", ["{list}"]),
        ("Para birimini seçin", []),
        ("{b} ve {a_1}", ["{a_1}", "{b}"]),
        ("Kod `{list}` yer tutucu değil", []),
        ("Vurgu bölse de: {li*st*}", ["{list}"]),
        ("Boş {} ve kapanmamış {list", []),
    ])
    func placeholdersAreReadOutsideCode(_ value: String, _ expected: [String]) {
        #expect(TranslationPlaceholdersRule.placeholders(of: Self.text(value)) == expected)
    }
}
