import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// Marked numbers, counted chrome strings, upper case and the order of languages, as pages show them.
    @Suite struct LocaleFormattingTests {
        func tree(steps: String, catalog: String) -> String {
            guideTree(steps: steps, extra: """
                -- content/locales/en.yaml --
                locale: en
                name: English
                entries:
                \(catalog)
                """)
        }

        @Test func markedNumbersAreWrittenEachLocalesWay() async throws {
            let source = "World Pay için [0.8](percent:), [1500](number:) TL üzeri için [1](percent:) ücret"
            let (loaded, rendered, _) = try await render(tree: tree(steps: """
                  - id: pay
                    kind: action
                    text: "\(source)"
                """, catalog: """
                  first.steps.pay.text:
                    source: \(Fingerprint.of(source))
                    text: "A fee of [0.8](percent:) for World Pay, [1](percent:) over [1500](number:) TL"
                """))
            let site = try #require(rendered, "\(loaded.diagnostics)")
            #expect(site.text("html/tr/first.html").contains(#"World Pay için <data value="0.8">%0,8</data>, <data value="1500">1.500</data> TL üzeri için <data value="1">%1</data> ücret"#))
            #expect(site.text("html/en/first.html").contains(#"A fee of <data value="0.8">0.8%</data> for World Pay, <data value="1">1%</data> over <data value="1500">1,500</data> TL"#))
            #expect(site.text("markdown/en/first.md").contains("A fee of 0.8% for World Pay, 1% over 1,500 TL"))
            #expect(site.text("checklists/tr.txt").contains("World Pay için %0,8, 1.500 TL üzeri için %1 ücret"))
        }

        @Test func amountsPutTheCurrencyCodeWhereTheLocaleDoes() async throws {
            let source = "Hesabınıza [1500.50](amount:CNH) yükleyin"
            let (loaded, rendered, _) = try await render(tree: tree(steps: """
                  - id: top-up
                    kind: action
                    text: "\(source)"
                """, catalog: """
                  first.steps.top-up.text:
                    source: \(Fingerprint.of(source))
                    text: "Top up your account with [1500.50](amount:CNH)"
                """))
            let site = try #require(rendered, "\(loaded.diagnostics)")
            #expect(site.text("html/tr/first.html").contains("Hesabınıza <data value=\"1500.50\">CNH\u{00A0}1.500,50</data> yükleyin"))
            #expect(site.text("html/en/first.html").contains("Top up your account with <data value=\"1500.50\">CNH\u{00A0}1,500.50</data>"))
            #expect(site.text("checklists/tr.txt").contains("Hesabınıza CNH\u{00A0}1.500,50 yükleyin"))
        }

        @Test func aTurkishFallbackKeepsTurkishNumbers() async throws {
            let (_, rendered, _) = try await render(tree: tree(steps: """
                  - id: pay
                    kind: action
                    text: "[0.8](percent:) ücret"
                """, catalog: "  {}"))
            let site = try #require(rendered)
            #expect(site.text("html/en/first.html").contains(#"<span lang="tr" class="fallback"><data value="0.8">%0,8</data> ücret</span>"#))
        }

        @Test func aValueThatIsNotLocaleNeutralIsAnErrorAtItsPlace() async throws {
            let (_, rendered, _) = try await render(tree: tree(steps: """
                  - id: pay
                    kind: action
                    text: "[0,8](percent:) ücret"
                """, catalog: "  {}"))
            let diagnostic = try #require(rendered?.diagnostics.first { $0.id == "invalid-number" })
            #expect(diagnostic.location.file.hasSuffix("sections/first.yaml"))
            #expect(diagnostic.location.line == 7)
        }

        @Test func stepCountsUseThePluralRulesOfTheLanguage() async throws {
            let (_, rendered, _) = try await render(tree: tree(steps: """
                  - id: only
                    kind: action
                    text: Tek adım
                """, catalog: """
                  first.steps.only.text:
                    source: \(Fingerprint.of("Tek adım"))
                    text: The only step
                """))
            let site = try #require(rendered)
            #expect(site.text("html/en/index.html").contains(#"<span class="step-count">(1 step)</span>"#))
            #expect(site.text("html/tr/index.html").contains(#"<span class="step-count">(1 adım)</span>"#))
            let (_, seven, _) = try await render(tree: guideTree(steps: (1...7).map { "  - id: s\($0)\n    kind: action\n    text: Adım \($0)" }.joined(separator: "\n")))
            let sevenSite = try #require(seven)
            #expect(sevenSite.text("html/tr/index.html").contains(#"<span class="step-count">(7 adım)</span>"#))
            #expect(sevenSite.text("markdown/tr/index.md").contains("(7 adım)"))
        }

        @Test func theChecklistHeadingIsInUpperCaseByTheLanguagesRules() async throws {
            let (_, rendered, _) = try await render(tree: tree(steps: """
                  - id: only
                    kind: action
                    text: Tek adım
                """, catalog: "  {}"))
            let site = try #require(rendered)
            #expect(site.text("checklists/tr.txt").contains("\nKONTROL LİSTESİ\n"), "Turkish i → İ")
            #expect(site.text("checklists/en.txt").contains("\nCHECKLIST\n"))
        }

        @Test func languagesAreListedInTheOrderOfThePagesLanguage() async throws {
            let (_, rendered, _) = try await render(tree: tree(steps: """
                  - id: only
                    kind: action
                    text: Tek adım
                """, catalog: "  {}") + """

                -- content/locales/de.yaml --
                locale: de
                name: Deutsch
                entries: {}
                -- content/locales/ar.yaml --
                locale: ar
                name: العربية
                entries: {}
                """)
            let site = try #require(rendered)
            let chooser = site.text("html/index.html")
            let order = ["Deutsch", "English", "Türkçe", "العربية"].map { chooser.range(of: ">\($0)</span>")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "Latin names in the Turkish alphabet's order, then Arabic")
        }
    }
}
