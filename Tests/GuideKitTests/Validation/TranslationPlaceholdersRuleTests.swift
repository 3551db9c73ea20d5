@testable import GuideKit
import Testing

/// Which `{placeholders}` `TranslationPlaceholdersRule` reads in a text.
@Suite struct TranslationPlaceholdersRuleTests {
    @Test(arguments: [
        ("{list} ile ödeyebilirsiniz.", ["{list}"]),
        ("Para birimini seçin", []),
        ("{b} ve {a_1}", ["{a_1}", "{b}"]),
        ("Kod `{list}` yer tutucu değil", []),
        ("Vurgu bölse de: {li*st*}", ["{list}"]),
        ("Boş {} ve kapanmamış {list", []),
    ])
    func placeholdersAreReadOutsideCode(_ value: String, _ expected: [String]) {
        #expect(TranslationPlaceholdersRule.placeholders(of: ContentText.example(value)) == expected)
    }
}
