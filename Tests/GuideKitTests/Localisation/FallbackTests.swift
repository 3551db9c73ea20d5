import Foundation
import GuideKit
import Testing

extension TranslationCommandTests {
    /// The issue's check of the fallback: one Turkish string changes in a copy of Content/, and
    /// exactly its English entry needs review, the English page shows the Turkish text marked as
    /// Turkish with the notice, validation warns about it, and --strict-l10n makes it an error.
    @Suite struct FallbackTests {
        static let key = "pay-on-1688.steps.place-order.text"
        static let old = "Ürün miktarını seçin ve “[Sipariş Ver](ui:tr)”e tıklayın"
        static let new = "Ürün adedini seçin ve “[Sipariş Ver](ui:tr)”e tıklayın"

        func changedCopy() throws -> (TemporaryDirectory, URL) {
            let (directory, content) = try TranslationCommandTests.copy()
            let section = content.appendingPathComponent("sections/pay-on-1688.yaml")
            try String(contentsOf: section, encoding: .utf8).replacingOnce("text: \(Self.old)", with: "text: \(Self.new)")
                .write(to: section, atomically: true, encoding: .utf8)
            return (directory, content)
        }

        @Test func exactlyThatEntryNeedsReview() async throws {
            let (directory, _) = try changedCopy()
            let json = try await TranslationCommandTests.run(["l10n", "status", "--format", "json"], in: directory)
            let document = try JSONDecoder().decode(StatusDocument.self, from: Data(json.stdout.utf8))
            let english = try #require(document.locales.first)
            #expect(english.groups.flatMap(\.needsReview).map(\.key) == [Self.key])
            #expect(english.total.needsReview == 1 && english.total.missing == 0)
            #expect(english.groups.first { $0.id == "pay-on-1688" }?.counts.needsReview == 1)
            let text = try await TranslationCommandTests.run(["l10n", "status"], in: directory)
            #expect(text.stdout.contains("  needs review: \(Self.key) (Content/locales/en.yaml:"))
            #expect(text.stdout.hasSuffix("guidegen l10n status: source tr; en 99.2 %\n"))
        }

        @Test func theEnglishPageShowsTheTurkishTextMarkedAndTheNotice() async throws {
            let (directory, _) = try changedCopy()
            let build = try await TranslationCommandTests.run(["build", "--content", "Content", "--output", "Output", "--format", "html", "--format", "checklist"], in: directory)
            #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
            #expect(build.stdout.contains(", 1 string in the source language in "))
            let page = try String(contentsOf: directory.url.appendingPathComponent("Output/html/en/pay-on-1688.html"), encoding: .utf8)
            #expect(page.contains(#"<p class="fallback-notice" role="note">Parts of this page have not been translated yet and are shown in the original language.</p>"#))
            #expect(page.contains(#"<span lang="tr" class="fallback">Ürün adedini seçin ve “<span class="ui" lang="tr">Sipariş Ver</span>”e tıklayın</span>"#))
            // Only that string: the rest of the page is English.
            #expect(page.components(separatedBy: #"class="fallback""#).count == 2)
            for other in ["alipay-personal-account", "order-on-1688"] {
                let html = try String(contentsOf: directory.url.appendingPathComponent("Output/html/en/\(other).html"), encoding: .utf8)
                #expect(!html.contains("fallback-notice"), "\(other)")
            }
            let checklist = try String(contentsOf: directory.url.appendingPathComponent("Output/checklists/en.txt"), encoding: .utf8)
            #expect(checklist.contains("[ ] 6.1 Ürün adedini seçin ve “Sipariş Ver”e tıklayın†"))
            #expect(checklist.contains("† Not translated yet: shown in the original language."))
        }

        @Test func validationWarnsAndStrictL10nFails() async throws {
            let (directory, _) = try changedCopy()
            let validate = try await TranslationCommandTests.run(["validate", "--content", "Content"], in: directory)
            #expect(validate.status == 0, "a warning: \(validate.stdout)")
            #expect(validate.stdout.contains("warning: the source text of ‘\(Self.key)’ changed after this en translation was made: review the translation, then set `source` to \(Fingerprint.of(Self.new)) [stale-translation]"))
            #expect(validate.stdout.hasSuffix("0 errors, 1 warning, 0 notes\n"))

            let strict = try await TranslationCommandTests.run(["build", "--content", "Content", "--output", "Output", "--strict-l10n"], in: directory)
            #expect(strict.status == 1)
            #expect(strict.stdout.contains("Content/locales/en.yaml:"))
            #expect(strict.stdout.contains("error: the ‘en’ translation of ‘\(Self.key)’ was made from an older source text: update it and its `source` fingerprint [stale-translation]"))
            #expect(strict.stdout.hasSuffix("guidegen build: nothing written\n"))
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output").path))
        }
    }
}
