@testable import GuideKit
import Testing

/// Which numbers `TranslationNumbersRule` reads in a text's prose.
@Suite struct TranslationNumbersRuleTests {
    @Test(arguments: [
        ("1.500 TL üzeri siparişlerde %1,5 ücret ödeyin", ["1.5", "1500"]),
        ("[Hesabınızı](link:account-2) doğrulayın", []),
        ("Ayrıntılar [80. bölüm](section:pay-on-1688)de", ["80"]),
        ("‘[Top up 2](ui:en)’a tıklayın, `3` yazın ve [0.8](percent:) ödeyin", []),
        ("Rakam yok", []),
    ])
    func numbersAreReadInProseOnly(_ value: String, _ expected: [String]) {
        let text = ContentText.example(value)
        #expect(TranslationNumbersRule.numbers(of: text, locale: "tr") == expected)
        #expect(TranslationNumbersRule.numbers(of: text, locale: "tr") == NumberSymbols.of("tr").numbers(in: text.visible.string(including: \.isProse)).sorted())
        // Read the English way, `1.500` is one and a half and `1,5` two numbers.
        #expect(TranslationNumbersRule.numbers(of: text, locale: "en") == NumberSymbols.of("en").numbers(in: text.visible.string(including: \.isProse)).sorted())
    }
}
