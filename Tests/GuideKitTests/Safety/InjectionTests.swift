import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    /// Hostile strings in every place a string comes from (content, registry links, UI labels,
    /// chrome strings of a template overlay, catalog entries and names) never put markup or script
    /// into HTML, never start a block in Markdown, and never add a box or a control character to
    /// the checklist. Every rendered file is checked, whatever the build reports.
    @Suite struct InjectionTests {
        /// Payloads that try to escape text. `pwned` marks what must never become structure.
        static let payloads: [String] = [
            "<script>alert('pwned')</script>",
            "<img src=x onerror=alert('pwned')>",
            "\" onmouseover=\"alert('pwned')\" x=\"",
            "' onfocus='alert(1)' autofocus='",
            "</style><script>pwned()</script>",
            "</script><script>pwned()</script><!--",
            "[x](javascript:alert('pwned'))",
            "[x](JaVaScRiPt:alert('pwned'))",
            "[x](&#106;avascript:alert('pwned'))",
            "[x](java&#x09;script:alert('pwned'))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox('pwned'))",
            "<javascript:alert('pwned')>",
            "![x](javascript:alert('pwned'))",
            "a\n# pwned heading",
            "a\n\n# pwned heading",
            "a\n```\n# pwned in code\n```",
            "    # pwned indented",
            "~~~\n# pwned\n~~~",
            "a\n[ ] pwned box",
            "[ ] pwned box",
            "[x] pwned done",
            "a\u{0C}pwned form feed",
            "\u{1B}[31mpwned red\u{1B}[0m",
            "evil \u{202E}dewnwp\u{202C} bidi \u{2066}x\u{2069}",
            "nul \u{0}pwned \u{FFFE} \u{7F}",
            "&lt;script&gt; &#60;script&#62; &amp;",
            "<!-- pwned --> <![CDATA[x]]> <?php pwned ?>",
            // Found by fuzzing: code spans whose fences merged (raw HTML between them prints as
            // nothing) or were too short (a backtick with a combining mark) let code become Markdown.
            "```a``b```<b>`[x](javascript:alert('pwned'))`",
            "``x`\u{301}[a](javascript:alert('pwned'))`` tıklayın",
        ]

        enum Place: String, CaseIterable, CustomTestStringConvertible, Sendable {
            case contentText, registryURL, uiLabel, uiLanguage, chromeString, catalogEntry, catalogName
            var testDescription: String { rawValue }
        }

        /// A YAML double-quoted scalar holding `text` exactly (JSON strings are YAML scalars; YAML
        /// also wants DEL, C1 controls and noncharacters escaped).
        static func quoted(_ text: String) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let json = String(decoding: try! encoder.encode(text), as: UTF8.self)
            var out = ""
            for scalar in json.unicodeScalars {
                if (0x7F...0x9F).contains(scalar.value) || scalar.properties.isNoncharacterCodePoint {
                    out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        /// A project with `payload` in `place`, every other string benign.
        static func project(_ payload: String, in place: Place) -> (files: [String: String], expectsErrors: Bool) {
            let q = quoted(payload)
            var files: [String: String] = [:]
            var text = quoted("[site](link:home) ziyaret edin")
            var stepLinks = "[home]"
            var links = YAMLInput.links.valid
            var expectsErrors = false
            switch place {
            case .contentText:
                text = q
                // Raw links in the text are errors; plain text and code are not.
                expectsErrors = (payload.contains("](") || payload.hasPrefix("<javascript")) && !payload.contains("`")
            case .registryURL:
                links += "\n  bad:\n    url: \(q)\n    service: worldfirst"
                text = quoted("[site](link:bad) ziyaret edin")
                stepLinks = "[bad]"
                expectsErrors = true
            case .uiLabel:
                // Brackets escaped, so the whole payload is the label's text.
                text = quoted("‘[\(payload.replacingOccurrences(of: "]", with: "\\]"))](ui:en)’e tıklayın")
            case .uiLanguage:
                // Not a link at all when the payload has spaces: then it is text.
                text = quoted("‘[Next](ui:\(payload))’e tıklayın")
            case .chromeString:
                files["templates/strings/tr.yaml"] = ["contents", "section", "step", "tip", "localeName", "checklistName", "support", "dayRange", "listEnd"]
                    .map { "\($0): \(q)" }.joined(separator: "\n")
            case .catalogEntry, .catalogName:
                break
            }
            let title = "Hesap nasıl açılır?", intro = "Giriş metni", substep = "Alt adım", note = "Not metni", answer = "Yanıt"
            let plainText = place == .contentText ? q : text
            files["content/sections/first.yaml"] = """
                id: first
                label: "1"
                title: \(place == .contentText ? q : quoted(title))
                intro: \(place == .contentText ? q : quoted(intro))
                steps:
                  - id: visit
                    kind: action
                    text: \(plainText)
                    detail: \(place == .contentText ? q : quoted("Ayrıntı"))
                    substeps:
                      - id: one
                        text: \(place == .contentText ? q : quoted(substep))
                    fields:
                      - id: name
                        label: \(place == .contentText ? q : quoted("Ad"))
                    notes:
                      - id: hint
                        kind: tip
                        text: \(place == .contentText ? q : quoted(note))
                    questions:
                      - id: why
                        question: \(place == .contentText ? q : quoted("Neden?"))
                        answer: \(place == .contentText ? q : quoted(answer))
                    links: \(stepLinks)
                    screenshot: {file: shot.png, alt: \(place == .contentText ? q : quoted("Ekran"))}
                """
            files["content/links.yaml"] = links
            if place == .catalogEntry || place == .catalogName {
                let entries = [("first.title", title), ("first.intro", intro), ("first.steps.visit.text", "[site](link:home) ziyaret edin"),
                               ("first.steps.visit.substeps.one.text", substep), ("first.steps.visit.notes.hint.text", note),
                               ("first.steps.visit.questions.why.answer", answer)]
                let body = place == .catalogName ? "" : entries.map { key, source in
                    "  \(key):\n    source: \(Fingerprint.of(source))\n    text: \(q)"
                }.joined(separator: "\n")
                files["content/locales/en.yaml"] = "locale: en\nname: \(place == .catalogName ? q : "English")\nentries:\(body.isEmpty ? " {}" : "\n" + body)"
                expectsErrors = place == .catalogEntry && (payload.contains("](") || payload.hasPrefix("<javascript")) && !payload.contains("`")
            }
            return (files, expectsErrors)
        }

        /// Renders the project with `payload` in `place`: the loader's diagnostics and the site.
        static func render(_ payload: String, in place: Place) throws -> (loaded: SiteLoader.Result, site: RenderedSite?, expectsErrors: Bool) {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            try FileManager.default.removeItem(at: directory.url.appendingPathComponent(YAMLInput.catalog.rawValue))
            try FileManager.default.removeItem(at: directory.url.appendingPathComponent(YAMLInput.configuration.rawValue))
            try directory.write("content/media/shot.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            let (files, expectsErrors) = project(payload, in: place)
            for (path, text) in files { try directory.write(path, Data(text.utf8)) }
            let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"),
                                          user: TemplateFolders.Folder(url: directory.url.appendingPathComponent("templates"), display: "templates"))
            let loaded = SiteLoader(contentDirectory: directory.url.appendingPathComponent("content").path, templates: folders).load()
            return (loaded, loaded.renderer?.render(SiteRenderer.Options()), expectsErrors)
        }

        /// Each payload against the same project with a harmless word in its place: the payload
        /// may change text, never structure.
        @Test(arguments: Place.allCases)
        func noPayloadEscapesItsText(place: Place) async throws {
            let failures = try await onOwnThread { () -> [String] in
                guard let baseline = try Self.render("x", in: place).site else { return ["the harmless project does not load"] }
                var failures: [String] = []
                for payload in Self.payloads {
                    let (loaded, site, expectsErrors) = try Self.render(payload, in: place)
                    guard let site else {
                        // Refused while loading: only a payload invalid where it stands may be.
                        if !(place == .uiLanguage || place == .catalogName || place == .registryURL) || !loaded.hasErrors {
                            failures.append("\(payload.debugDescription): refused: \(loaded.diagnostics)")
                        }
                        continue
                    }
                    if expectsErrors, !site.hasErrors { failures.append("\(payload.debugDescription): should be an error") }
                    failures += Self.problems(site, baseline: baseline).map { "\(payload.debugDescription): \($0)" }
                }
                return failures
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }

        /// The number of occurrences of each structural mark of a file: tags in HTML, blocks of
        /// the Markdown as cmark renders it, boxes in the checklist.
        static func structure(_ file: OutputFile) -> [String: Int] {
            let text = String(decoding: file.bytes, as: UTF8.self)
            var counts: [String: Int] = [:]
            func count(_ marks: [String], in text: String) {
                for mark in marks { counts[mark] = text.components(separatedBy: mark).count - 1 }
            }
            if file.path.hasSuffix(".html") {
                // Text has no `<`: every one starts a tag. Count tags by name and attributes by
                // tag and name, outside quoted values.
                for tag in text.components(separatedBy: "<").dropFirst() {
                    let inside = tag.prefix { $0 != ">" }
                    var words: [String] = []
                    var word = "", quote: Character?
                    for character in inside {
                        if let open = quote { if character == open { quote = nil }; continue }
                        if character == "\"" || character == "'" { quote = character; continue }
                        if character == " " || character == "=" || character == "\n" {
                            if !word.isEmpty { words.append(word) }
                            word = ""
                            if character == "=" { words.append("=") }
                        } else {
                            word.append(character)
                        }
                    }
                    if !word.isEmpty { words.append(word) }
                    guard let name = words.first else { continue }
                    counts[name, default: 0] += 1
                    for (index, attribute) in words.enumerated().dropFirst() where attribute != "=" && (index == 0 || words[index - 1] != "=") {
                        counts["\(name)@\(attribute)", default: 0] += 1
                    }
                }
            } else if file.path.hasSuffix(".md") {
                count(["<h1", "<h2", "<h3", "<h4", "<p>", "<li>", "<pre", "<blockquote", "<hr", "<a ", "<img"], in: CommonMark.html(fromMarkdown: text))
                counts["headings"] = CommonMark.outline(ofDocument: text).headings.count
            } else if file.path.hasSuffix(".txt") {
                counts["boxes"] = text.split(separator: "\n").filter { line in
                    let trimmed = line.drop { $0 == " " }
                    return trimmed.hasPrefix("[ ]") || trimmed.hasPrefix("[x]") || trimmed.hasPrefix("[X]")
                }.count
            }
            return counts
        }

        /// What breaks a promise in `site`: the checks of `FuzzTargets` on every page, characters
        /// no output carries, and, when the build succeeds, any structure the harmless project lacks.
        static func problems(_ site: RenderedSite, baseline: RenderedSite) -> [String] {
            var problems: [String] = []
            if site.files.isEmpty { problems.append("nothing rendered") }
            let expected = Dictionary(baseline.files.map { ($0.path, structure($0)) }) { first, _ in first }
            for file in site.files where !file.path.hasSuffix(".png") && !file.path.hasSuffix(".css") {
                let text = String(decoding: file.bytes, as: UTF8.self)
                if let bad = text.unicodeScalars.first(where: FuzzTargets.isForbiddenInOutput) {
                    problems.append("\(file.path) carries U+\(String(bad.value, radix: 16))")
                }
                if file.path.hasSuffix(".html") {
                    problems += FuzzTargets.htmlProblems(page: text).map { "\(file.path): \($0)" }
                } else if file.path.hasSuffix(".md") {
                    problems += FuzzTargets.markdownProblems(page: text).map { "\(file.path): \($0)" }
                } else if file.path.hasSuffix(".txt") {
                    for line in text.split(separator: "\n") where line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                        problems.append("\(file.path): a control character in \(line.debugDescription)")
                    }
                }
                // No tag, attribute, block or box the harmless project lacks (content whose own markup
                // breaks, e.g. a UI label cut by a line break, may have less).
                let structure = structure(file)
                if let expected = expected[file.path] {
                    // Inline markup content may write itself (`code`, *emphasis*) is not structure.
                    let inline: Set<String> = ["code", "/code", "em", "/em", "strong", "/strong"]
                    let added = structure.filter { !inline.contains($0.key) && $0.value > expected[$0.key, default: 0] }
                    if !added.isEmpty { problems.append("\(file.path): structure \(added) where the harmless project has \(added.keys.map { "\($0): \(expected[$0, default: 0])" })") }
                }
            }
            return problems
        }

        func expectSafe(_ site: RenderedSite, baseline: RenderedSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            let problems = Self.problems(site, baseline: baseline)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }

        /// Registry URLs: only https, printable ASCII, reach a page; mailto: and tel: only as the
        /// support contact or written in text.
        @Test(arguments: ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "http://example.com/", "mailto:x@example.com",
                          "tel:+6512345678", "https://example.com/\u{202E}x", "https://exa mple.com/", "https://example.com/\"x", "//example.com/", "https://"])
        func onlyHTTPSRegistryURLsArePublished(url: String) async throws {
            let (site, baseline) = try await onOwnThread { (try Self.render(url, in: .registryURL).site, try Self.render("https://example.com/x", in: .registryURL).site) }
            let rendered = try #require(site)
            let errors = rendered.diagnostics.filter { $0.id == "unsafe-url" }
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0.location.file.hasSuffix("content/links.yaml") && $0.location.line == 6 }, "\(errors)")
            // The support contact's own tel: link is the one tel: on the pages.
            if !url.hasPrefix("tel:") {
                for file in rendered.files {
                    let text = String(decoding: file.bytes, as: UTF8.self)
                    #expect(!text.contains("href=\"\(Escape.htmlAttribute(url))\"") && !text.contains("](\(Escape.markdownDestination(url)))"), "\(file.path)")
                }
            }
            expectSafe(rendered, baseline: try #require(baseline))
        }
    }
}
