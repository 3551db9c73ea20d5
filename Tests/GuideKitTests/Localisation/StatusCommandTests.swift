import Foundation
import GuideKit
import Testing

extension TranslationCommandTests {
    /// What `guidegen l10n status --format json` prints, as far as the tests read it.
    struct StatusDocument: Decodable {
        struct Counts: Decodable { var strings, translated, needsReview, missing: Int; var coverage: Double }
        struct Item: Decodable { var key: String; var location: GuideKit.SourceLocation }
        struct Group: Decodable { var id: String; var kind: String; var counts: Counts; var needsReview: [Item]; var missing: [Item] }
        struct Locale: Decodable { var locale: String; var name: String; var file: String; var groups: [Group]; var total: Counts; var obsolete: [Item] }
        var version: Int
        var sourceLocale: String
        var locales: [Locale]
        var belowMinimum: [String]
    }

    @Suite struct StatusCommandTests {
        @Test func theGuideIsCompletelyTranslatedIntoEnglish() async throws {
            let (directory, _) = try TranslationCommandTests.copy()
            let result = try await TranslationCommandTests.run(["l10n", "status", "--min-coverage", "100"], in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasPrefix("en (English): Content/locales/en.yaml\n"))
            #expect(result.stdout.contains("  group                    strings  translated  needs review  missing  coverage\n"))
            #expect(result.stdout.contains("  pay-on-1688                    8           8             0        0   100.0 %\n"))
            #expect(result.stdout.hasSuffix("guidegen l10n status: source tr; en 100.0 %; every locale at or above 100.0 %\n"))
            #expect(!result.stdout.contains("needs review:") && !result.stdout.contains("obsolete:"))

            let json = try await TranslationCommandTests.run(["l10n", "status", "--format", "json"], in: directory)
            let document = try JSONDecoder().decode(StatusDocument.self, from: Data(json.stdout.utf8))
            let english = try #require(document.locales.first)
            #expect(document.locales.map(\.locale) == ["en"])
            #expect(english.groups.map(\.id) == ["guide", "alipay-personal-account", "1688-account", "worldfirst-account", "authorise-worldfirst",
                                                 "top-up-world-account", "order-on-1688", "pay-on-1688", "support", "chrome"])
            #expect(english.total.coverage == 100 && english.total.missing == 0 && english.total.needsReview == 0)
            #expect(english.groups.filter { $0.kind != "chrome" }.map(\.counts.strings).reduce(0, +) == 90)
        }

        @Test func staleMissingAndObsoleteStringsAreCountedAndLocated() async throws {
            let (directory, content) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            let catalog = content.appendingPathComponent("locales/en.yaml")
            try (String(contentsOf: catalog, encoding: .utf8) + "  open-account.steps.retired.text:\n    source: 0123456789abcdef\n    text: Gone\n")
                .write(to: catalog, atomically: true, encoding: .utf8)
            let result = try await TranslationCommandTests.run(["l10n", "status", "--min-coverage", "98", "--list-missing"], in: directory)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("  verify-account        3           1             1        1    33.3 %\n"))
            #expect(result.stdout.contains("  needs review: verify-account.steps.open-settings.text (Content/locales/en.yaml:67:13)\n"))
            #expect(result.stdout.contains("  missing: verify-account.steps.enter-code.text (Content/sections/verify-account.yaml:"))
            #expect(result.stdout.contains("  obsolete: open-account.steps.retired.text (Content/locales/en.yaml:90:3): the source has no such string, remove it\n"))
            #expect(result.stdout.hasSuffix("guidegen l10n status: source tr; en 97.1 %; below 98.0 %: en\n"))
        }

        @Test func chromeStringsCountAsAGroupOfTheirOwn() async throws {
            let (directory, content) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            try directory.write(tree: """
                -- templates/strings/en.yaml --
                steps: The steps
                retired: No longer used
                """)
            try FileManager.default.createDirectory(at: content.appendingPathComponent("locales"), withIntermediateDirectories: true)
            try "locale: de\nname: Deutsch\nentries: {}\n".write(to: content.appendingPathComponent("locales/de.yaml"), atomically: true, encoding: .utf8)
            let json = try await TranslationCommandTests.run(["l10n", "status", "--format", "json", "--templates", "templates"], in: directory)
            let document = try JSONDecoder().decode(StatusDocument.self, from: Data(json.stdout.utf8))
            let german = try #require(document.locales.first { $0.locale == "de" })
            let chrome = try #require(german.groups.last)
            #expect(chrome.kind == "chrome" && chrome.counts.translated == 0 && chrome.counts.missing == chrome.counts.strings)
            #expect(chrome.missing.first?.location.file == "Templates/strings/tr.yaml")
            let english = try #require(document.locales.first { $0.locale == "en" })
            #expect(english.groups.last?.counts.missing == 0)
            #expect(english.obsolete.map(\.key) == ["retired"])
            #expect(english.obsolete.first?.location.file == "templates/strings/en.yaml")
        }

        @Test func contentThatDoesNotLoadCannotBeCounted() async throws {
            let directory = try TemporaryDirectory()
            try directory.write(tree: "-- Content/guide.yaml --\ntitle: [\n")
            let result = try await TranslationCommandTests.run(["l10n", "status"], in: directory)
            #expect(result.status == 2)
            #expect(result.stderr.contains("Content/guide.yaml:"))
        }
    }
}
