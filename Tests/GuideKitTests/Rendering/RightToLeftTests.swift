import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// An Arabic locale (Tests/Fixtures/render-rtl): its pages turn right to left with the built-in
    /// templates and stylesheet as they are; only chrome strings are added.
    @Suite struct RightToLeftTests {
        static let fixture = Repository.fixture("render-rtl")

        func render() async throws -> (SiteLoader.Result, RenderedSite) {
            let fixture = Self.fixture
            let (loaded, site) = try await onOwnThread { () -> (SiteLoader.Result, RenderedSite?) in
                let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"),
                                              user: TemplateFolders.Folder(url: fixture.appendingPathComponent("templates"), display: "templates"))
                let loaded = SiteLoader(contentDirectory: fixture.appendingPathComponent("content").path, templates: folders).load()
                return (loaded, loaded.renderer?.render(SiteRenderer.Options(strictL10n: true)))
            }
            return (loaded, try #require(site, "\(loaded.diagnostics)"))
        }

        @Test func theOverlayHasStringsOnlyNoTemplates() throws {
            let folder = Self.fixture.appendingPathComponent("templates")
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            #expect(files == ["strings", "strings/ar.yaml"])
        }

        @Test func arabicPagesAreRightToLeftTheOthersLeftToRight() async throws {
            let (_, site) = try await render()
            #expect(site.diagnostics.isEmpty, "fully translated, even with --strict-l10n: \(site.diagnostics)")
            let article = site.text("html/ar/open-account.html")
            #expect(article.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(site.text("html/tr/open-account.html").contains(#"<html lang="tr" dir="ltr">"#))
            // The switcher names each language in its own language and direction.
            #expect(article.contains(#"hreflang="tr" lang="tr" dir="ltr">Türkçe</a>"#))
            #expect(site.text("html/tr/open-account.html").contains(#"hreflang="ar" lang="ar" dir="rtl">العربية</a>"#))
            // A Chinese UI label keeps its language inside the Arabic sentence; the percentage is written the Arabic way.
            #expect(article.contains(#"<span class="ui" lang="zh-Hans">现在去认证</span>"#))
            #expect(article.contains("<data value=\"0.8\">0.8\u{200E}%\u{200E}</data>"))
            // Arabic counts: 3 is `few`.
            #expect(site.text("html/ar/index.html").contains(#"<span class="step-count">(3 خطوات)</span>"#))
            #expect(site.text("markdown/ar/index.md").contains("(3 خطوات)"))
        }

        /// The stylesheet is built on logical properties, so `dir="rtl"` mirrors the layout by
        /// itself; a physical left/right property would not turn with it.
        @Test func theStylesheetHasNoPhysicalLeftOrRight() throws {
            let css = try String(contentsOf: Repository.templates.appendingPathComponent("html/assets/guide.css"), encoding: .utf8)
            let declarations = css.replacing(#//\*[\s\S]*?\*//#, with: "")
            for physical in ["margin-left", "margin-right", "padding-left", "padding-right", "border-left", "border-right",
                             "text-align: left", "text-align: right", "float: left", "float: right", "left:", "right:"] {
                #expect(!declarations.contains(physical), "\(physical) does not turn with dir=\"rtl\": use its logical form")
            }
            #expect(declarations.contains("margin-inline"))
            #expect(declarations.contains("border-inline-start"))
        }
    }
}
