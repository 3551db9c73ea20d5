import Foundation

/// A small element tree read from an XML 1.0 document, each element with the line and column of
/// its `<`, or the first error with its place.
///
/// Written for XLIFF, and for safety: a document that declares a DTD is refused, so no entity can
/// reach the network or the disk or grow without end; the only entities are XML's five and
/// character references. Namespaces are resolved. The text is UTF-8 (or UTF-16 with a byte-order
/// mark); line breaks read as line feeds, as XML says.
///
/// guidegen reads XML itself rather than through Foundation's `XMLParser`: linking that (libxml2
/// and ICU) cost every guidegen process about 3.5 ms at start-up, a third of `guidegen --version`.
public struct XMLTree: Sendable {
    public indirect enum Node: Sendable, Hashable {
        case text(String)
        case element(Element)
    }

    public struct Element: Sendable, Hashable {
        /// The local name (`trans-unit`).
        public var name: String
        public var namespace: String?
        /// Attributes by their name as written (`xml:lang`, `state`); namespace declarations aside.
        public var attributes: [String: String]
        public var children: [Node]
        public var line: Int
        public var column: Int

        public func attribute(_ name: String) -> String? { attributes[name] }

        /// Child elements, optionally only those called `name`.
        public func elements(_ name: String? = nil) -> [Element] {
            children.compactMap { node in
                if case .element(let element) = node, name == nil || element.name == name { return element }
                return nil
            }
        }

        /// All text below this element, tags left out.
        public var text: String {
            children.map { node in
                switch node {
                case .text(let text): text
                case .element(let element): element.text
                }
            }.joined()
        }
    }

    public struct ParseError: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    public var root: Element

    /// XML 1.0's `Char`: no control character but tab and line breaks, no U+FFFE or U+FFFF.
    static func isCharacter(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    public static func parse(_ data: Data) -> Result<XMLTree, ParseError> {
        var bytes = [UInt8](data)
        var utf16 = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // Read as UTF-16, then parsed as the same text in UTF-8.
            guard let text = String(data: data, encoding: .utf16) else {
                return .failure(ParseError(message: "the file is not valid UTF-16: save it as UTF-8", line: 1, column: 1))
            }
            bytes = Array(text.utf8)
            utf16 = true
        }
        var reader = XMLReader(bytes: bytes, utf16: utf16)
        do {
            return .success(XMLTree(root: try reader.document()))
        } catch {
            let (line, column) = reader.position(of: error.offset)
            return .failure(ParseError(message: error.message, line: line, column: column))
        }
    }
}

/// The parser behind `XMLTree`: one pass over the UTF-8 bytes, open elements on a stack (no
/// recursion, so deep nesting cannot exhaust a thread's stack).
private struct XMLReader {
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    let bytes: [UInt8]
    let utf16: Bool
    var index = 0

    init(bytes: [UInt8], utf16: Bool) {
        self.bytes = bytes
        self.utf16 = utf16
    }

    /// An element whose end tag has not been read yet.
    private struct Open {
        var element: XMLTree.Element
        var qualifiedName: String
        var offset: Int
        var namespaces: [String: String]
        var text: [UInt8] = []

        /// The text read since the last child element becomes a node.
        mutating func flushText() {
            guard !text.isEmpty else { return }
            element.children.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    mutating func document() throws(Failure) -> XMLTree.Element {
        if String(validating: bytes, as: UTF8.self) == nil, let invalid = SourceFile.invalidUTF8Offset(bytes) { throw Failure(message: "the file is not valid UTF-8: save it as UTF-8", offset: invalid) }
        if starts(with: "<?xml"), index + 5 < bytes.count, isSpace(bytes[index + 5]) { try declaration() }
        try skipMisc()
        guard index < bytes.count else {
            throw Failure(message: bytes.allSatisfy(isSpace) ? "the document is empty" : "the document has no root element", offset: index)
        }
        guard bytes[index] == UInt8(ascii: "<") else { throw Failure(message: "text before the root element: an XML document starts with a tag", offset: index) }
        let root = try elements()
        try skipMisc()
        if index < bytes.count {
            throw Failure(message: "content after the root element: an XML document has one root element", offset: index)
        }
        return root
    }

    /// The root element and everything in it.
    private mutating func elements() throws(Failure) -> XMLTree.Element {
        var stack: [Open] = []
        var namespaces = ["xml": Self.xmlNamespace]
        while true {
            // At a start tag: the root, or a child of the innermost open element.
            let start = index
            index += 1
            let (qualifiedName, nameOffset) = try name(what: "an element")
            var attributes: [(name: String, value: String, offset: Int)] = []
            var selfClosing = false
            while true {
                let spaced = skipSpaces()
                guard index < bytes.count else { throw Failure(message: "a tag is not closed with ‘>’ (is the file cut short?)", offset: start) }
                if starts(with: "/>") {
                    index += 2
                    selfClosing = true
                    break
                }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                guard spaced else { throw Failure(message: "a tag's name and attributes are separated by spaces, as in <a b=\"c\">", offset: index) }
                let (attribute, offset) = try name(what: "an attribute")
                if attributes.contains(where: { $0.name == attribute }) { throw Failure(message: "an attribute appears twice in one tag", offset: offset) }
                attributes.append((attribute, try attributeValue(), offset))
            }
            var scope = namespaces
            for attribute in attributes {
                if attribute.name == "xmlns" { scope[""] = attribute.value }
                if attribute.name.hasPrefix("xmlns:") {
                    // Only the default namespace can be undeclared with an empty value.
                    guard !attribute.value.isEmpty else { throw Failure(message: "the prefix ‘\(attribute.name.dropFirst(6))’ is declared with no namespace: give it one", offset: attribute.offset) }
                    scope[String(attribute.name.dropFirst(6))] = attribute.value
                }
            }
            let (prefix, local) = split(qualifiedName)
            var namespace = scope[prefix ?? ""]
            if let prefix, namespace == nil {
                throw Failure(message: "the prefix ‘\(prefix)’ is not declared: add xmlns:\(prefix)=\"…\" or remove it", offset: nameOffset)
            }
            if namespace?.isEmpty == true { namespace = nil }
            var values: [String: String] = [:]
            for attribute in attributes where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
                if let prefix = split(attribute.name).prefix, scope[prefix] == nil {
                    throw Failure(message: "the prefix ‘\(prefix)’ is not declared: add xmlns:\(prefix)=\"…\" or remove it", offset: attribute.offset)
                }
                values[attribute.name] = attribute.value
            }
            let (line, column) = position(of: start)
            let element = XMLTree.Element(name: local, namespace: namespace, attributes: values, children: [], line: line, column: column)
            if selfClosing {
                if stack.isEmpty { return element }
                stack[stack.count - 1].flushText()
                stack[stack.count - 1].element.children.append(.element(element))
            } else {
                stack.append(Open(element: element, qualifiedName: qualifiedName, offset: start, namespaces: namespaces))
                namespaces = scope
            }

            // The content up to the next start tag, closing the elements whose end tags come first.
            while true {
                guard index < bytes.count else {
                    let open = stack[stack.count - 1]
                    throw Failure(message: "the element <\(open.qualifiedName)> is not closed (is the file cut short?)", offset: open.offset)
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if starts(with: "</") {
                        let closeStart = index
                        index += 2
                        let (closing, _) = try name(what: "a closing tag")
                        _ = skipSpaces()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
                            throw Failure(message: "a closing tag is not closed with ‘>’", offset: closeStart)
                        }
                        index += 1
                        var open = stack.removeLast()
                        guard closing == open.qualifiedName else {
                            throw Failure(message: "the closing tag </\(closing)> does not match <\(open.qualifiedName)>, the element it closes", offset: closeStart)
                        }
                        open.flushText()
                        namespaces = open.namespaces
                        if stack.isEmpty { return open.element }
                        stack[stack.count - 1].flushText()
                        stack[stack.count - 1].element.children.append(.element(open.element))
                    } else if starts(with: "<!--") {
                        try comment()
                    } else if starts(with: "<![CDATA[") {
                        let cdataStart = index
                        index += 9
                        guard let end = find("]]>") else { throw Failure(message: "a CDATA section is not closed with ‘]]>’", offset: cdataStart) }
                        try appendText(upTo: end, to: &stack[stack.count - 1].text)
                        index = end + 3
                    } else if starts(with: "<?") {
                        try instruction()
                    } else if starts(with: "<!") {
                        throw Failure(message: "a declaration (<!…) cannot appear inside an element", offset: index)
                    } else {
                        break  // a child element
                    }
                } else if byte == UInt8(ascii: "&") {
                    stack[stack.count - 1].text += try reference()
                } else {
                    let end = nextMarkup()
                    if let bad = find("]]>", before: end) { throw Failure(message: "‘]]>’ cannot appear in text: write ]]&gt;", offset: bad) }
                    try appendText(upTo: end, to: &stack[stack.count - 1].text)
                    index = end
                }
            }
            if stack.count >= 256 { throw Failure(message: "the elements are nested more than 256 deep", offset: index) }
        }
    }

    // MARK: Pieces

    private mutating func declaration() throws(Failure) {
        let start = index
        guard let end = find("?>") else { throw Failure(message: "the XML declaration is not closed with ‘?>’", offset: start) }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if let range = text.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) {
            let declared = text[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init)?.uppercased() ?? ""
            let expected = utf16 ? ["UTF-16", "UTF-16LE", "UTF-16BE"] : ["UTF-8", "UTF8"]
            guard expected.contains(declared) else {
                throw Failure(message: "the file declares the encoding ‘\(declared)’ but is written in \(utf16 ? "UTF-16" : "UTF-8"): save it as UTF-8", offset: start)
            }
        }
        index = end + 2
    }

    /// White space, comments and processing instructions outside the root element.
    private mutating func skipMisc() throws(Failure) {
        while true {
            _ = skipSpaces()
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<?") {
                try instruction()
            } else if starts(with: "<!DOCTYPE") {
                throw Failure(message: "the document declares entities or elements (a DTD): XLIFF needs none, remove it", offset: index)
            } else {
                return
            }
        }
    }

    private mutating func comment() throws(Failure) {
        let start = index
        index += 4
        guard let end = find("--") else { throw Failure(message: "a comment is not closed with ‘-->’", offset: start) }
        guard end + 2 < bytes.count, bytes[end + 2] == UInt8(ascii: ">") else {
            throw Failure(message: "‘--’ cannot appear inside a comment", offset: end)
        }
        try checkCharacters(index..<end)
        index = end + 3
    }

    private mutating func instruction() throws(Failure) {
        let start = index
        index += 2
        let (target, _) = try name(what: "a processing instruction")
        if target.lowercased() == "xml" { throw Failure(message: "the XML declaration (<?xml …?>) must come first in the file", offset: start) }
        guard let end = find("?>") else { throw Failure(message: "a processing instruction is not closed with ‘?>’", offset: start) }
        try checkCharacters(index..<end)
        index = end + 2
    }

    private mutating func attributeValue() throws(Failure) -> String {
        _ = skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            throw Failure(message: "an attribute is not written as name=\"value\"", offset: index)
        }
        index += 1
        _ = skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw Failure(message: "an attribute value is not in quotes: write name=\"value\"", offset: index)
        }
        let quote = bytes[index]
        let start = index
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw Failure(message: "an attribute value is not closed with its quote", offset: start) }
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw Failure(message: "an attribute value contains ‘<’: write &lt;", offset: index)
            case UInt8(ascii: "&"):
                value += try reference()
            case 0x0D:
                // A line break of any kind, like a tab, reads as one space in an attribute.
                value.append(0x20)
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0x09, 0x0A:
                value.append(0x20)
                index += 1
            default:
                try checkCharacters(index..<index + 1)
                value.append(byte)
                index += 1
            }
        }
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;`, `&#N;` or `&#xN;`, as UTF-8.
    private mutating func reference() throws(Failure) -> [UInt8] {
        let start = index
        let unknown = Failure(message: "an ‘&’ does not start a known entity: write &amp; for ‘&’", offset: start)
        guard let end = bytes[index...].prefix(40).firstIndex(of: UInt8(ascii: ";")) else { throw unknown }
        let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        switch body {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "apos": return [UInt8(ascii: "'")]
        case "quot": return [UInt8(ascii: "\"")]
        default:
            let number: UInt32? = if body.hasPrefix("#x") { UInt32(body.dropFirst(2), radix: 16) } else if body.hasPrefix("#") { UInt32(body.dropFirst(), radix: 10) } else { nil }
            guard body.hasPrefix("#") else { throw unknown }
            guard let number, let scalar = Unicode.Scalar(number), XMLTree.isCharacter(scalar.value) else {
                throw Failure(message: "‘&\(body);’ is not a character XML allows", offset: start)
            }
            return Array(String(Character(scalar)).utf8)
        }
    }

    /// Appends the text before `end`, its line breaks as line feeds, checking its characters.
    private mutating func appendText(upTo end: Int, to text: inout [UInt8]) throws(Failure) {
        try checkCharacters(index..<end)
        var position = index
        while position < end {
            let byte = bytes[position]
            if byte == 0x0D {
                text.append(0x0A)
                if position + 1 < end, bytes[position + 1] == 0x0A { position += 1 }
            } else {
                text.append(byte)
            }
            position += 1
        }
    }

    /// A name where `index` is (letters, digits and `_ : . -`, the first neither a digit nor `. -`),
    /// and where it starts.
    private mutating func name(what: String) throws(Failure) -> (String, Int) {
        let start = index
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"): !first
            default: false
            }
        }
        while index < bytes.count, isNameByte(bytes[index], first: index == start) { index += 1 }
        guard index > start else { throw Failure(message: "\(what) has no name here: write a name after ‘<’ (a lone ‘<’ in text is written &lt;)", offset: start) }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        // With namespaces, a colon joins a prefix and a local name, each a name of its own.
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ part in part.utf8.first.map { isNameByte($0, first: true) && $0 != UInt8(ascii: ":") } ?? false }) else {
            throw Failure(message: "‘\(name)’ is not a name: write name or prefix:name", offset: start)
        }
        return (name, start)
    }

    private func split(_ qualified: String) -> (prefix: String?, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return (nil, qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }

    // MARK: Bytes

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Skips white space; whether there was any.
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in (0..<count).allSatisfy { bytes[index + $0] == prefix[$0] } }
    }

    /// Where `text` next occurs at or after `index` (before `limit`).
    private func find(_ text: StaticString, before limit: Int? = nil) -> Int? {
        let count = text.utf8CodeUnitCount
        let last = min(limit ?? bytes.count, bytes.count) - count
        guard last >= index else { return nil }
        return text.withUTF8Buffer { needle in
            var position = index
            while position <= last {
                if bytes[position] == needle[0], (1..<count).allSatisfy({ bytes[position + $0] == needle[$0] }) { return position }
                position += 1
            }
            return nil
        }
    }

    /// Where the text from `index` ends: at the next `<` or `&`.
    private func nextMarkup() -> Int {
        var position = index
        while position < bytes.count, bytes[position] != UInt8(ascii: "<"), bytes[position] != UInt8(ascii: "&") { position += 1 }
        return position
    }

    /// Refuses control characters and U+FFFE/U+FFFF in `range` (the bytes are valid UTF-8).
    private func checkCharacters(_ range: Range<Int>) throws(Failure) {
        // Each character where its first byte is (a range may end inside one: the text is whole).
        for position in range where bytes[position] & 0xC0 != 0x80 && !XMLTree.isCharacter(scalar(at: position)) {
            throw Failure(message: "a character XML does not allow: remove it", offset: position)
        }
    }

    /// The code point whose UTF-8 encoding starts at `position` (the bytes are valid UTF-8).
    private func scalar(at position: Int) -> UInt32 {
        let lead = bytes[position]
        let (length, bits): (Int, UInt8) = lead < 0x80 ? (1, lead) : lead < 0xE0 ? (2, lead & 0x1F) : lead < 0xF0 ? (3, lead & 0x0F) : (4, lead & 0x07)
        var value = UInt32(bits)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return value
    }

    // MARK: Positions

    private var cursor = 0, cursorLine = 1, cursorColumn = 1

    /// The 1-based line and column (in Unicode scalars) of a byte offset; offsets asked for only
    /// grow while parsing, so each byte is counted once.
    mutating func position(of offset: Int) -> (Int, Int) {
        if offset < cursor { (cursor, cursorLine, cursorColumn) = (0, 1, 1) }
        let target = min(offset, bytes.count)
        while cursor < target {
            let byte = bytes[cursor]
            if byte == 0x0A || (byte == 0x0D && (cursor + 1 >= bytes.count || bytes[cursor + 1] != 0x0A)) {
                cursorLine += 1
                cursorColumn = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                cursorColumn += 1
            }
            cursor += 1
        }
        return (cursorLine, cursorColumn)
    }
}
