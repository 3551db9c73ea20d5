import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    @Suite struct TemplateTests {
        let steps = """
              - id: one
                kind: action
                text: Bir
            """

        @Test func aSyntaxErrorNamesTheTemplateLineAndColumn() async throws {
            let marked = MarkedText("""
                <p>{{#article}}{{title}}</p>
                <p>{{/1️⃣steps}}</p>
                """)
            let (loaded, _, _) = try await render(tree: guideTree(steps: steps) + "\n-- templates/html/article.mustache --\n" + marked.text)
            let diagnostic = try #require(loaded.diagnostics.first { $0.id == "template-syntax" })
            #expect(diagnostic.location.file == "templates/html/article.mustache")
            #expect(diagnostic.location.line == marked[1].line)
            #expect(diagnostic.location.column == marked[1].column)
            #expect(loaded.renderer == nil)
        }

        @Test func aSyntaxErrorOnTheFirstLineHasItsOwnColumn() async throws {
            let (loaded, _, _) = try await render(tree: guideTree(steps: steps) + "\n-- templates/markdown/index.mustache --\nab{{/x}}")
            let diagnostic = try #require(loaded.diagnostics.first { $0.id == "template-syntax" })
            #expect(diagnostic.location.line == 1)
            #expect(diagnostic.location.column == 6)
        }

        @Test func anUnknownPartialOrParentIsReportedWhereItIsUsed() async throws {
            let (loaded, _, _) = try await render(tree: guideTree(steps: steps) + """

                -- templates/html/index.mustache --
                {{<layout}}
                {{$main}}
                  {{>partials/nothing}}
                {{/main}}
                {{/layout}}
                -- templates/checklist/header.mustache --
                {{<frame}}{{/frame}}
                """)
            let unknown = loaded.diagnostics.filter { $0.id == "unknown-partial" }
            #expect(unknown.map { "\($0.location)" } == ["templates/checklist/header.mustache:1:1", "templates/html/index.mustache:3:3"])
        }

        @Test func partialsThatIncludeEachOtherAreRefused() async throws {
            let (loaded, _, _) = try await render(tree: guideTree(steps: steps) + """

                -- templates/markdown/partials/a.mustache --
                {{>partials/b}}
                -- templates/markdown/partials/b.mustache --
                {{>partials/a}}
                """)
            #expect(loaded.diagnostics.ids.contains("partial-cycle"))
        }

        @Test func anUnknownChromeStringIsReportedWithASuggestion() async throws {
            let (loaded, _, _) = try await render(tree: guideTree(steps: steps) + """

                -- templates/checklist/footer.mustache --
                {{strings.suport}} {{! strings.ignored in a comment }}
                """)
            let diagnostic = try #require(loaded.diagnostics.first { $0.id == "unknown-string" })
            #expect("\(diagnostic.location)" == "templates/checklist/footer.mustache:1:1")
            #expect(diagnostic.message.contains("‘support’"))
            #expect(loaded.diagnostics.count == 1)
        }

        /// A templates folder is listed recursively and sorted; hidden files and folders are left
        /// out; a symbolic link is listed as it is and not followed (reading it reports where it leads).
        @Test func aTemplatesFolderListsFilesAndLinksButNothingHidden() throws {
            let directory = try TemporaryDirectory()
            for path in ["html/layout.mustache", "html/partials/step.mustache", "html/partials/deep/more.mustache",
                         "html/.draft.mustache", "html/.hidden/secret.mustache", "elsewhere/outside.mustache"] {
                try directory.write(path, Data("x".utf8))
            }
            let html = directory.url.appendingPathComponent("html")
            try FileManager.default.createSymbolicLink(atPath: html.appendingPathComponent("linked").path, withDestinationPath: "../elsewhere")
            #expect(TemplateFolders.list(html) == ["layout.mustache", "linked", "partials/deep/more.mustache", "partials/step.mustache"])
            #expect(TemplateFolders.list(directory.url.appendingPathComponent("missing")) == [])
        }

        @Test func theUsersTemplateReplacesTheBuiltInOneFileByFile() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: steps) + """

                -- templates/checklist/footer.mustache --
                {{#support}}Custom footer: {{phone}}{{/support}}
                -- templates/html/assets/extra.css --
                p { color: red; }
                """)
            let site = try #require(rendered)
            #expect(site.text("checklists/tr.txt").hasSuffix("Custom footer: +65 1234 5678\n"))
            #expect(site.text("checklists/tr.txt").contains("[ ] 1.1 Bir"))  // the built-in section template
            #expect(site.files.map(\.path).contains("html/assets/extra.css"))
            #expect(site.files.map(\.path).contains("html/assets/guide.css"))
        }

        @Test func templatesDoNotEscapeAgain() async throws {
            let (_, rendered, _) = try await render(tree: guideTree(steps: """
                  - id: one
                    kind: action
                    text: "A & B <c>"
                """) + """

                -- templates/checklist/section.mustache --
                {{#section}}{{#steps}}{{text}}|{{{text}}}{{/steps}}{{/section}}
                """)
            let site = try #require(rendered)
            #expect(site.text("checklists/tr.txt").contains("A & B |A & B"))
            #expect(site.text("html/tr/first.html").contains("A &amp; B </p>"))
        }

        @Test func scanningFindsPartialReferencesAndStringKeys() throws {
            let text = "x {{> a }}\n  {{<b}}{{/b}}{{! {{>c}} }}{{#strings.d}}{{attr.e}}{{/strings.d}}{{&strings.f}}{{other.strings.g}}{{=<% %>=}}<%upper.h%><%>i%>"
            let references = try TemplateParser.scan(text).references
            #expect(references.filter { $0.kind != .value }.map { "\($0.name)@\($0.line):\($0.column)" } == ["a@1:3", "b@2:3", "i@2:121"])
            #expect(references.compactMap { TemplateSet.chromeKey($0.name) } == ["d", "e", "f", "h"])
        }
    }
}
