import Foundation

/// The rendered output folder as the link checks see it: every file that exists, and for each
/// page (HTML, Markdown, checklist) the links it carries and the anchors it defines.
///
/// Only the layout is assumed: `html/**/*.html`, `markdown/**/*.md`, `checklists/*.txt`.
public struct RenderedOutput: Sendable {
    public enum PageKind: String, Sendable, Hashable { case html, markdown, checklist }

    /// A link found in a page, as written there (character references decoded).
    public struct Link: Sendable, Hashable {
        public var url: String
        /// `href`, `src`, `srcset`, `markdown` (a Markdown link or image) or `text` (a URL in a checklist).
        public var origin: String
        public var location: SourceLocation
    }

    public struct Page: Sendable {
        /// Path below the output folder, with `/` separators (`html/tr/1688-account.html`).
        public var path: String
        public var kind: PageKind
        public var links: [Link]
        /// The fragment ids the page defines (`id`, `name`, Markdown heading slugs).
        public var anchors: Set<String>
        public var source: SourceFile
    }

    /// The folder as the user named it; locations name files below it with this prefix.
    public let directory: String
    /// Every file below the folder, by path below it.
    public let files: Set<String>
    /// The pages, by path below the folder.
    public let pages: [String: Page]

    public init(directory: String, files: Set<String>, pages: [String: Page]) {
        self.directory = directory
        self.files = files
        self.pages = pages
    }

    /// Reads the output folder; nil when it is not a readable folder.
    public static func scan(directory: String) -> RenderedOutput? {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return nil }
        var files: Set<String> = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath + "/") else { continue }
            files.insert(String(path.dropFirst(rootPath.count + 1)))
        }
        var pages: [String: Page] = [:]
        for path in files.sorted() {
            guard let kind = pageKind(path),
                let data = FileBytes.contents(atPath: root.appendingPathComponent(path).path),
                let text = String(data: data, encoding: .utf8)
            else { continue }
            pages[path] = page(path: path, kind: kind, text: text, display: displayPath(directory, path))
        }
        return RenderedOutput(directory: directory, files: files, pages: pages)
    }

    /// Builds a page from its text; `display` is the path diagnostics name.
    public static func page(path: String, kind: PageKind, text: String, display: String) -> Page {
        let source = SourceFile(path: display, text: text)
        var links: [Link] = []
        var anchors: Set<String> = []
        func location(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: display, line: line, column: column) }
        switch kind {
        case .html:
            for attribute in HTMLScanner.attributes(in: text) {
                switch attribute.name {
                case "href", "src":
                    links.append(Link(url: attribute.value, origin: attribute.name, location: location(attribute.line, attribute.column)))
                case "srcset":
                    for candidate in attribute.value.split(separator: ",") {
                        if let url = candidate.split(whereSeparator: \.isWhitespace).first {
                            links.append(Link(url: String(url), origin: "srcset", location: location(attribute.line, attribute.column)))
                        }
                    }
                case "id":
                    anchors.insert(attribute.value)
                case "name" where attribute.tag == "a":
                    anchors.insert(attribute.value)
                default:
                    break
                }
            }
        case .markdown:
            let outline = CommonMark.outline(ofDocument: text)
            var searchFrom: [Int: Int] = [:]  // line → column after the last link found on it
            for link in outline.links {
                let (line, column) = find(link.destination, in: source, from: link.line, after: &searchFrom)
                links.append(Link(url: link.destination, origin: "markdown", location: location(line, column)))
            }
            var slugs: [String: Int] = [:]
            for heading in outline.headings {
                let slug = githubSlug(heading.text)
                let count = slugs[slug, default: 0]
                anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
                slugs[slug] = count + 1
            }
            for block in outline.html {
                for attribute in HTMLScanner.attributes(in: block.html, firstLine: block.line) {
                    switch attribute.name {
                    case "id", "name": anchors.insert(attribute.value)
                    case "href", "src":
                        let (line, column) = find(attribute.value, in: source, from: block.line, after: &searchFrom)
                        links.append(Link(url: attribute.value, origin: attribute.name, location: location(line, column)))
                    default: break
                    }
                }
            }
        case .checklist:
            for (index, line) in source.lines.enumerated() {
                let scalars = Array(line.unicodeScalars)
                var i = 0
                func starts(_ prefix: String, at index: Int) -> Bool {
                    let p = Array(prefix.unicodeScalars)
                    return index + p.count <= scalars.count && Array(scalars[index..<(index + p.count)]) == p
                }
                while i < scalars.count {
                    guard starts("https://", at: i) || starts("http://", at: i),
                        i == 0 || !(scalars[i - 1].properties.isAlphabetic || ("0"..."9").contains(scalars[i - 1])) else { i += 1; continue }
                    var end = i
                    while end < scalars.count, !scalars[end].properties.isWhitespace, !"<>\"‘’“”".unicodeScalars.contains(scalars[end]) { end += 1 }
                    while end > i, ".,;:!?)]}'".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
                    links.append(Link(url: String(String.UnicodeScalarView(scalars[i..<end])), origin: "text", location: location(index + 1, i + 1)))
                    i = end
                }
            }
        }
        return Page(path: path, kind: kind, links: links, anchors: anchors, source: source)
    }

    static func pageKind(_ path: String) -> PageKind? {
        if path.hasPrefix("html/"), path.hasSuffix(".html") { return .html }
        if path.hasPrefix("markdown/"), path.hasSuffix(".md") { return .markdown }
        if path.hasPrefix("checklists/"), path.hasSuffix(".txt"), !path.dropFirst("checklists/".count).contains("/") { return .checklist }
        return nil
    }

    /// The line and column of `needle` at or after `line` (past links already found there), or the block's line.
    private static func find(_ needle: String, in source: SourceFile, from line: Int, after found: inout [Int: Int]) -> (Int, Int) {
        guard !needle.isEmpty else { return (line, 1) }
        var number = max(1, line)
        while let text = source.line(number), number < line + 50 {
            let start = found[number] ?? 0
            let scalars = Array(text.unicodeScalars)
            let target = Array(needle.unicodeScalars)
            if target.count <= scalars.count {
                var index = start
                while index + target.count <= scalars.count {
                    if Array(scalars[index..<(index + target.count)]) == target {
                        found[number] = index + target.count
                        return (number, index + 1)
                    }
                    index += 1
                }
            }
            number += 1
        }
        return (line, 1)
    }

    /// The anchor GitHub and most Markdown renderers give a heading: lower case, punctuation
    /// dropped, spaces as hyphens.
    static func githubSlug(_ heading: String) -> String {
        var slug = ""
        for scalar in heading.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                slug += String(scalar).lowercased()
            } else if scalar == " " || scalar == "-" {
                slug += "-"
            }
        }
        return slug
    }
}
