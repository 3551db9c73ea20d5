import Foundation
import GuideKit
import Testing

/// The repository's Content/ holds the whole seed guide: these numbers were counted by hand
/// against ../shared/seed/000_63b406e869d4fd3e.txt (see the README of issue 2's note).
@Suite("The real guide in Content/")
struct RealGuideTests {
    static let result = ContentLoader(directory: Repository.content.path).load()
    var guide: Guide { Self.result.guide! }

    @Test func loadsWithoutProblems() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics)")
        #expect(guide.sourceLocale.value == "tr")
    }

    @Test func hasTheSeedsSevenSectionsInOrderWithTheirLabels() {
        #expect(guide.sections.map(\.label.value) == ["1", "2", "3", "4A", "4B", "5", "6"])
        #expect(guide.sections.map(\.id.value) == [
            "alipay-personal-account", "1688-account", "worldfirst-account", "authorise-worldfirst",
            "top-up-world-account", "order-on-1688", "pay-on-1688",
        ])
        #expect(guide.sections.first?.title.value == "Alipay kişisel hesap nasıl açılır?")
        #expect(guide.section(id: "top-up-world-account")?.title.value == "World Account’a Nasıl Bakiye Yüklenir?")
    }

    struct Counts: Equatable, CustomStringConvertible {
        var steps = 0, substeps = 0, notes = 0, questions = 0, answerItems = 0, fields = 0, listItems = 0
        var description: String {
            "steps \(steps), substeps \(substeps), notes \(notes), questions \(questions), answer items \(answerItems), fields \(fields), list items \(listItems)"
        }
    }

    static let expectedCounts: [(String, Counts)] = [
        ("alipay-personal-account", Counts(steps: 5, questions: 1)),
        ("1688-account", Counts(steps: 5, substeps: 5, notes: 2, fields: 4)),
        ("worldfirst-account", Counts(steps: 2, questions: 1, answerItems: 3)),
        ("authorise-worldfirst", Counts(steps: 7, substeps: 2)),
        ("top-up-world-account", Counts(steps: 6, notes: 2, listItems: 14)),
        ("order-on-1688", Counts(steps: 5, substeps: 1, notes: 1, questions: 1)),
        ("pay-on-1688", Counts(steps: 4, questions: 1)),
    ]

    @Test(arguments: expectedCounts)
    func sectionHasEverythingTheSeedHas(id: String, expected: Counts) throws {
        let section = try #require(guide.section(id: id))
        var counts = Counts()
        counts.steps = section.steps.count
        for step in section.steps {
            counts.substeps += step.substeps.count
            counts.notes += step.notes.count
            counts.questions += step.questions.count
            counts.answerItems += step.questions.reduce(0) { $0 + $1.items.count }
            counts.fields += step.fields.count
            counts.listItems += step.lists.reduce(0) { $0 + $1.items.count }
        }
        #expect(counts == expected)
    }

    @Test(arguments: [
        "Lokasyon ve adres bilgilerini girin",
        "Çevirmek istediğiniz tutarı girin",
        "Kimliğinizi doğrulayın",
        "Telefon numaranıza gönderilen 6 haneli doğrulama kodunu girin",
        "Hesabınızı doğrulamak için ‘[现在去认证](ui:zh-Hans)’e tıklayın",
        "Alipay “Hesap Yönetimine” tıklayın ‘[支付宝账户管理](ui:zh-Hans)’",
        "Paranızı CNH’ye çevirmek için “[Convert](ui:en)”e tıklayın",
        "Ödeme yöntemi olarak ‘[Cross-border treasure](ui:en)’ı seçin",
        "Ürün miktarını seçin ve “[Sipariş Ver](ui:tr)”e tıklayın",
        "Eğer uluslararası bir kullanıcıysanız (Çin’deki bir işletme değilseniz), lütfen kişisel hesap olarak başvurun.",
        "World Pay için %0,8, kredi/banka kartı için %1 oranında işlem ücreti uygulanır.",
        "Ülke kodu ve Telefon Numarası",
        "Alipay kişisel hesabına neden ihtiyacınız var?",
    ])
    func containsTheSeedsTurkishWordsExactly(_ phrase: String) {
        #expect(guide.texts.contains { Self.asTurkishPagesShowIt($0.value).contains(phrase) }, "missing: \(phrase)")
    }

    /// The text with its marked numbers (`[0.8](percent:)`) written the Turkish way (`%0,8`), as
    /// a Turkish page shows it: the seed's numbers are in the content as markers.
    static func asTurkishPagesShowIt(_ text: String) -> String {
        text.replacing(#/\[(-?[0-9]+(?:\.[0-9]+)?)\]\((number|percent):\)/#) { match in
            Quantity(kind: Quantity.Kind(destination: "\(match.2):")!, canonical: String(match.1)).map { NumberSymbols.of("tr").format($0) } ?? String(match.0)
        }
    }

    @Test func supportContactIsStructured() {
        let support = guide.support
        #expect(support.team.value == "SEA Müşteri Hizmetleri")
        #expect((support.firstDay.value, support.lastDay.value) == (.monday, .friday))
        #expect((support.opens.value, support.closes.value) == ("09:00", "17:00"))
        #expect(support.email.value == "seaclients@service.worldfirst.com")
        #expect(support.phone.value == "+6568054380")
        #expect(support.responseTime.value == "Taleplerinize 1-2 iş günü içinde yanıt vereceğiz.")
    }

    @Test func everyLinkIsHTTPSAndUsedByKeyNeverPastedIntoText() {
        #expect(guide.links.entries.count == 6)
        #expect(guide.links.entries.allSatisfy { $0.url.value.hasPrefix("https://") })
        for text in guide.texts {
            #expect(!text.value.contains("http://") && !text.value.contains("https://"), "raw URL in \(text.key)")
        }
        let used = Set(guide.texts.flatMap { CommonMark.parseInline($0.value).inlines.references }.compactMap { reference -> String? in
            if case .registry(let key) = reference.reference { return key }
            return nil
        } + guide.sections.flatMap { $0.steps.flatMap { $0.links.map(\.value) } })
        #expect(used == Set(guide.links.entries.map(\.key.value)))
    }

    @Test func uiLabelsCarryTheirLanguage() {
        let labels = guide.texts.flatMap { CommonMark.parseInline($0.value).inlines.references }.compactMap { reference -> String? in
            if case .uiLabel(let language) = reference.reference { return "\(language):\(reference.text)" }
            return nil
        }
        for expected in ["zh-Hans:现在去认证", "zh-Hans:支付宝账户管理", "en:Authorise 1688.com accounts", "en:Convert",
                         "en:Cross-border treasure", "en:Overseas Business", "tr:Sipariş Ver"] {
            #expect(labels.contains(expected), "missing UI label \(expected)")
        }
    }

    @Test func keysAreDerivedFromIDsAndUnique() {
        let keys = guide.texts.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(keys.contains("alipay-personal-account.steps.verify-identity.text"))
        #expect(keys.contains("top-up-world-account.steps.create-receiving-account.lists.supported-currencies.items.CNH.name"))
    }
}
