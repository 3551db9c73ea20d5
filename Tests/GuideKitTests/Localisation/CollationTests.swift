import Foundation
import GuideKit
import Testing

/// Sorting by a language's alphabet: Turkish letters in their places.
@Suite struct CollationTests {
    @Test func turkishAlphabetOrder() {
        let words = ["zil", "üzüm", "uzun", "şeker", "sabun", "öğle", "ok", "İzmir", "iğne", "Istanbul", "ılık", "hava", "ğ", "gül", "dağ", "çay", "cep", "Çanta", "ayna"]
        let sorted = Collation(language: "tr").sorted(words.shuffled(), by: { $0 })
        #expect(sorted == ["ayna", "cep", "Çanta", "çay", "dağ", "gül", "ğ", "hava", "ılık", "Istanbul", "iğne", "İzmir", "ok", "öğle", "sabun", "şeker", "uzun", "üzüm", "zil"])
    }

    @Test func englishIgnoresAccentsFirst() {
        let sorted = Collation(language: "en").sorted(["Zürich", "Turkish", "Türkçe", "English", "éclair", "Ege"], by: { $0 })
        // ç counts as c at first, and c comes before i.
        #expect(sorted == ["éclair", "Ege", "English", "Türkçe", "Turkish", "Zürich"])
    }

    @Test func otherScriptsComeAfterLatinAndTheOrderIsTotal() {
        let names = ["العربية", "Türkçe", "English", "中文", "Deutsch"]
        let collation = Collation(language: "tr")
        #expect(collation.sorted(names, by: { $0 }) == ["Deutsch", "English", "Türkçe", "العربية", "中文"])
        for a in names {
            for b in names where a != b {
                #expect(collation.areInIncreasingOrder(a, b) != collation.areInIncreasingOrder(b, a), "\(a) / \(b)")
            }
        }
    }

    /// Why guidegen has a collation of its own: on Linux, Foundation's locale-aware comparison
    /// is not antisymmetric for Turkish (`ğ` and `gül` each compare greater than the other).
    /// When the platform gets it right, this test says so and can be removed.
    @Test func foundationsTurkishComparisonIsNotAnOrderOnLinux() {
        #if os(Linux)
        let tr = Locale(identifier: "tr")
        let forward = "ğ".compare("gül", locale: tr), backward = "gül".compare("ğ", locale: tr)
        withKnownIssue("swift-corelibs-foundation: compare(_:locale:) is not a consistent Turkish collation") {
            #expect(forward != backward)
            #expect(forward == .orderedDescending)
        }
        #endif
    }
}
