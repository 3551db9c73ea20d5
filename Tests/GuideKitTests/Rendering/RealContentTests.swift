import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// The repository's own guide through the pipeline, in memory.
    @Suite struct RealContentTests {
        func renderRealContent() async throws -> RenderedSite {
            let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"))
            let loaded = try await onOwnThread { SiteLoader(contentDirectory: Repository.content.path, templates: folders).load() }
            let renderer = try #require(loaded.renderer, "\(loaded.diagnostics)")
            return try await onOwnThread { renderer.render(SiteRenderer.Options()) }
        }

        @Test func rendersWithoutProblems() async throws {
            let site = try await renderRealContent()
            #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
            #expect(site.files.contains { $0.path == "html/tr/authorise-worldfirst.html" })
            #expect(site.files.contains { $0.path == "checklists/tr.txt" })
        }

        /// The JSON-LD HowTo lists exactly the steps the page shows, in order, with the same text.
        @Test func howToStepsEqualTheVisibleSteps() async throws {
            let site = try await renderRealContent()
            for file in site.files where file.path.hasPrefix("html/") && file.path.hasSuffix(".html") && !file.path.hasSuffix("index.html") {
                let html = String(decoding: file.bytes, as: UTF8.self)
                let json = try #require(html.between("<script type=\"application/ld+json\">\n", "\n</script>"))
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                #expect(object["@type"] as? String == "HowTo")
                #expect(object["inLanguage"] as? String == file.path.split(separator: "/")[1].description)
                let steps = try #require(object["step"] as? [[String: Any]])
                let visible = html.components(separatedBy: "<p class=\"step-text\">").dropFirst().map { chunk in
                    Self.textContent(String(chunk[..<chunk.range(of: "</p>")!.lowerBound]))
                }
                #expect(steps.map { "\($0["text"] as? String ?? "")" } == visible.map { String($0.drop { $0 != " " }.dropFirst()) }, "\(file.path)")
                #expect(steps.map { $0["url"] as? String ?? "" } == html.components(separatedBy: "<li class=\"step ").dropFirst().map { $0.between("id=\"", "\"").map { "#" + $0 } ?? "" })
            }
        }

        /// The text of an HTML fragment: tags removed, the few entities guidegen writes decoded, the
        /// visually hidden "Step" word dropped.
        static func textContent(_ html: String) -> String {
            var text = html.replacingOccurrences(of: #"<span class="visually-hidden">[^<]*</span>"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            return text
        }
    }
}

extension String {
    func between(_ start: String, _ end: String) -> String? {
        guard let from = range(of: start), let to = self[from.upperBound...].range(of: end) else { return nil }
        return String(self[from.upperBound..<to.lowerBound])
    }
}
