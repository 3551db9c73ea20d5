import Foundation
import GuideKit
import Testing

extension RenderingTests {
    @Suite struct LocalisationTests {
        /// A guide whose step text has an up-to-date, a stale and a missing English translation.
        func tree(extraCatalog: String = "") -> String {
            guideTree(steps: """
                  - id: fresh
                    kind: action
                    text: Güncel metin
                  - id: stale
                    kind: action
                    text: Yeni metin
                  - id: missing
                    kind: action
                    text: Çevrilmemiş metin
                """, extra: """
                -- content/locales/en.yaml --
                locale: en
                name: English
                entries:
                  first.steps.fresh.text:
                    source: \(Fingerprint.of("Güncel metin"))
                    text: Current text
                  first.steps.stale.text:
                    source: \(Fingerprint.of("Eski metin"))
                    text: Old text
                \(extraCatalog)
                """)
        }

        @Test func resolverSaysWhereEachStringCameFrom() async throws {
            let (loaded, _, _) = try await render(tree: tree())
            let renderer = try #require(loaded.renderer, "\(loaded.diagnostics)")
            let english = try #require(renderer.allLocales.first { $0.tag == "en" })
            let steps = renderer.guide.sections[0].steps
            #expect(english.resolver.resolve(steps[0].text).provenance == .translated)
            #expect(english.resolver.resolve(steps[0].text).value == "Current text")
            let stale = english.resolver.resolve(steps[1].text)
            #expect(stale.isFallback)
            #expect(stale.value == "Yeni metin")
            #expect(stale.language == "tr")
            let missing = english.resolver.resolve(steps[2].text)
            #expect(missing.provenance == .missing)
            #expect(missing.value == "Çevrilmemiş metin")
            #expect(renderer.allLocales.map(\.name) == ["Türkçe", "English"])
        }

        /// A hint only says where to look first: with any hint each text resolves as without one,
        /// and after a text found in the catalog the hint points past its entry.
        @Test func aHintedResolveIsTheResolve() async throws {
            let (loaded, _, _) = try await render(tree: tree())
            let renderer = try #require(loaded.renderer, "\(loaded.diagnostics)")
            let english = try #require(renderer.allLocales.first { $0.tag == "en" })
            // The catalog lists the fresh and the stale step's entries, in that order.
            let texts = renderer.guide.sections[0].steps.map(\.text) + [renderer.guide.title]
            for (text, after) in zip(texts, [1, 2, nil, nil]) {
                for start in [-1, 0, 1, 2, 3, 50] {
                    var hint = start
                    let resolved = english.resolver.resolve(text, hint: &hint)
                    #expect(resolved == english.resolver.resolve(text), "\(text.key) from \(start)")
                    #expect(hint == after ?? start, "\(text.key) from \(start)")
                }
            }
        }

        @Test func aStaleEntryRendersTheTurkishTextInTurkishWithTheNotice() async throws {
            let (_, rendered, _) = try await render(tree: tree())
            let site = try #require(rendered)
            let html = site.text("html/en/first.html")
            #expect(html.contains(#"<html lang="en" dir="ltr">"#))
            #expect(html.contains(#"1.1</span> Current text</p>"#))
            #expect(html.contains(#"1.2</span> <span lang="tr" class="fallback">Yeni metin</span></p>"#))
            #expect(html.contains(#"1.3</span> <span lang="tr" class="fallback">Çevrilmemiş metin</span></p>"#))
            #expect(html.contains(#"<p class="fallback-notice" role="note">Parts of this page have not been translated yet"#))
            #expect(!site.text("html/tr/first.html").contains("fallback-notice"))
            #expect(site.text("markdown/en/first.md").contains("1.2 Yeni metin†"))
            #expect(site.text("checklists/en.txt").contains("[ ] 1.2 Yeni metin†"))
            #expect(site.text("checklists/en.txt").contains("† Not translated yet"))
            #expect(Set(site.fallbacks.map(\.kind)) == [.stale, .missing])
        }

        @Test func strictL10nMakesEveryFallbackAnErrorAtThePlaceToFixIt() async throws {
            let (_, rendered, directory) = try await render(tree: tree(), options: SiteRenderer.Options(strictL10n: true))
            _ = directory
            let site = try #require(rendered)
            #expect(site.hasErrors)
            let stale = try #require(site.diagnostics.first { $0.id == "stale-translation" })
            #expect(stale.location.file.hasSuffix("content/locales/en.yaml"))
            #expect(stale.location.line == 9)
            // Missing: at the source text (here the step; the guide's title and support texts too).
            let missing = site.diagnostics.filter { $0.id == "missing-translation" }.map { "\($0.location.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line)" }
            #expect(missing.contains("sections/first.yaml:13"))
            #expect(missing.contains("content/guide.yaml:1"))
        }

        @Test func aTranslationWithAnUnsafeLinkIsAnErrorInTheCatalog() async throws {
            let (_, site, _) = try await render(tree: tree(extraCatalog: """
                  first.steps.missing.text:
                    source: \(Fingerprint.of("Çevrilmemiş metin"))
                    text: "[x](javascript:alert(1))"
                """))
            let diagnostic = try #require(site?.diagnostics.first { $0.id == "unsafe-link" })
            #expect(diagnostic.location.file.hasSuffix("content/locales/en.yaml"))
            #expect(diagnostic.location.line == 12)
        }

        @Test func catalogProblemsAreLocated() async throws {
            let (loaded, _, _) = try await render(tree: guideTree(steps: """
                  - id: one
                    kind: action
                    text: Bir
                """, extra: """
                -- content/locales/de.yaml --
                locale: en
                name: Deutsch
                entries:
                  first.steps.one.text:
                    source: 12345
                    text: Eins
                """))
            #expect(loaded.diagnostics.ids.sorted() == ["locale-mismatch", "wrong-type"])
            #expect(loaded.renderer == nil)
        }

        @Test func languageSwitcherAndAlternatesAreReciprocal() async throws {
            let (_, rendered, _) = try await render(tree: tree())
            let site = try #require(rendered)
            for (page, other) in [("html/tr/first.html", "en"), ("html/en/first.html", "tr")] {
                let html = site.text(page)
                #expect(html.contains(#"<link rel="alternate" hreflang="tr" href="../tr/first.html">"#))
                #expect(html.contains(#"<link rel="alternate" hreflang="en" href="../en/first.html">"#))
                #expect(html.contains(#"<link rel="alternate" hreflang="x-default" href="../tr/first.html">"#))
                #expect(html.contains(#"hreflang="\#(other)" lang="\#(other)""#))
            }
            #expect(site.text("html/en/first.html").contains(#">Türkçe</a>"#))
            #expect(site.text("html/tr/first.html").contains(#">English</a>"#))
            // Anchors are the English step ids in every locale.
            #expect(site.text("html/en/first.html").contains(#"id="stale""#))
            #expect(site.text("html/tr/first.html").contains(#"id="stale""#))
        }

        @Test func chromeStringsFallBackFromTheUsersTableToTheBuiltInOneThenToTheSourceLocale() async throws {
            let (_, rendered, _) = try await render(tree: tree() + """

                -- templates/strings/en.yaml --
                steps: The steps
                -- content/locales/de.yaml --
                locale: de
                name: Deutsch
                entries: {}
                """)
            let site = try #require(rendered)
            let english = site.text("html/en/first.html")
            #expect(english.contains(#"<h2 id="steps-title">The steps</h2>"#))
            #expect(english.contains(#"<h2 class="support-title">Support</h2>"#))
            // No German strings at all: the Turkish chrome, marked as Turkish.
            let german = site.text("html/de/first.html")
            #expect(german.contains(#"<h2 id="steps-title"><span lang="tr" class="fallback">Adımlar</span></h2>"#))
            #expect(site.fallbacks.contains { $0.locale == "de" && $0.kind == .chrome && $0.key == "steps" })
        }
    }
}
