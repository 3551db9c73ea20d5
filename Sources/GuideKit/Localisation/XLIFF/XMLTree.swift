import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree read with Foundation's `XMLParser` (libxml2), each element with the line
/// and column where it starts, or the parser's error with its place. External entities are never
/// resolved and DTDs are refused, so reading a file cannot reach the network or the disk.
public struct XMLTree: Sendable {
    public indirect enum Node: Sendable, Hashable {
        case text(String)
        case element(Element)
    }

    public struct Element: Sendable, Hashable {
        /// The local name (`trans-unit`).
        public var name: String
        public var namespace: String?
        /// Attributes by their name as written (`xml:lang`, `state`).
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

    public static func parse(_ data: Data) -> Result<XMLTree, ParseError> {
        let delegate = Builder(lines: String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) })
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        delegate.parser = parser
        let ok = parser.parse()
        if let error = delegate.error { return .failure(error) }
        // On Linux `parse()` may return true although it reported an error: check both.
        guard ok, parser.parserError == nil, let root = delegate.root else {
            let reason = (parser.parserError as NSError?).map { Self.describe($0) } ?? "the document is not well-formed XML"
            return .failure(ParseError(message: reason, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
        }
        return .success(XMLTree(root: root))
    }

    /// What went wrong, in words: swift-corelibs-foundation passes libxml2's error on as a bare
    /// code with no message, so the common ones are named here. The codes are libxml2's
    /// `xmlParserErrors` (which Darwin's `NSXMLParserError` numbers follow too; the Linux
    /// `XMLParser.ErrorCode` enum is off by one, so it is not used).
    static func describe(_ error: NSError) -> String {
        let description = error.localizedDescription
        if !description.isEmpty, !description.contains("could not be completed"), !description.contains("(null)") { return description }
        switch error.code {
        case 4: return "the document is empty"
        case 5: return "the document ends too early (is the file cut short?) or has content after its root element"
        case 9: return "a character XML does not allow"
        case 23, 26, 27: return "an ‘&’ does not start a known entity: write &amp; for ‘&’"
        case 38: return "an attribute value contains ‘<’: write &lt;"
        case 39, 40, 41: return "an attribute is not written as name=\"value\""
        case 42: return "an attribute appears twice in one tag"
        case 73: return "a tag is not closed with ‘>’"
        case 74, 76: return "a closing tag does not match the element it closes"
        case 77: return "an element is not closed (is the file cut short?)"
        case 85, 86: return "the elements are not properly nested"
        default: return "not well-formed XML (libxml2 error \(error.code))"
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        /// The document's lines, to find where a start tag begins (the parser reports where it ends).
        let lines: [[Unicode.Scalar]]

        init(lines: [[Unicode.Scalar]]) { self.lines = lines }

        /// The line and column of the `<name` that ends at (line, column), searching back.
        func start(of name: String, line: Int, column: Int) -> (Int, Int) {
            let needle = Array(("<" + name).unicodeScalars)
            var row = min(line, lines.count) - 1
            var limit = column - 1
            while row >= 0 {
                let scalars = lines[row]
                var index = min(limit, scalars.count) - needle.count
                while index >= 0 {
                    if Array(scalars[index ..< index + needle.count]) == needle { return (row + 1, index + 1) }
                    index -= 1
                }
                row -= 1
                limit = row >= 0 ? lines[row].count : 0
            }
            return (line, column)
        }
        var stack: [Element] = []
        var root: Element?
        var error: ParseError?
        var text = ""

        func flushText() {
            guard !text.isEmpty, !stack.isEmpty else { text = ""; return }
            stack[stack.count - 1].children.append(.text(text))
            text = ""
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            flushText()
            let (line, column) = start(of: qName ?? elementName, line: parser.lineNumber, column: parser.columnNumber)
            stack.append(Element(name: elementName, namespace: namespaceURI, attributes: attributeDict, children: [], line: line, column: column))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            flushText()
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) { refuseDTD(parser) }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) { refuseDTD(parser) }

        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) { refuseDTD(parser) }

        private func refuseDTD(_ parser: XMLParser) {
            guard error == nil else { return }
            error = ParseError(message: "the document declares entities or elements (a DTD): XLIFF needs none, remove it", line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard error == nil else { return }
            error = ParseError(message: XMLTree.describe(parseError as NSError), line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        }
    }
}
