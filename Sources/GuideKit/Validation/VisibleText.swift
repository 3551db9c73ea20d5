/// What a reader sees of a content string, mapped back to the string: the inline Markdown as
/// libcmark parsed it, with every piece located by its Unicode-scalar offset in the raw text, so
/// rules can scan the visible words and still point at the exact column in the YAML file.
public struct VisibleText: Sendable, Hashable {
    /// What a piece of visible text is.
    public enum Kind: Sendable, Hashable {
        case plain
        /// The text of a link (`[1688.com](link:1688-home)`, `[2. bölüm](section:…)`, a raw URL link).
        case link(InlineReference)
        /// A UI label (`[现在去认证](ui:zh-Hans)`): verbatim screen text, in its own language.
        case uiLabel(language: String)
        case code
        /// Raw HTML, which is never rendered.
        case html
    }

    /// A stretch of visible text of one kind.
    public struct Run: Sendable, Hashable {
        public var kind: Kind
        public var text: String
        /// Scalar offset of the run's first character in the raw text.
        public var offset: Int
        /// Whether the raw text holds the run's text as it is, rather than one character written
        /// as a backslash escape (`\.`) or an entity reference (`&amp;`, `&#47;`), which is a
        /// run of its own at the escape's place.
        public var isVerbatim = true
    }

    /// A link as written: what it refers to, its text and where its destination is.
    public struct Link: Sendable, Hashable {
        public var reference: InlineReference
        public var destination: String
        public var text: String
        /// Scalar offset of the link's text (after `[`) in the raw text.
        public var textOffset: Int
        /// Scalar offset of the destination (after `](`) in the raw text.
        public var destinationOffset: Int
        public var isImage: Bool
    }

    public var runs: [Run] = []
    public var links: [Link] = []

    /// The scalar that stands in `scalars(including:)` for a run that is left out, so words
    /// on either side do not join.
    public static let placeholder: Unicode.Scalar = "\u{FFFC}"

    public init(_ inlines: [Inline], raw: String) {
        // Most texts are one text node of all of the raw text: one run at offset 0, found
        // without copying the text into scalar arrays and searching it (a third of the cost of
        // the translations a `validate` context holds).
        if inlines.count == 1, case .text(let text) = inlines[0], text == raw {
            if !raw.isEmpty { runs = [Run(kind: .plain, text: raw, offset: 0)] }
        } else {
            self = VisibleText(locating: inlines, in: raw)
        }
    }

    /// The runs and links of `inlines`, each found in `raw` from where the previous one ended.
    init(locating inlines: [Inline], in raw: String) {
        // Found in the UTF-8 bytes: a text that matches at a byte matches at the scalar that
        // starts there (its first byte starts a scalar), and the first match in bytes is the
        // first in scalars. Copying the raw text and every run into scalar arrays to search them
        // was most of what a text with links or markup cost.
        (runs, links) = raw.withBytes { raw in
            var locator = Locator(raw: raw)
            locator.walk(inlines, kind: .plain)
            return (locator.runs, locator.links)
        }
    }

    /// Finds the runs and links of a parse in its raw text, walking the parse in order. A struct
    /// with mutating methods rather than functions nested in `init` that changed its variables:
    /// those variables were boxed, and every use of one checked for overlapping access while the
    /// program ran (a sixtieth of a validation's instructions).
    private struct Locator {
        let raw: UnsafeBufferPointer<UInt8>
        var runs: [Run] = []
        var links: [Link] = []
        /// Where the next piece is looked for, in bytes and in scalars. Past the end of the text
        /// (after a link whose `)` is missing) a position counts one byte a scalar.
        var cursor = Position(byte: 0, scalar: 0)

        init(raw: UnsafeBufferPointer<UInt8>) { self.raw = raw }

        /// `position` moved on by `count` scalars.
        func advance(_ position: Position, by count: Int) -> Position {
            var position = position
            for _ in 0..<count {
                position.byte += 1
                while position.byte < raw.count, raw[position.byte] & 0xC0 == 0x80 { position.byte += 1 }
                position.scalar += 1
            }
            return position
        }

        /// Where `needle` first appears at or after `start`.
        func find(_ needle: UnsafeBufferPointer<UInt8>, from start: Position) -> Position? {
            guard let first = needle.first, start.byte < raw.count, needle.count <= raw.count - start.byte else { return nil }
            var position = start
            while position.byte + needle.count <= raw.count {
                if raw[position.byte] == first, (1..<needle.count).allSatisfy({ raw[position.byte + $0] == needle[$0] }) { return position }
                position = advance(position, by: 1)
            }
            return nil
        }

        func find(_ needle: String, from start: Position) -> Position? {
            needle.withBytes { find($0, from: start) }
        }

        mutating func append(_ text: String, kind: Kind) {
            text.withBytes { bytes in
                guard let at = find(bytes, from: cursor) else {
                    appendDecoded(bytes, kind: kind)
                    return
                }
                runs.append(Run(kind: kind, text: text, offset: at.scalar))
                cursor = Position(byte: at.byte + bytes.count, scalar: at.scalar + VisibleText.scalarCount(bytes))
            }
        }

        /// A text the raw text does not hold as it is: where it writes some of its characters
        /// as backslash escapes or entity references, which CommonMark decodes. A run for each
        /// stretch written as it is and one for each character written otherwise, each at its
        /// place; nothing when the text is not there either way.
        mutating func appendDecoded(_ needle: UnsafeBufferPointer<UInt8>, kind: Kind) {
            var start = cursor
            while start.byte < raw.count {
                if let (pieces, end) = match(needle, at: start) {
                    for piece in pieces {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: needle[piece.range]), as: UTF8.self)
                        runs.append(Run(kind: kind, text: text, offset: piece.at.scalar, isVerbatim: piece.isVerbatim))
                    }
                    cursor = end
                    return
                }
                start = advance(start, by: 1)
            }
        }

        /// A piece of a decoded text: its bytes in the text, where the raw text writes them, and
        /// whether it writes them as they are.
        struct Piece {
            var range: Range<Int>
            var at: Position
            var isVerbatim: Bool
        }

        /// How the raw text from `start` spells `needle`, byte for byte or with escapes and
        /// entity references, and where that spelling ends; nil when it does not.
        func match(_ needle: UnsafeBufferPointer<UInt8>, at start: Position) -> (pieces: [Piece], end: Position)? {
            var pieces: [Piece] = []
            var position = start, index = 0
            while index < needle.count {
                guard position.byte < raw.count else { return nil }
                let byte = raw[position.byte]
                var decoded: (count: Int, length: Int)?
                if byte == UInt8(ascii: "\\"), position.byte + 1 < raw.count, CommonMark.isASCIIPunctuation(raw[position.byte + 1]),
                    raw[position.byte + 1] == needle[index] {
                    decoded = (1, 2)
                } else if byte == UInt8(ascii: "&"), let entity = CommonMark.entity(in: raw, at: position.byte),
                    needle.count - index >= entity.decoded.count, entity.decoded.elementsEqual(needle[index..<index + entity.decoded.count]) {
                    decoded = (entity.decoded.count, entity.length)
                }
                if let decoded {
                    // Escapes and references are ASCII: as many scalars as bytes.
                    pieces.append(Piece(range: index..<index + decoded.count, at: position, isVerbatim: false))
                    position = Position(byte: position.byte + decoded.length, scalar: position.scalar + decoded.length)
                    index += decoded.count
                } else if byte == needle[index] {
                    if let last = pieces.last, last.isVerbatim { pieces[pieces.count - 1].range = last.range.lowerBound..<index + 1 } else {
                        pieces.append(Piece(range: index..<index + 1, at: position, isVerbatim: true))
                    }
                    if byte & 0xC0 != 0x80 { position.scalar += 1 }
                    position.byte += 1
                    index += 1
                } else {
                    return nil
                }
            }
            return (pieces, position)
        }

        mutating func walk(_ inlines: [Inline], kind: Kind) {
            for inline in inlines {
                switch inline {
                case .text(let text): append(text, kind: kind)
                case .code(let text): append(text, kind: .code)
                case .html(let text): append(text, kind: .html)
                case .emphasis(let children), .strong(let children): walk(children, kind: kind)
                case .softBreak, .lineBreak:
                    // The line end or space at or after the cursor (the cursor itself when there is none), within the text.
                    var at = cursor
                    while at.byte < raw.count, raw[at.byte] != UInt8(ascii: "\n"), raw[at.byte] != UInt8(ascii: " ") { at = advance(at, by: 1) }
                    if at.byte >= raw.count { at = cursor }
                    runs.append(Run(kind: kind, text: " ", offset: min(at.scalar, max(0, VisibleText.scalarCount(raw) - 1))))
                case .link(let destination, let children), .image(let destination, let children):
                    var isImage = false
                    if case .image = inline { isImage = true }
                    let reference = InlineReference(destination: destination)
                    let childKind: Kind
                    if case .uiLabel(let language) = reference { childKind = .uiLabel(language: language) } else { childKind = .link(reference) }
                    if let open = find("[", from: cursor) { cursor = advance(open, by: 1) }
                    let textOffset = cursor.scalar
                    walk(children, kind: childKind)
                    var destinationOffset = cursor.scalar
                    if let close = find("](", from: cursor) {
                        var start = advance(close, by: 2)
                        if start.byte < raw.count, raw[start.byte] == UInt8(ascii: "<") { start = advance(start, by: 1) }
                        destinationOffset = start.scalar
                        let end = find(")", from: advance(start, by: destination.unicodeScalars.count)) ?? start
                        cursor = advance(end, by: 1)
                    }
                    links.append(Link(reference: reference, destination: destination, text: children.map(\.plainText).joined(),
                                      textOffset: textOffset, destinationOffset: destinationOffset, isImage: isImage))
                }
            }
        }
    }

    /// A place in a raw text: its byte and the number of scalars before it.
    private struct Position {
        var byte: Int
        var scalar: Int
    }

    /// The scalars `bytes` spell (in UTF-8, the bytes that are not continuation bytes).
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// The visible scalars of the runs `include` accepts; every other run stands as one `placeholder`.
    public func scalars(including include: (Kind) -> Bool) -> [Unicode.Scalar] {
        var scan = Scan()
        self.scan(including: include, into: &scan)
        return scan.scalars
    }

    /// What `scan(including:into:)` fills, kept from text to text by a rule that scans every
    /// text, so its arrays are allocated once and not for each text.
    public struct Scan {
        /// The visible scalars (runs left out stand as one `placeholder`).
        public fileprivate(set) var scalars: [Unicode.Scalar] = []
        /// Where each run's scalars (or its placeholder) start in `scalars`, with the raw-text
        /// offset of the first. Offsets are asked for only where a rule reports, so they are kept
        /// a run at a time rather than a scalar at a time.
        fileprivate var segments: [Segment] = []

        fileprivate struct Segment {
            var start: Int
            var offset: Int
            /// Scalars the raw text holds as they are: not a placeholder, escape or entity reference.
            var isVerbatim: Bool
        }

        public init() {}

        /// The offset in the raw text of `scalars[index]`.
        public func offset(at index: Int) -> Int {
            let segment = segments[segment(at: index)]
            return segment.offset + (index - segment.start)
        }

        /// Whether the raw text holds `scalars[range]` as they are and one after another: no run
        /// left out between them, no character written as an escape or an entity reference.
        /// Only then does a fix that replaces `range.count` scalars from the first replace them.
        public func isVerbatim(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return true }
            for index in segment(at: range.lowerBound)...segment(at: range.upperBound - 1) where !segments[index].isVerbatim { return false }
            return offset(at: range.upperBound - 1) - offset(at: range.lowerBound) == range.count - 1
        }

        /// The last segment that starts at or before `index` (found by halving: a text has a few).
        private func segment(at index: Int) -> Int {
            precondition(scalars.indices.contains(index), "no scalar \(index) in a scan of \(scalars.count)")
            var low = 0
            var high = segments.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if segments[middle].start <= index { low = middle } else { high = middle - 1 }
            }
            return low
        }
    }

    /// `scalars(including:)` into `scan`, which is emptied first.
    public func scan(including include: (Kind) -> Bool, into scan: inout Scan) {
        // Seven rules scan every source text. Allocating the arrays for each text looked their
        // generic metadata up in the runtime's shared table every time (the standard library's
        // `Array(unsafeUninitializedCapacity:)` allocates in code that is not specialised): 4 %
        // of an S=1000 validation's samples.
        scan.scalars.removeAll(keepingCapacity: true)
        scan.segments.removeAll(keepingCapacity: true)
        // Each run read in place, by index: `for run in runs` copied every run, retaining its strings.
        // UTF-8 bytes bound the scalars: one reservation, no growing step by step.
        var capacity = runs.count
        for index in runs.indices { capacity += runs[index].text.utf8.count }
        scan.scalars.reserveCapacity(capacity)
        for index in runs.indices {
            if include(runs[index].kind) {
                scan.segments.append(Scan.Segment(start: scan.scalars.count, offset: runs[index].offset, isVerbatim: runs[index].isVerbatim))
                // Scalar by scalar: `append(contentsOf:)` counts the scalars first, a second pass.
                runs[index].text.forEachScalar { scan.scalars.append($0) }
            } else if scan.scalars.last != Self.placeholder {
                scan.segments.append(Scan.Segment(start: scan.scalars.count, offset: runs[index].offset, isVerbatim: false))
                scan.scalars.append(Self.placeholder)
            }
        }
    }

    /// `body`'s result for `string(including:)`. Most texts are one run, which lends its own
    /// string: returning it retained it, and each rule that asks did so for every text.
    public func withString<Result>(including include: (Kind) -> Bool, _ body: (String) -> Result) -> Result {
        if runs.count == 1, include(runs[0].kind) { return body(runs[0].text) }
        return body(string(including: include))
    }

    /// Whether a run `include` accepts holds a byte in `range` (an ASCII digit, say): the runs
    /// read in place, where `runs.contains { … }` copied each one.
    public func containsByte(in range: ClosedRange<UInt8>, including include: (Kind) -> Bool) -> Bool {
        for index in runs.indices where include(runs[index].kind) && runs[index].text.containsByte(in: range) { return true }
        return false
    }

    /// `scalars(including:)`'s scalars as a string, joined run by run rather than scalar by scalar.
    public func string(including include: (Kind) -> Bool) -> String {
        // Most texts are one run: the string is its text.
        if runs.count == 1, include(runs[0].kind) { return runs[0].text }
        var out = ""
        var endsInPlaceholder = false
        for run in runs {
            if include(run.kind) {
                out += run.text
                if let last = run.text.unicodeScalars.last { endsInPlaceholder = last == Self.placeholder }
            } else if !endsInPlaceholder {
                out.unicodeScalars.append(Self.placeholder)
                endsInPlaceholder = true
            }
        }
        return out
    }
}

extension VisibleText.Kind {
    /// Text the writer wrote in the source language: plain text and the text of links, not UI
    /// labels, code, HTML or marked numbers (`[0.8](percent:)`, which each locale formats).
    public var isProse: Bool {
        switch self {
        case .plain: true
        case .link(let reference): !reference.isQuantity
        case .uiLabel, .code, .html: false
        }
    }

    public var isPlain: Bool { self == .plain }
}
