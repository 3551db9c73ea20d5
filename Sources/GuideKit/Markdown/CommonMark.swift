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
        parseInline(text, isPlain: isPlain(text))
    }

    /// The same for a text of the content, which knows whether it is plain.
    public static func parseInline(_ text: SourceText) -> InlineDocument {
        parseInline(text.value, isPlain: text.isPlain)
    }

    /// A plain text (most are) is its own parse, one text node; a text plain but for simple
    /// links is read here too (`simpleLinks`); the others go to cmark.
    private static func parseInline(_ text: String, isPlain: Bool) -> InlineDocument {
        if isPlain { return InlineDocument(inlines: [.text(text)], unexpectedBlock: nil) }
        if let inlines = simpleLinks(text) { return InlineDocument(inlines: inlines, unexpectedBlock: nil) }
        return parseInlineWithCmark(text)
    }

    /// Whether cmark would read `text` as one paragraph of one text node holding all of it: no
    /// character with a meaning inside a paragraph (`\`, backticks, `*`, `_`, brackets, `<`, `>`,
    /// `&` for entities, `~`), no control character or line break, no space at either end (a
    /// paragraph's is stripped), and a letter, a digit or a non-ASCII character first, digits not
    /// followed by `.` or `)` (a list item). Most texts are such, and a parse by cmark cost 10,000
    /// instructions each, a twelfth of a full `validate`. A test compares it with cmark.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard startsAndEndsPlain(bytes) else { return false }
            let stops = plainStops
            return !bytes.contains { stops.contains($0) }
        } ?? false
    }

    /// `isPlain(text)` for a text whose kinds of bytes are known (`SourceText`), without a second
    /// pass over it.
    static func isPlain(_ text: String, bytes: ByteClasses) -> Bool {
        !bytes.contains(.plainStop) && text.withBytes(startsAndEndsPlain)
    }

    /// Whether a paragraph of `bytes` keeps all of them and is nothing else: not empty, no space
    /// at the end, and a letter, a digit or a non-ASCII character first, digits not followed by
    /// `.` or `)` (a list item).
    private static func startsAndEndsPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, last != 0x20 else { return false }
        guard first >= 0x80 || isDigit(first) || (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return false }
        if isDigit(first), let after = bytes.firstIndex(where: { !isDigit($0) }), bytes[after] == UInt8(ascii: ".") || bytes[after] == UInt8(ascii: ")") {
            return false
        }
        return true
    }

    /// The parse of a text that is plain (see `isPlain`) but for inline links written the simple
    /// way, `[text](destination)`: plain link text without a space at either end, a destination of
    /// ASCII letters, digits and `:#._/-`, no `!` before the bracket (an image). Nil for any other
    /// text, and for one without a link. Most texts that are not plain are such
    /// (`‘[Add account](ui:en)’e tıklayın`), and cmark cost 17,000 instructions for each: a
    /// twentieth of a full `validate`. The tests and the inline fuzz target compare it with cmark.
    static func simpleLinks(_ text: String) -> [Inline]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [Inline]? in
            let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
            guard bytes.first == open || startsAndEndsPlain(bytes), let last = bytes.last, last != 0x20 else { return nil }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            let stops = plainStops, destination = linkDestinationBytes
            var inlines: [Inline] = []
            var textStart = 0, index = 0
            while index < bytes.count {
                guard bytes[index] == open else {
                    guard !stops.contains(bytes[index]) else { return nil }
                    index += 1
                    continue
                }
                guard index == 0 || bytes[index - 1] != UInt8(ascii: "!") else { return nil }
                var textEnd = index + 1
                while textEnd < bytes.count, bytes[textEnd] != close {
                    guard !stops.contains(bytes[textEnd]) else { return nil }
                    textEnd += 1
                }
                guard textEnd < bytes.count, textEnd > index + 1, bytes[index + 1] != 0x20, bytes[textEnd - 1] != 0x20,
                      textEnd + 1 < bytes.count, bytes[textEnd + 1] == UInt8(ascii: "(") else { return nil }
                var end = textEnd + 2
                while end < bytes.count, bytes[end] != UInt8(ascii: ")") {
                    guard destination.contains(bytes[end]) else { return nil }
                    end += 1
                }
                guard end < bytes.count, end > textEnd + 2 else { return nil }
                if textStart < index { inlines.append(.text(string(textStart..<index))) }
                inlines.append(.link(destination: string((textEnd + 2)..<end), children: [.text(string((index + 1)..<textEnd))]))
                index = end + 1
                textStart = index
            }
            guard !inlines.isEmpty else { return nil }
            if textStart < bytes.count { inlines.append(.text(string(textStart..<bytes.count))) }
            return inlines
        } ?? nil
    }

    /// What a simple link's destination is made of (`link:1688-home`, `section:id#step`, `ui:zh-Hans`).
    private static let linkDestinationBytes = ASCIISet(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:#._/-".utf8))

    /// The ASCII bytes that stop a plain text: the characters that mean something inside a
    /// paragraph, the control characters and DEL.
    static let plainStops = ASCIISet(Array("\\`*_[]<>&~".utf8) + Array(0..<0x20) + [0x7F])

    /// Whether `byte` is an ASCII digit.
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Whether `byte` is ASCII punctuation, which a backslash escapes (`\.`, `\*`).
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool { asciiPunctuation.contains(byte) }

    private static let asciiPunctuation = ASCIISet(Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8))

    /// The entity or numeric character reference at `start` of `bytes` (`&amp;`, `&#47;`,
    /// `&#x2F;`) as CommonMark decodes it, in UTF-8, with its length in bytes; nil when there is
    /// none there. A number that is no character's (0, a surrogate, beyond U+10FFFF) stands for
    /// U+FFFD; a name is decoded by cmark, which knows the HTML5 names.
    static func entity(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (decoded: [UInt8], length: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "&") else { return nil }
        // The longest name (`CounterClockwiseContourIntegral`) has 31 letters.
        var end = start + 1
        while end < bytes.count, end - start <= 33, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[start + 1..<end])
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
        func character(_ value: UInt32?) -> [UInt8] {
            let scalar = value.flatMap { $0 == 0 ? nil : Unicode.Scalar($0) } ?? "\u{FFFD}"
            return Array(String(Character(scalar)).utf8)
        }
        if body[0] == UInt8(ascii: "#") {
            let digits = body.dropFirst()
            if let first = digits.first, first | 0x20 == UInt8(ascii: "x") {
                let hex = digits.dropFirst()
                guard (1...6).contains(hex.count), hex.allSatisfy(isHexDigit), let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else { return nil }
                return (character(value), end + 1 - start)
            }
            guard (1...7).contains(digits.count), digits.allSatisfy(isDigit), let value = UInt32(String(decoding: digits, as: UTF8.self)) else { return nil }
            return (character(value), end + 1 - start)
        }
        guard isLetter(body[0]), body.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        let reference = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self)
        guard case let inlines = parseInlineWithCmark(reference).inlines, inlines.count == 1, case .text(let decoded) = inlines[0], decoded != reference else { return nil }
        return (Array(decoded.utf8), end + 1 - start)
    }

    /// `parseInline` without the shortcut for plain text; the tests compare the two.
    static func parseInlineWithCmark(_ text: String) -> InlineDocument {
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
                inlines.append(.text(flatText(of: block)))
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
        // cmark's iterator walks any nesting without recursion; `lines` holds the line of each
        // open node (inlines have none of their own and take their block's).
        guard let iterator = cmark_iter_new(root) else { return outline }
        defer { cmark_iter_free(iterator) }
        var lines: [Int] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if !lines.isEmpty { lines.removeLast() }
                continue
            }
            let own = Int(cmark_node_get_start_line(node))
            let line = own > 0 ? own : (lines.last ?? 1)
            // Nodes that can have children get an EXIT event; leaves do not.
            if Self.isContainer(node) { lines.append(line) }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                outline.links.append(.init(destination: string(cmark_node_get_url(node)), line: line))
            case CMARK_NODE_HEADING:
                outline.headings.append(.init(text: flatText(of: node), line: line))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                outline.html.append(.init(html: literal(node), line: line))
            default:
                break
            }
        }
        return outline
    }

    /// Whether cmark's iterator reports an exit for the node (every node type that may have
    /// children, even when it has none).
    private static func isContainer(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return false
        default:
            return true
        }
    }

    /// Inline nesting deeper than this (emphasis in emphasis …, block quotes in block quotes) is
    /// kept as its text: the converted tree and everything that walks it recursively stay shallow.
    static let maximumInlineDepth = 32

    private static func children(of node: OpaquePointer, depth: Int = 0) -> [Inline] {
        var result: [Inline] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let inline = convert(current, depth: depth + 1) { result.append(inline) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func convert(_ node: OpaquePointer, depth: Int) -> Inline? {
        if depth > maximumInlineDepth, cmark_node_first_child(node) != nil { return .text(flatText(of: node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(children(of: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(children(of: node, depth: depth))
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), children: children(of: node, depth: depth))
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)), children: children(of: node, depth: depth))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        default: return .text(flatText(of: node))
        }
    }

    /// The text of a node and everything below it, as `Inline.plainText` gives it (literals,
    /// breaks as spaces, inline HTML dropped), walked without recursion.
    private static func flatText(of node: OpaquePointer) -> String {
        if let literal = cmark_node_get_literal(node) { return String(cString: literal) }
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HTML_INLINE: break
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            }
        }
        return text
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
