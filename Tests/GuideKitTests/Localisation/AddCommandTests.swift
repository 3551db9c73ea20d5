import Foundation
import GuideKit
import Testing

extension TranslationCommandTests {
    @Suite struct AddCommandTests {
        @Test func writesASkeletonWithEveryKeyAndTheSourceAsComments() async throws {
            let (directory, content) = try TranslationCommandTests.copy()
            let result = try await TranslationCommandTests.run(["l10n", "add", "de"], in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout == "guidegen l10n add: wrote Content/locales/de.yaml with 90 entries to translate (name: Deutsch)\n")
            let text = try String(contentsOf: content.appendingPathComponent("locales/de.yaml"), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../schemas/catalog.schema.json\n"))
            #expect(text.contains("""
                  # tr: Alipay kişisel hesap nasıl açılır?
                  alipay-personal-account.title:
                    source: \(Fingerprint.of("Alipay kişisel hesap nasıl açılır?"))
                    text: ""
                """))
            let loaded = CatalogLoader(directory: content.path).load()
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
            let german = try #require(loaded.catalogs.first { $0.locale.value == "de" })
            let guide = try #require(ContentLoader(directory: content.path).load().guide)
            #expect(german.entries.keys == guide.texts.map(\.key), "every key, in the guide's order")
            #expect(guide.texts.allSatisfy { german.state(of: $0) == .missing }, "an empty text is missing, not an error")

            // Filling in a text is all a translator does: the fingerprint is already right.
            #expect(guide.texts.allSatisfy { german.entries[$0.key]?.source.value == Fingerprint.of($0.value) })

            let status = try await TranslationCommandTests.run(["l10n", "status"], in: directory)
            #expect(status.stdout.contains("guidegen l10n status: source tr; de 0.0 %, en 100.0 %"))
            #expect(try await TranslationCommandTests.run(["validate", "--content", "Content"], in: directory).stdout == "no problems found\n")
        }

        @Test func neverOverwritesACatalog() async throws {
            let (directory, content) = try TranslationCommandTests.copy()
            let before = try TranslationCommandTests.read(content.appendingPathComponent("locales/en.yaml"))
            let result = try await TranslationCommandTests.run(["l10n", "add", "en"], in: directory)
            #expect(result.status == 2)
            #expect(result.stderr.contains("Content/locales/en.yaml exists already"))
            #expect(try TranslationCommandTests.read(content.appendingPathComponent("locales/en.yaml")) == before)
        }

        @Test(arguments: [["l10n", "add", "de_DE"], ["l10n", "add", "x"], ["l10n", "add", "tr"], ["l10n", "add", "EN"]])
        func refusesWhatIsNotANewLocale(_ arguments: [String]) async throws {
            let (directory, content) = try TranslationCommandTests.copy()
            let result = try await TranslationCommandTests.run(arguments, in: directory)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("locales").path) == ["en.yaml"])
        }

        @Test func namesAreAutonyms() {
            #expect(LocaleNames.autonym("de") == "Deutsch")
            #expect(LocaleNames.autonym("tr") == "Türkçe")
            #expect(LocaleNames.autonym("fr") == "Français", "capitalised: names in a switcher start with a capital")
            #expect(LocaleNames.autonym("ar") == "العربية")
        }
    }
}
