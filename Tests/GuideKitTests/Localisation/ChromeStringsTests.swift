import Foundation
@testable import GuideKit
import Testing

/// Chrome strings are looked up along one chain: the user's table for the page's locale, the
/// built-in one, then the user's and the built-in table of the fallback (source) locale.
@Suite struct ChromeStringsTests {
    static let at = SourceLocation(file: "strings.yaml", line: 1, column: 1)

    static func table(_ locale: String, _ file: String, _ entries: [String: String], plurals: [String: String] = [:]) -> StringTable {
        StringTable(locale: locale, entries: entries.mapValues { Located($0, at: at) },
                    plurals: plurals.mapValues { PluralForms(forms: [.other: Located($0, at: at)], location: at) }, file: file)
    }

    /// user: en {a, p}, tr {c}; built-in: en {a, b}, tr {a, b, c, d, p, q}.
    static let strings = ChromeStrings(layers: [
        ["en": table("en", "user/en", ["a": "user en a"], plurals: ["p": "user en p"]), "tr": table("tr", "user/tr", ["c": "user tr c"])],
        ["en": table("en", "built-in/en", ["a": "built-in en a", "b": "built-in en b"]),
         "tr": table("tr", "built-in/tr", ["a": "tr a", "b": "tr b", "c": "built-in tr c", "d": "tr d"], plurals: ["p": "tr p", "q": "tr q"])],
    ], fallbackLocale: "tr")

    @Test(arguments: [("a", "en", "user en a", "en"), ("b", "en", "built-in en b", "en"), ("c", "en", "user tr c", "tr"), ("d", "en", "tr d", "tr"),
                      ("c", "tr", "user tr c", "tr"), ("a", "tr", "tr a", "tr"), ("a", "de", "tr a", "tr"), ("c", "de", "user tr c", "tr")])
    func aStringComesFromTheFirstTableAlongTheChain(key: String, locale: String, text: String, language: String) {
        let found = Self.strings.lookup(key, locale: locale)
        #expect(found?.text.value == text)
        #expect(found?.language == language)
        // The same answer as walking `chain(for:)`, which diagnostics name files by.
        let table = Self.strings.chain(for: locale).first { $0.entries[key] != nil }
        #expect(found?.text.value == table?.entries[key]?.value)
    }

    @Test func aMissingStringIsNil() {
        #expect(Self.strings.lookup("z", locale: "en") == nil)
        #expect(Self.strings.lookup("z", locale: "tr") == nil)
        #expect(Self.strings.lookupPlural("a", locale: "en") == nil)
    }

    @Test(arguments: [("p", "en", "user en p", "en"), ("q", "en", "tr q", "tr"), ("p", "tr", "tr p", "tr")])
    func aCountedPhraseComesFromTheFirstTableAlongTheChain(key: String, locale: String, text: String, language: String) {
        let found = Self.strings.lookupPlural(key, locale: locale)
        #expect(found?.forms.forms[.other]?.value == text)
        #expect(found?.language == language)
    }
}
