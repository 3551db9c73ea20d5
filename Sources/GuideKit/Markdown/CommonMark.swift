import CCmark
import Foundation

/// An inline Markdown element of a content string, as Swift values.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    /// A link; `destination` is as written (`link:key`, `ui:zh-Hans`, `section:id#step`, or a raw URL).
    case link(destination: String, children: [Inline])
    case image(source: String, children: [Inline])
    /// Raw HTML in content; never rendered, reported by the validator.
    case html(String)
    case softBreak
    case lineBreak

    /// The plain text of this element, without markup.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .emphasis(let children), .strong(let children), .link(_, let children), .image(_, let children):
            children.map(\.plainText).joined()
        case .html: ""
        case .softBreak, .lineBreak: " "
        }
    }
}

/// What a content string is, parsed by libcmark: its inline elements, and whether it held
/// block structure (a heading, a list, more than one paragraph) that inline text may not have.
public struct InlineDocument: Sendable, Hashable {
    public var inlines: [Inline]
    /// The first block that is not a single paragraph, e.g. "heading", if any.
    public var unexpectedBlock: String?
}

/// The only place that talks to libcmark; everything else sees Swift values.
public enum CommonMark {
    /// cmark's default options keep raw HTML out (`<!-- raw HTML omitted -->`) and drop unsafe link destinations.
    private static let options = CMARK_OPT_DEFAULT

    /// Renders a whole Markdown document to HTML in cmark's safe mode.
    public static func html(fromMarkdown markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let rendered = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_markdown_to_html($0, buffer.count, options) }
            }
        }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Parses one content string as inline Markdown.
    public static func parseInline(_ text: String) -> InlineDocument {
        let bytes = Array(text.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            }
        }
        guard let root else { return InlineDocument(inlines: text.isEmpty ? [] : [.text(text)], unexpectedBlock: nil) }
        defer { cmark_node_free(root) }
        var inlines: [Inline] = []
        var unexpected: String?
        var child = cmark_node_first_child(root)
        var paragraphs = 0
        while let block = child {
            if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
                paragraphs += 1
                if paragraphs > 1 {
                    unexpected = unexpected ?? "second paragraph"
                    inlines.append(.softBreak)
                }
                inlines += children(of: block)
            } else {
                unexpected = unexpected ?? typeName(block)
                inlines.append(.text(plainText(of: block)))
            }
            child = cmark_node_next(block)
        }
        return InlineDocument(inlines: inlines, unexpectedBlock: unexpected)
    }

    /// The links, headings and raw HTML of a whole Markdown document (a rendered page), each with
    /// the line of the block it is in; used to check rendered output.
    public static func outline(ofDocument markdown: String) -> MarkdownOutline {
        let bytes = Array(markdown.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            }
        }
        var outline = MarkdownOutline()
        guard let root else { return outline }
        defer { cmark_node_free(root) }
        func visit(_ node: OpaquePointer, line: Int) {
            let own = Int(cmark_node_get_start_line(node))
            let line = own > 0 ? own : line
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                outline.links.append(.init(destination: string(cmark_node_get_url(node)), line: line))
            case CMARK_NODE_HEADING:
                outline.headings.append(.init(text: plainText(of: node), line: line))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                outline.html.append(.init(html: literal(node), line: line))
            default:
                break
            }
            var child = cmark_node_first_child(node)
            while let current = child {
                visit(current, line: line)
                child = cmark_node_next(current)
            }
        }
        visit(root, line: 1)
        return outline
    }

    private static func children(of node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let inline = convert(current) { result.append(inline) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func convert(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: .text(literal(node))
        case CMARK_NODE_CODE: .code(literal(node))
        case CMARK_NODE_EMPH: .emphasis(children(of: node))
        case CMARK_NODE_STRONG: .strong(children(of: node))
        case CMARK_NODE_LINK: .link(destination: string(cmark_node_get_url(node)), children: children(of: node))
        case CMARK_NODE_IMAGE: .image(source: string(cmark_node_get_url(node)), children: children(of: node))
        case CMARK_NODE_HTML_INLINE: .html(literal(node))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        default: .text(plainText(of: node))
        }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        if let literal = cmark_node_get_literal(node) { return String(cString: literal) }
        return children(of: node).map(\.plainText).joined()
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        guard let name = cmark_node_get_type_string(node) else { return "block" }
        return String(cString: name).replacingOccurrences(of: "_", with: " ")
    }

    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
}

/// What a whole Markdown document links to, its headings and its raw HTML, with block lines.
public struct MarkdownOutline: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public var destination: String
        /// The line of the block the link is in (cmark locates blocks, not inlines).
        public var line: Int
    }

    public struct Heading: Sendable, Hashable {
        public var text: String
        public var line: Int
    }

    public struct HTML: Sendable, Hashable {
        public var html: String
        public var line: Int
    }

    public var links: [Link] = []
    public var headings: [Heading] = []
    public var html: [HTML] = []
}
