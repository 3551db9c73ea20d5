import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// Hostile and tricky content strings through the whole pipeline, in every format.
    @Suite struct InlineRenderingTests {
        @Test func scriptTagsAndQuotesNeverBecomeMarkup() async throws {
            let (loaded, rendered, _) = try await render(tree: guideTree(steps: #"""
                  - id: hostile
                    kind: action
                    text: 'Tıklayın <script>alert("x")</script> "tırnak" & *yıldız* ve [bölüm](section:first#hostile)'
                """#))
            let site = try #require(rendered, "\(loaded.diagnostics)")
            #expect(site.diagnostics.isEmpty)
            let html = site.text("html/tr/first.html")
            #expect(!html.contains("<script>alert"))
            #expect(html.contains(#"Tıklayın alert("x") "tırnak" &amp; <em>yıldız</em> ve <a href="first.html#hostile">bölüm</a>"#))
            let markdown = site.text("markdown/tr/first.md")
            #expect(markdown.contains(#"Tıklayın alert("x") "tırnak" & *yıldız* ve [bölüm](first.md#hostile)"#))
            let checklist = site.text("checklists/tr.txt")
            #expect(checklist.contains(#"[ ] 1.1 Tıklayın alert("x") "tırnak" & yıldız ve bölüm"#))
        }

        @Test func literalMarkdownCharactersInContentStayLiteralInMarkdown() async throws {
            let (_, site, _) = try await render(tree: guideTree(steps: #"""
                  - id: literal
                    kind: action
                    text: '1\. adım: \*yıldız\* ve \[köşeli\] ile \_alt\_ çizgi'
                """#))
            let markdown = try #require(site).text("markdown/tr/first.md")
            #expect(markdown.contains(#"1\. adım: \*yıldız\* ve \[köşeli\] ile \_alt\_ çizgi"#))
            let rendered = CommonMark.html(fromMarkdown: markdown)
            #expect(rendered.contains("1. adım: *yıldız* ve [köşeli] ile _alt_ çizgi"))
        }

        @Test func javascriptLinkIsAnErrorAtItsPlace() async throws {
            let marked = MarkedText("""
                  - id: hostile
                    kind: action
                    text: "[x](1️⃣javascript:alert(1)) tıklayın"
                """)
            let (loaded, rendered, directory) = try await render(tree: guideTree(steps: marked.text))
            _ = directory
            #expect(!loaded.hasErrors)
            let site = try #require(rendered)
            let diagnostic = try #require(site.diagnostics.first { $0.id == "unsafe-link" })
            #expect(diagnostic.location.file.hasSuffix("content/sections/first.yaml"))
            // The section file's steps start on line 5 of the file.
            #expect(diagnostic.location.line == marked[1].line + 4)
            #expect(diagnostic.location.column == marked[1].column)
            #expect(site.hasErrors)
        }

        @Test func aRegistryURLThatIsNotHTTPSIsAnErrorAtTheRegistryEntry() async throws {
            let (_, site, _) = try await render(tree: guideTree(steps: """
                  - id: visit
                    kind: action
                    text: "[site](link:plain) adresine gidin"
                """, links: """
                  plain:
                    url: http://example.com/
                    service: worldfirst
                """))
            let diagnostic = try #require(site?.diagnostics.first { $0.id == "unsafe-url" })
            #expect(diagnostic.location.file.hasSuffix("content/links.yaml"))
            #expect(diagnostic.location.line == 6)
        }

        @Test func mailtoAndTelDestinationsArePublished() async throws {
            let (_, site, _) = try await render(tree: guideTree(steps: """
                  - id: contact
                    kind: action
                    text: "[yazın](mailto:help@example.com) ya da [arayın](tel:+6512345678)"
                """))
            let html = try #require(site).text("html/tr/first.html")
            #expect(html.contains(#"<a href="mailto:help@example.com">yazın</a> ya da <a href="tel:+6512345678">arayın</a>"#))
        }

        @Test func uiLabelsCarryTheirLanguageInEveryFormat() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: """
                  - id: verify
                    kind: action
                    text: "‘[现在去认证](ui:zh-Hans)’e ve ‘[World Pay](ui:en)’e tıklayın"
                """))
            let site = try #require(rendered)
            #expect(site.text("html/tr/first.html").contains(#"‘<span class="ui" lang="zh-Hans">现在去认证</span>’e ve ‘<span class="ui" lang="en">World Pay</span>’e tıklayın"#))
            #expect(site.text("markdown/tr/first.md").contains("‘**现在去认证**’e ve ‘**World Pay**’e tıklayın"))
            #expect(site.text("checklists/tr.txt").contains("[ ] 1.1 ‘现在去认证’e ve ‘World Pay’e tıklayın"))
        }

        @Test func aGlossFollowsItsUILabelInParenthesesInEveryFormat() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: """
                  - id: verify
                    kind: action
                    text: "‘[现在去认证](ui:zh-Hans)’ [Şimdi *doğrula*](gloss:) düğmesine tıklayın"
                """))
            let site = try #require(rendered)
            #expect(site.text("html/tr/first.html").contains(#"‘<span class="ui" lang="zh-Hans">现在去认证</span>’ <span class="gloss">(Şimdi <em>doğrula</em>)</span> düğmesine tıklayın"#))
            #expect(site.text("markdown/tr/first.md").contains("‘**现在去认证**’ (Şimdi *doğrula*) düğmesine tıklayın"))
            #expect(site.text("checklists/tr.txt").contains("[ ] 1.1 ‘现在去认证’ (Şimdi doğrula) düğmesine tıklayın"))
        }

        @Test func aUILabelWithAnAttributeBreakingLanguageIsAnError() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: #"""
                  - id: verify
                    kind: action
                    text: '[x](<ui:en" onclick="alert(1)>) tıklayın'
                """#))
            let site = try #require(rendered)
            #expect(site.diagnostics.ids.contains("invalid-language"))
        }

        @Test func aHostileTitleStaysTextInTheTitleElementAttributesAndJSONLD() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: """
                  - id: one
                    kind: action
                    text: Bir </script><script>alert(1)</script>
                """, title: #"'Başlık "x" </script> & <!--'"#))
            let html = try #require(rendered).text("html/tr/first.html")
            // `</script>` is raw HTML in content and dropped; the rest is text, escaped for each place.
            #expect(html.contains("<title>Başlık &quot;x&quot;  &amp; &lt;!-- – Rehber</title>"))
            #expect(html.contains(#""name": "Başlık \"x\"  \u0026 \u003c!--""#))
            #expect(html.contains(#"<h1 id="article-title">Başlık "x"  &amp; &lt;!--</h1>"#))
            let script = try #require(html.between("<script type=\"application/ld+json\">", "</script>"))
            #expect(!script.contains("<"))
            #expect(html.components(separatedBy: "</script>").count == 2)
        }
    }
}
