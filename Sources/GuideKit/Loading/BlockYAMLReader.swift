/// A reader for the plain block style content files are written in, which composes the same tree
/// as `YAMLComposer` without libyaml, or gives up. libyaml's scanner and the composer's handling
/// of its events were a quarter of a full `validate`, 270 instructions a byte; this reader takes
/// the lines as they are, at about 100.
///
/// It reads block mappings with plain keys, block lists (compact mappings as items, lists at
/// their key's indentation), single-line plain, single-quoted and double-quoted scalars, flow
/// lists and mappings of plain words on one line (`requires: [a, b]`, `days: {from: monday, to:
/// friday}`), `>`, `>-`, `|` and `|-` block scalars whose lines share one indentation, and
/// comments. For anything else it returns nil and libyaml reads the file: tabs, carriage
/// returns, characters libyaml refuses or treats as line breaks, a missing final line break,
/// empty values, multi-line plain or quoted scalars, escapes other than the common ones, nested
/// flow collections, anchors, aliases, tags, complex or quoted keys, document markers,
/// directives, nesting deeper than the limit, a key twice in a mapping, and every syntax error.
/// So any problem is reported as before, from libyaml, and a tree from here is the tree libyaml
/// gives (a differential test holds every fixture and thousands of edits of them to it).
struct BlockYAMLReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    /// Each line's first byte and the byte after it (its line break excluded).
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    var line = 0

    /// The tree of `bytes` (UTF-8, already validated), or nil when libyaml has to read them.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> YAMLNode? {
        var reader = BlockYAMLReader(bytes: bytes, maximumDepth: maximumDepth)
        guard reader.splitLines() else { return nil }
        reader.skipTrivia()
        guard reader.line < reader.starts.count, reader.indentation(reader.line) == 0 else { return nil }
        let root = reader.isEntry(reader.line, at: reader.starts[reader.line])
            ? reader.sequence(indentation: 0, depth: 1) : reader.mapping(from: reader.starts[reader.line], depth: 1)
        reader.skipTrivia()
        return reader.line == reader.starts.count ? root : nil
    }

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    // MARK: Lines

    /// Splits the text into lines; false for a byte sequence this reader leaves to libyaml.
    mutating func splitLines() -> Bool {
        guard let last = bytes.last, last == 0x0A else { return false }
        var start = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                index += 1
                continue
            }
            switch byte {
            case 0x0A:
                starts.append(start)
                ends.append(index)
                start = index + 1
            case 0xC2:
                // C1 controls, NEL among them (a line break to libyaml).
                if index + 1 < count, bytes[index + 1] < 0xA0 { return false }
            case 0xE2:
                // LINE SEPARATOR and PARAGRAPH SEPARATOR, line breaks to libyaml.
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            case 0xEF:
                // A byte order mark, U+FFFE and U+FFFF.
                if index + 2 < count, bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                    return false
                }
            default:
                if byte < 0x80 { return false }  // tab, carriage return, other controls, DEL
            }
            index += 1
        }
        return true
    }

    func indentation(_ line: Int) -> Int {
        var index = starts[line]
        while index < ends[line], bytes[index] == 0x20 { index += 1 }
        return index - starts[line]
    }

    private func isBlank(_ line: Int) -> Bool { indentation(line) == ends[line] - starts[line] }

    private func isComment(_ line: Int) -> Bool {
        let first = starts[line] + indentation(line)
        return first < ends[line] && bytes[first] == UInt8(ascii: "#")
    }

    /// Moves past blank and comment lines, which mean nothing between nodes.
    mutating func skipTrivia() {
        while line < starts.count, isBlank(line) || isComment(line) { line += 1 }
    }

    /// Whether the line is a list entry starting at `position`: `-` then a space or the line's end.
    func isEntry(_ line: Int, at position: Int) -> Bool {
        bytes[position] == UInt8(ascii: "-") && (position + 1 == ends[line] || bytes[position + 1] == 0x20)
    }

    /// The mark libyaml gives `position`: 1-based, the column counted in Unicode scalars.
    func mark(_ position: Int) -> YAMLNode.Mark {
        var column = 1
        for index in starts[line]..<position where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return YAMLNode.Mark(line: line + 1, column: column)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func skipSpaces(from position: Int) -> Int {
        var index = position
        while index < ends[line], bytes[index] == 0x20 { index += 1 }
        return index
    }

    /// Whether the rest of the line from `position` is spaces and perhaps a comment after one.
    func isLineEnd(from position: Int) -> Bool {
        let index = skipSpaces(from: position)
        return index == ends[line] || bytes[index] == UInt8(ascii: "#") && index > position
    }

    /// Characters that start something other than a plain scalar (YAML's indicators). Bits, not
    /// a `Set`: the set hashed the byte for every key and every plain scalar.
    private static let indicators = ASCIISet("-?:,[]{}#&*!|>'\"%@`".utf8)

    // MARK: Collections

    /// A block mapping whose first key starts at `position` of the current line; its keys are at
    /// that column.
    private mutating func mapping(from position: Int, depth: Int) -> YAMLNode? {
        guard depth <= maximumDepth else { return nil }
        let indentation = position - starts[line]
        let mark = mark(position)
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        // Room for the fields of a step or an entry: growing from nothing reallocated most mappings twice or more.
        pairs.reserveCapacity(8)
        var keys = SeenKeys()
        var keyStart = position
        while true {
            guard let colon = colon(ofKeyAt: keyStart) else { return nil }
            var scalar = YAMLNode.Scalar(string(keyStart..<colon), mark: self.mark(keyStart))
            scalar.tag = scalar.keyTag
            // A key twice: libyaml's path reports it.
            guard keys.insert(scalar.string) else { return nil }
            guard let value = value(after: colon + 1, indentation: indentation, depth: depth) else { return nil }
            pairs.append((.scalar(scalar), value))
            skipTrivia()
            guard line < starts.count else { break }
            let next = self.indentation(line)
            if next < indentation { break }
            guard next == indentation else { return nil }
            keyStart = starts[line] + next
        }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark))
    }

    /// The keys of a mapping so far. This reader reads plain keys only, whose tag follows from
    /// their text, so two keys are the same key (`YAMLComposer.KeyIdentity`) when their texts are
    /// equal: the texts are compared where the keys' nodes were copied to compare them (a tenth of
    /// composing a section file).
    struct SeenKeys {
        private var texts: [String] = []
        /// The texts, once there are more than a few to compare a new one with.
        private var set: Set<String>?

        /// Adds `text`; false when it is there already.
        mutating func insert(_ text: String) -> Bool {
            if set == nil {
                guard texts.count >= YAMLComposer.KeyIdentity.scannedKeys else {
                    if texts.contains(text) { return false }
                    // Room for all of them at once: growing the array took three allocations.
                    if texts.isEmpty { texts.reserveCapacity(YAMLComposer.KeyIdentity.scannedKeys) }
                    texts.append(text)
                    return true
                }
                set = Set(texts)
            }
            return set!.insert(text).inserted
        }
    }

    /// A plain key at `position`: the position of its colon, which a space or the line's end follows.
    func colon(ofKeyAt position: Int) -> Int? {
        guard position < ends[line], !Self.indicators.contains(bytes[position]) else { return nil }
        var index = position
        while index < ends[line] {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":"), index + 1 == ends[line] || bytes[index + 1] == 0x20 {
                // libyaml looks at most 1,024 characters ahead for a key's colon.
                guard bytes[index - 1] != 0x20, index - position < 1000 else { return nil }
                return index
            }
            if byte == UInt8(ascii: "#"), bytes[index - 1] == 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// The value after a key's colon; `indentation` is the mapping's. Leaves `line` after it.
    mutating func value(after position: Int, indentation: Int, depth: Int) -> YAMLNode? {
        let start = skipSpaces(from: position)
        if isLineEnd(from: position) {
            // A collection on the lines below: deeper, or a list at the key's column.
            line += 1
            skipTrivia()
            guard line < starts.count else { return nil }
            let next = self.indentation(line), first = starts[line] + next
            if next > indentation {
                return isEntry(line, at: first) ? sequence(indentation: next, depth: depth + 1) : mapping(from: first, depth: depth + 1)
            }
            return next == indentation && isEntry(line, at: first) ? sequence(indentation: next, depth: depth + 1) : nil
        }
        switch bytes[start] {
        case UInt8(ascii: ">"), UInt8(ascii: "|"): return blockScalar(at: start, parentIndentation: indentation)
        case UInt8(ascii: "["), UInt8(ascii: "{"): return flowCollection(at: start, depth: depth + 1)
        default:
            guard let scalar = scalar(at: start) else { return nil }
            line += 1
            return scalar
        }
    }

    /// A block list whose entries start at `indentation`; leaves `line` after it.
    private mutating func sequence(indentation: Int, depth: Int) -> YAMLNode? {
        guard depth <= maximumDepth else { return nil }
        let mark = mark(starts[line] + indentation)
        var items: [YAMLNode] = []
        while true {
            let dash = starts[line] + indentation
            let start = skipSpaces(from: dash + 1)
            guard start > dash + 1, start < ends[line], !isEntry(line, at: start) else { return nil }
            if colon(ofKeyAt: start) != nil {
                guard let item = mapping(from: start, depth: depth + 1) else { return nil }
                items.append(item)
            } else if bytes[start] == UInt8(ascii: "[") || bytes[start] == UInt8(ascii: "{") {
                guard let item = flowCollection(at: start, depth: depth + 1) else { return nil }
                items.append(item)
            } else {
                guard let item = scalar(at: start) else { return nil }
                items.append(item)
                line += 1
            }
            skipTrivia()
            guard line < starts.count else { break }
            let next = self.indentation(line)
            if next < indentation { break }
            guard next == indentation else { return nil }
            // The list ends at the first line at its column that is not an entry: the key after
            // a list written at its key's column.
            if !isEntry(line, at: starts[line] + next) { break }
        }
        return .sequence(YAMLNode.Sequence(items: items, mark: mark))
    }

    /// `[word, word]` or `{key: word, key: word}` on one line.
    private mutating func flowCollection(at position: Int, depth: Int) -> YAMLNode? {
        guard depth <= maximumDepth else { return nil }
        let isMapping = bytes[position] == UInt8(ascii: "{")
        let close = UInt8(ascii: isMapping ? "}" : "]")
        let mark = mark(position)
        var items: [YAMLNode] = []
        var index = skipSpaces(from: position + 1)
        guard index < ends[line] else { return nil }
        if bytes[index] != close {
            while true {
                guard let (key, afterKey) = flowWord(at: index) else { return nil }
                items.append(key)
                index = afterKey
                if isMapping {
                    guard index + 1 < ends[line], bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == 0x20,
                        let (value, afterValue) = flowWord(at: skipSpaces(from: index + 1))
                    else { return nil }
                    items.append(value)
                    index = afterValue
                }
                guard index < ends[line], bytes[index] == UInt8(ascii: ",") || bytes[index] == close else { return nil }
                if bytes[index] == close { break }
                index = skipSpaces(from: index + 1)
            }
        }
        guard isLineEnd(from: index + 1) else { return nil }
        line += 1
        guard isMapping else { return .sequence(YAMLNode.Sequence(items: items, mark: mark)) }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = SeenKeys()
        for pair in stride(from: 0, to: items.count, by: 2) {
            guard case .scalar(var key) = items[pair] else { return nil }
            key.tag = key.keyTag
            guard keys.insert(key.string) else { return nil }
            pairs.append((.scalar(key), items[pair + 1]))
        }
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark))
    }

    /// A plain word inside a flow collection, and the position of the character that ends it.
    private func flowWord(at position: Int) -> (YAMLNode, Int)? {
        guard position < ends[line], !Self.indicators.contains(bytes[position]) else { return nil }
        var index = position
        while index < ends[line], !Self.flowStops.contains(bytes[index]) { index += 1 }
        var end = index
        while bytes[end - 1] == 0x20 { end -= 1 }
        return (.scalar(YAMLNode.Scalar(string(position..<end), mark: mark(position))), index)
    }

    private static let flowStops = ASCIISet(",[]{}:#'\"".utf8)

    // MARK: Scalars

    /// A plain, single-quoted or double-quoted scalar that ends on its line, nothing after it but
    /// a comment. Leaves `line` where it is.
    private func scalar(at position: Int) -> YAMLNode? {
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return quoted(at: position)
        default: return plain(at: position)
        }
    }

    private func plain(at position: Int) -> YAMLNode? {
        guard !Self.indicators.contains(bytes[position]) else { return nil }
        var index = position, end = position
        while index < ends[line] {
            let byte = bytes[index]
            if byte == 0x20 {
                if index + 1 < ends[line], bytes[index + 1] == UInt8(ascii: "#") { break }
            } else {
                // `a: b: c` and a value that ends in a colon are errors to libyaml.
                if byte == UInt8(ascii: ":"), index + 1 == ends[line] || bytes[index + 1] == 0x20 { return nil }
                end = index + 1
            }
            index += 1
        }
        return .scalar(YAMLNode.Scalar(string(position..<end), mark: mark(position)))
    }

    /// A quoted scalar on one line: `''` undone in single quotes, the common escapes in double ones.
    private func quoted(at position: Int) -> YAMLNode? {
        let quote = bytes[position], isDouble = quote == UInt8(ascii: "\"")
        // The bytes read so far when something was undone; until then the text is a slice of the line.
        var undone: [UInt8]?
        var index = position + 1, copied = index
        while true {
            guard index < ends[line] else { return nil }
            let byte = bytes[index]
            var replacement: UInt8
            if byte == quote {
                guard !isDouble, index + 1 < ends[line], bytes[index + 1] == quote else { break }
                replacement = quote
            } else if byte == UInt8(ascii: "\\"), isDouble {
                guard index + 1 < ends[line], let escaped = Self.escapes[bytes[index + 1]] else { return nil }
                replacement = escaped
            } else {
                index += 1
                continue
            }
            undone = (undone ?? []) + UnsafeBufferPointer(rebasing: bytes[copied..<index]) + [replacement]
            index += 2
            copied = index
        }
        guard isLineEnd(from: index + 1) else { return nil }
        let text = undone.map { String(decoding: $0 + UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self) } ?? string(copied..<index)
        return .scalar(YAMLNode.Scalar(text, tag: .str, style: isDouble ? .doubleQuoted : .singleQuoted, mark: mark(position)))
    }

    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "/"): UInt8(ascii: "/"),
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09,
    ]

    /// `>`, `>-`, `|` or `|-` and lines that all start at one column deeper than the mapping's;
    /// leaves `line` after the scalar's last line.
    private mutating func blockScalar(at position: Int, parentIndentation: Int) -> YAMLNode? {
        let folded = bytes[position] == UInt8(ascii: ">")
        var index = position + 1
        let strip = index < ends[line] && bytes[index] == UInt8(ascii: "-")
        if strip { index += 1 }
        guard index == ends[line] || bytes[index] == 0x20, isLineEnd(from: index) else { return nil }
        let mark = mark(position)
        line += 1
        guard line < starts.count, !isBlank(line) else { return nil }
        let indentation = self.indentation(line)
        guard indentation > parentIndentation else { return nil }
        var text: [UInt8] = []
        var pendingBreaks = 0
        while line < starts.count {
            if isBlank(line) {
                guard ends[line] - starts[line] <= indentation else { return nil }
                pendingBreaks += 1
                line += 1
                continue
            }
            let own = self.indentation(line)
            if own < indentation { break }
            guard own == indentation else { return nil }  // lines deeper than the first fold otherwise
            if !text.isEmpty {
                if folded {
                    if pendingBreaks == 0 { text.append(0x20) } else { text += repeatElement(0x0A, count: pendingBreaks) }
                } else {
                    text += repeatElement(0x0A, count: pendingBreaks + 1)
                }
            }
            pendingBreaks = 0
            text += UnsafeBufferPointer(rebasing: bytes[(starts[line] + indentation)..<ends[line]])
            line += 1
        }
        // Trailing blank lines are the scalar's; `-` drops every final line break, no indicator keeps one.
        if !strip { text.append(0x0A) }
        return .scalar(YAMLNode.Scalar(String(decoding: text, as: UTF8.self), tag: .str, style: folded ? .folded : .literal, mark: mark))
    }
}

extension BlockYAMLReader {
    /// Whether the reader's tree for `text` is libyaml's, node by node (`YAMLNode.outline`), with
    /// what libyaml gave; nil when the reader leaves `text` to libyaml. The tests and the loader's
    /// fuzz target hold every tree the reader gives to this.
    static func comparedWithLibyaml(_ text: String) -> (matches: Bool, libyaml: String)? {
        var copy = text
        guard let tree = copy.withUTF8({ compose($0, maximumDepth: YAMLFile.maximumDepth) }) else { return nil }
        let libyaml = YAMLComposer.compose(text, maximumDepth: YAMLFile.maximumDepth, blockReader: false)
        guard libyaml.problems.isEmpty, libyaml.failure == nil, let root = libyaml.root else {
            return (false, "refused: problems \(libyaml.problems), failure \(String(describing: libyaml.failure))")
        }
        return (tree.outline == root.outline, root.outline.joined(separator: "\n"))
    }
}
