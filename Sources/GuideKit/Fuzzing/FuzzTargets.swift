import Foundation

/// What guidegen promises about any input, as functions a fuzzer (or a test replaying a corpus)
/// calls with arbitrary bytes: each returns the broken promises, empty when all hold. A crash,
/// a hang or a sanitizer report is a broken promise too.
public enum FuzzTargets {
    public enum Target: String, CaseIterable, Sendable {
        /// The bytes as a section file: `YAMLFile` and the section reader in memory (and the
        /// bytes read as a catalog both ways), then the whole loader on a one-section content
        /// folder, then the site rendered in memory.
        case loader
        /// The bytes as one content string, rendered inline to HTML, Markdown and plain text.
        case inline
        /// The bytes as an XML (XLIFF) file, read by `XMLTree`.
        case xml
    }

    /// Makes the target's fixtures and runs it once on a typical input, so that one-time
    /// allocations (fixtures, caches) happen before a fuzzer checks inputs for leaks.
    public static func prepare(_ target: Target) {
        switch target {
        case .loader: _ = loader(Data(FuzzFixture.section.utf8))
        case .inline: _ = inline(Data("[a](link:home) *b* `c` [d](ui:en) [e](section:first#visit)".utf8))
        case .xml: _ = xml(Data(#"<xliff version="1.2"><file><trans-unit id="a"><source>ş &amp; <g id="1">b</g></source></trans-unit></file></xliff>"#.utf8))
        }
    }

    public static func run(_ target: Target, _ data: Data) -> [String] {
        switch target {
        case .loader: loader(data)
        case .inline: inline(data)
        case .xml: xml(data)
        }
    }

    // MARK: XML

    /// A document is refused at a place inside it, or read into a tree whose elements each start
    /// at a `<` where the tree says, and which reads back the same when written out again with the
    /// XLIFF writer's escaping.
    public static func xml(_ data: Data) -> [String] {
        let lines = SourceFile(path: "in.xlf", text: String(decoding: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self)).lines
        switch XMLTree.parse(data) {
        case .failure(let error):
            guard error.line >= 1, error.column >= 1, data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || error.line <= lines.count else {
                return ["error outside the text: \(error)"]
            }
            return []
        case .success(let tree):
            guard !data.starts(with: [0xFF, 0xFE]), !data.starts(with: [0xFE, 0xFF]) else { return [] }
            var problems: [String] = []
            func check(_ element: XMLTree.Element) {
                let line = element.line <= lines.count ? Array(lines[element.line - 1].unicodeScalars) : []
                if element.column < 1 || element.column > line.count || line[element.column - 1] != "<" {
                    problems.append("<\(element.name)> is not at \(element.line):\(element.column)")
                }
                for case .element(let inner) in element.children { check(inner) }
            }
            check(tree.root)
            switch XMLTree.parse(Data(written(tree.root).utf8)) {
            case .success(let again) where shape(again.root, naming: { $0 }) == shape(tree.root, naming: plain): break
            case .success: problems.append("reads back differently: \(written(tree.root))")
            case .failure(let error): problems.append("does not read back (\(error)): \(written(tree.root))")
            }
            return problems
        }
    }

    /// A name without its namespace prefix's colon, so no declaration is needed (`_` doubled,
    /// `:` as `_x`, so two names never become one).
    private static func plain(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: "__").replacingOccurrences(of: ":", with: "_x")
    }

    /// The element as XML, escaped as the XLIFF writer escapes, names made plain (namespaces are
    /// not written back).
    private static func written(_ element: XMLTree.Element) -> String {
        let name = plain(element.name)
        var out = "<\(name)"
        for (key, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
            out += " \(plain(key))=\"\(XLIFFWriter.attribute(value))\""
        }
        out += ">"
        for child in element.children {
            switch child {
            case .text(let text): out += XLIFFWriter.text(text)
            case .element(let inner): out += written(inner)
            }
        }
        return out + "</\(name)>"
    }

    /// What must survive writing out and reading back: names (as `naming` writes them),
    /// attributes, text, nesting.
    private static func shape(_ element: XMLTree.Element, naming: (String) -> String) -> String {
        let attributes = element.attributes.map { (naming($0.key), $0.value) }.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1.debugDescription)" }
        let children = element.children.map { child -> String in
            switch child {
            case .text(let text): text.debugDescription
            case .element(let inner): shape(inner, naming: naming)
            }
        }
        return "\(naming(element.name))(\(attributes.joined(separator: ",")))[\(children.joined(separator: ","))]"
    }

    // MARK: Loader

    public static func loader(_ data: Data) -> [String] {
        var diagnostics: [Diagnostic] = []
        if let file = YAMLFile.parse(data, displayPath: "sections/first.yaml", diagnostics: &diagnostics), let root = file.root {
            var reader = NodeReader(file: file.source)
            _ = Section.read(root, file: file.source.path, reader: &reader)
        }
        var problems = locatedProblems(diagnostics, file: "sections/first.yaml") + blockReaderProblems(data) + catalogReaderProblems(data)

        let fixture = LoaderFixture.shared
        guard (try? data.write(to: fixture.section)) != nil else { return problems }
        let loaded = ContentLoader(directory: fixture.content.path).load()
        problems += locatedProblems(loaded.diagnostics, file: nil)
        guard !loaded.hasErrors, let guide = loaded.guide, let chrome = fixture.chrome else { return problems }
        let renderer = SiteRenderer(guide: guide, catalogs: [], chrome: chrome, templates: fixture.templates, htmlAssets: [], media: [:])
        let site = renderer.render(SiteRenderer.Options())
        for file in site.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            if file.path.hasSuffix(".html") {
                problems += htmlProblems(page: text).map { "\(file.path): \($0)" }
            } else if file.path.hasSuffix(".md") {
                problems += markdownProblems(page: text).map { "\(file.path): \($0)" }
            }
            if let dropped = text.unicodeScalars.first(where: { isForbiddenInOutput($0) && $0 != "\u{0C}" }) {
                problems.append("\(file.path): output carries U+\(String(dropped.value, radix: 16, uppercase: true))")
            }
        }
        return problems
    }

    /// The block-style reader gives the tree libyaml gives, or leaves the file to libyaml.
    private static func blockReaderProblems(_ data: Data) -> [String] {
        guard let text = YAMLFile.text(of: data), let compared = BlockYAMLReader.comparedWithLibyaml(text), !compared.matches else { return [] }
        return ["the block reader's tree is not libyaml's, which is \(compared.libyaml)"]
    }

    /// The bytes as a catalog: the quick way reads the catalog the general way reads, or leaves
    /// the bytes to it.
    private static func catalogReaderProblems(_ data: Data) -> [String] {
        guard let text = YAMLFile.text(of: data),
              let compared = BlockYAMLReader.catalogComparedWithGeneralWay(text, displayPath: "locales/en.yaml", locale: "en"), !compared.matches
        else { return [] }
        return ["the catalog read without a tree is not the general way's, which is \(compared.general)"]
    }

    /// Every diagnostic names a file and a line and column that exist in it.
    private static func locatedProblems(_ diagnostics: [Diagnostic], file: String?) -> [String] {
        diagnostics.compactMap { diagnostic in
            if diagnostic.location.line < 1 || diagnostic.location.column < 1 { return "diagnostic without a place: \(diagnostic)" }
            if let file, diagnostic.location.file != file { return "diagnostic in another file: \(diagnostic)" }
            return nil
        }
    }

    /// A content folder in a temporary directory whose one section file each input replaces, and
    /// the built-in templates and chrome strings, loaded once.
    final class LoaderFixture: Sendable {
        static let shared = LoaderFixture()

        let root: URL
        let content: URL
        let section: URL
        let chrome: ChromeStrings?
        let templates: [OutputFormat: TemplateSet]

        private init() {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
            // The folder lives as long as the process and goes with it: libFuzzer ends a timed run with `exit`.
            atexit { try? FileManager.default.removeItem(at: LoaderFixture.shared.root) }
            content = root.appendingPathComponent("content")
            section = content.appendingPathComponent("sections/first.yaml")
            try? FileManager.default.createDirectory(at: section.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(FuzzFixture.guide.utf8).write(to: content.appendingPathComponent("guide.yaml"))
            try? Data(FuzzFixture.links.utf8).write(to: content.appendingPathComponent("links.yaml"))
            try? Data(FuzzFixture.section.utf8).write(to: section)
            // Only what rendering needs, not the stylesheet's bytes: the fixture lives as long as the process.
            let renderer = SiteLoader(contentDirectory: content.path, templates: TemplateFolders(builtin: TemplateFolders.repositoryTemplates), formats: [.html, .markdown]).load().renderer
            chrome = renderer?.chrome
            templates = renderer?.templates ?? [:]
        }
    }

    // MARK: Inline

    public static func inline(_ data: Data) -> [String] {
        guard let text = String(validating: data, as: UTF8.self), let guide = InlineFixture.shared.guide else { return [] }
        let source = SourceText(text, key: "first.steps.visit.text", origin: TextOrigin(start: SourceLocation(file: "sections/first.yaml", line: 7, column: 11), style: .doubleQuoted, file: nil))
        var problems: [String] = []
        // The shortcuts (plain text, simple links) give cmark's parse; other texts go to cmark.
        if CommonMark.parseInline(text) != CommonMark.parseInlineWithCmark(text) {
            problems.append("a shortcut past cmark gives another parse than cmark")
        }
        problems += visibleTextProblems(text)
        var diagnostics: [Diagnostic] = []
        let html = InlineRenderer(guide: guide, format: .html).render(source, diagnostics: &diagnostics)
        problems += htmlProblems(fragment: html).map { "html: \($0)" }
        let markdown = InlineRenderer(guide: guide, format: .markdown).render(source, diagnostics: &diagnostics)
        problems += markdownProblems(fragment: markdown).map { "markdown: \($0)" }
        let plain = InlineRenderer(guide: guide, format: .plain).render(source, diagnostics: &diagnostics)
        if let bad = plain.unicodeScalars.first(where: { $0.properties.generalCategory == .control || isForbiddenInOutput($0) }) {
            problems.append("plain: carries U+\(String(bad.value, radix: 16, uppercase: true))")
        }
        if InlineRenderer.disarmCheckboxes(plain) != plain { problems.append("plain: a checkbox ‘[ ]’ from content: \(plain)") }
        for format in [html, markdown] {
            if let bad = format.unicodeScalars.first(where: isForbiddenInOutput) {
                problems.append("carries U+\(String(bad.value, radix: 16, uppercase: true)): \(format)")
            }
        }
        return problems
    }

    /// Every run the rules see is where the text has it, in order: as it is, or, for a character
    /// written as an escape or a reference, where that starts.
    static func visibleTextProblems(_ text: String) -> [String] {
        let raw = Array(text.unicodeScalars)
        var problems: [String] = []
        var previous = 0
        for run in VisibleText(CommonMark.parseInline(text).inlines, raw: text).runs where run.text != " " {
            guard run.offset >= previous, run.offset < raw.count else {
                problems.append("visible: run \(run.text.debugDescription) at \(run.offset), after \(previous), of \(raw.count) scalars")
                continue
            }
            let rest = raw[run.offset...]
            let there = run.isVerbatim ? rest.starts(with: run.text.unicodeScalars) : (rest.first == "\\" || rest.first == "&")
            if !there { problems.append("visible: run \(run.text.debugDescription) is not at \(run.offset)") }
            previous = run.offset
        }
        return problems
    }

    final class InlineFixture: Sendable {
        static let shared = InlineFixture()
        let guide: Guide?

        private init() {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-fuzz-inline-\(ProcessInfo.processInfo.processIdentifier)")
            let content = root.appendingPathComponent("content")
            try? FileManager.default.createDirectory(at: content.appendingPathComponent("sections"), withIntermediateDirectories: true)
            try? Data(FuzzFixture.guide.utf8).write(to: content.appendingPathComponent("guide.yaml"))
            try? Data(FuzzFixture.links.utf8).write(to: content.appendingPathComponent("links.yaml"))
            try? Data(FuzzFixture.section.utf8).write(to: content.appendingPathComponent("sections/first.yaml"))
            guide = ContentLoader(directory: content.path).load().guide
            try? FileManager.default.removeItem(at: root)
        }
    }

    // MARK: Checks

    /// Characters no output may carry (written out here, apart from `Escape.isDropped`, so that a
    /// mistake there does not hide in the check): control characters but tab and line breaks,
    /// noncharacters, bidirectional embeddings, overrides and isolates.
    static func isForbiddenInOutput(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || (0xFDD0...0xFDEF).contains(value) || (value & 0xFFFE) == 0xFFFE
    }

    /// Tags the inline renderer writes; nothing else may start with `<` in a rendered content string.
    static let inlineTags = ["<a href=\"", "</a>", "<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>",
                             "<span class=\"ui\" lang=\"", "<span lang=\"", "</span>"]

    /// A rendered content string: every `<` starts one of the renderer's own tags, every link
    /// goes to an allowed destination, and no script can run.
    static func htmlProblems(fragment html: String) -> [String] {
        // Compared by Unicode scalars, as an HTML parser reads: a combining mark after a tag's
        // `>` joins it in one Character, which `hasPrefix` on Characters would not match.
        var problems: [String] = []
        let scalars = Array(html.unicodeScalars)
        let tags = inlineTags.map { Array($0.unicodeScalars) }
        for index in scalars.indices where scalars[index] == "<" {
            let tail = scalars[index...]
            if !tags.contains(where: { tail.starts(with: $0) }) {
                problems.append("an unescaped ‘<’ from content: \(String(String.UnicodeScalarView(tail.prefix(40))))")
                break
            }
        }
        return problems + linkProblems(html)
    }

    /// A whole rendered page: scripts are only the JSON-LD block, which holds no `<`; no event
    /// handler attribute; links go to allowed destinations.
    static func htmlProblems(page html: String) -> [String] {
        var problems: [String] = []
        let lower = html.lowercased()
        let scripts = lower.components(separatedBy: "<script").count - 1
        let jsonLD = lower.components(separatedBy: "<script type=\"application/ld+json\">").count - 1
        if scripts != jsonLD { problems.append("a <script> element other than the JSON-LD") }
        if lower.contains("</style") || lower.contains("<style") { problems.append("a <style> element") }
        for script in html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
            let body = script.components(separatedBy: "</script>").first ?? ""
            if body.contains("<") { problems.append("‘<’ inside the JSON-LD") }
        }
        // An event handler attribute: ` on<letters>=` inside a tag, outside attribute values.
        var inTag = false
        var quote: Unicode.Scalar?
        let scalars = Array(lower.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false } else if inTag, scalar == "\"" || scalar == "'" { quote = scalar }
            guard inTag, scalar == " " || scalar == "\t" || scalar == "\n", index + 3 < scalars.count, scalars[index + 1] == "o", scalars[index + 2] == "n" else { continue }
            var next = index + 3
            while next < scalars.count, ("a"..."z").contains(scalars[next]) { next += 1 }
            while next < scalars.count, scalars[next] == " " { next += 1 }
            if next > index + 3, next < scalars.count, scalars[next] == "=" {
                problems.append("an event handler attribute near \(String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 40)])))")
            }
        }
        return problems + linkProblems(html)
    }

    /// `href` and `src` values: https, mailto:, tel:, or a relative path; never another scheme.
    /// Only attributes count: `src="` in text (after an escaped `&lt;img`) is text, which a
    /// browser shows and never follows.
    static func linkProblems(_ html: String) -> [String] {
        var problems: [String] = []
        let bytes = Array(html.utf8)
        let markers = [" href=\"", " src=\""].map { Array($0.utf8) }
        var inTag = false
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if inTag, let marker = markers.first(where: { bytes[index...].starts(with: $0) }) {
                let start = index + marker.count
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
                let value = decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self))
                if !isAllowedDestination(value) { problems.append("a link to ‘\(value)’") }
                index = end + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">"): inTag = false
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if inTag { quote = byte }
            default: break
            }
            index += 1
        }
        return problems
    }

    static func isAllowedDestination(_ value: String) -> Bool {
        let lower = value.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { return true }
        // A relative path: no scheme before the first `/`, `?` or `#`.
        let head = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":") && !lower.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == " " }
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A rendered content string in Markdown is one paragraph of text, emphasis, code and links to
    /// allowed destinations: no block of its own, no raw HTML.
    static func markdownProblems(fragment markdown: String) -> [String] {
        var problems: [String] = []
        if markdown.contains("\n") || markdown.contains("\r") { problems.append("a line break in \(markdown)") }
        let html = CommonMark.html(fromMarkdown: "Adım: " + markdown)
        if html.contains("raw HTML omitted") { problems.append("raw HTML in \(markdown)") }
        let blocks = html.components(separatedBy: "<p>").count - 1
        if blocks != 1 || !html.hasPrefix("<p>") { problems.append("not one paragraph: \(markdown) → \(html)") }
        return problems + markdownPageProblems(markdown)
    }

    /// A whole Markdown page: no raw HTML but the templates' step anchors (`<a id="step"></a>`),
    /// links to allowed destinations.
    static func markdownProblems(page markdown: String) -> [String] {
        markdownPageProblems(markdown)
    }

    private static func markdownPageProblems(_ markdown: String) -> [String] {
        let outline = CommonMark.outline(ofDocument: markdown)
        func isAnchor(_ html: String) -> Bool {
            guard html.hasPrefix("<a id=\""), html.hasSuffix("\">") else { return html == "</a>" }
            let id = html.dropFirst(7).dropLast(2)
            return !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        let anchors = outline.html.filter { isAnchor($0.html) }
        var problems = outline.html.filter { !anchors.contains($0) }.map { "raw HTML at line \($0.line): \($0.html.prefix(40))" }
        problems += outline.links.filter { !isAllowedDestination($0.destination) }.map { "a link to ‘\($0.destination)’" }
        return problems
    }
}

/// The one-section guide the fuzz targets use.
enum FuzzFixture {
    static let guide = """
        title: Rehber
        sourceLocale: tr
        sections: [first]
        support:
          team: Destek
          hours:
            label: Saatler
            days: { from: monday, to: friday }
            opens: "09:00"
            closes: "17:00"
            timeZoneNote: yerel saatle
          email:
            label: Email
            address: help@example.com
            channelLabel: Email hattı
            responseTime: Hemen yanıt veririz.
          phone:
            label: Telefon
            number: "+6512345678"
            display: +65 1234 5678
        """

    static let links = """
        links:
          home:
            url: https://1688.com
            service: "1688"
          register:
            url: https://portal.worldfirst.com/register?ref=a&b=c
            service: worldfirst
          plain:
            url: http://example.com/
            service: worldfirst
          script:
            url: javascript:alert(1)
            service: worldfirst
        """

    static let section = """
        id: first
        label: "1"
        title: Hesap nasıl açılır?
        steps:
          - id: visit
            kind: action
            text: "[1688.com](link:home)’u ziyaret edin"
        """
}
