import GuideKit
import Testing

/// CLDR plural rules for whole numbers, and the forms of a counted chrome string.
@Suite struct PluralCategoryTests {
    @Test(arguments: [
        ("en", 1, PluralCategory.one), ("en", 0, .other), ("en", 7, .other), ("en-GB", 1, .one),
        ("tr", 1, .one), ("tr", 7, .other),
        ("fr", 0, .one), ("fr", 1, .one), ("fr", 2, .other),
        ("zh-Hans", 1, .other), ("ja", 7, .other),
        ("ru", 1, .one), ("ru", 21, .one), ("ru", 11, .many), ("ru", 3, .few), ("ru", 13, .many), ("ru", 5, .many),
        ("pl", 1, .one), ("pl", 22, .few), ("pl", 12, .many), ("pl", 21, .many),
        ("ar", 0, .zero), ("ar", 1, .one), ("ar", 2, .two), ("ar", 3, .few), ("ar", 10, .few), ("ar", 11, .many),
        ("ar", 99, .many), ("ar", 100, .other), ("ar", 103, .few),
    ])
    func category(_ language: String, _ count: Int, _ expected: PluralCategory) {
        #expect(PluralCategory.of(count, language: language) == expected)
    }

    @Test func aMissingFormFallsBackToOther() {
        let at = SourceLocation(file: "strings/ar.yaml", line: 1, column: 1)
        let forms = PluralForms(forms: [.one: Located("خطوة واحدة", at: at), .other: Located("{count} خطوة", at: at)], location: at)
        #expect(forms.form(for: 1, language: "ar")?.value == "خطوة واحدة")
        #expect(forms.form(for: 2, language: "ar")?.value == "{count} خطوة", "Arabic's `two` form is missing: `other`")
    }
}
