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
        let raw = Array(raw.unicodeScalars)
        var cursor = 0

        func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
            guard !needle.isEmpty, needle.count <= raw.count else { return nil }
            var index = start
            while index + needle.count <= raw.count {
                if raw[index] == needle[0], raw[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }

        func append(_ text: String, kind: Kind) {
            let scalars = Array(text.unicodeScalars)
            guard let at = find(scalars, from: cursor) else { return }
            runs.append(Run(kind: kind, text: text, offset: at))
            cursor = at + scalars.count
        }

        func walk(_ inlines: [Inline], kind: Kind) {
            for inline in inlines {
                switch inline {
                case .text(let text): append(text, kind: kind)
                case .code(let text): append(text, kind: .code)
                case .html(let text): append(text, kind: .html)
                case .emphasis(let children), .strong(let children): walk(children, kind: kind)
                case .softBreak, .lineBreak:
                    let at = raw[cursor...].firstIndex { $0 == "\n" || $0 == " " } ?? cursor
                    runs.append(Run(kind: kind, text: " ", offset: min(at, max(0, raw.count - 1))))
                case .link(let destination, let children), .image(let destination, let children):
                    var isImage = false
                    if case .image = inline { isImage = true }
                    let reference = InlineReference(destination: destination)
                    let childKind: Kind
                    if case .uiLabel(let language) = reference { childKind = .uiLabel(language: language) } else { childKind = .link(reference) }
                    if let open = find(Array("[".unicodeScalars), from: cursor) { cursor = open + 1 }
                    let textOffset = cursor
                    walk(children, kind: childKind)
                    var destinationOffset = cursor
                    if let close = find(Array("](".unicodeScalars), from: cursor) {
                        destinationOffset = close + 2
                        if destinationOffset < raw.count, raw[destinationOffset] == "<" { destinationOffset += 1 }
                        let end = find(Array(")".unicodeScalars), from: destinationOffset + destination.unicodeScalars.count) ?? destinationOffset
                        cursor = end + 1
                    }
                    links.append(Link(reference: reference, destination: destination, text: children.map(\.plainText).joined(),
                                      textOffset: textOffset, destinationOffset: destinationOffset, isImage: isImage))
                }
            }
        }
        walk(inlines, kind: .plain)
    }

    /// The visible scalars of the runs `include` accepts, each with its offset in the raw text;
    /// every other run stands as one `placeholder`.
    public func scalars(including include: (Kind) -> Bool) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var scan = Scan()
        self.scan(including: include, into: &scan)
        return (scan.scalars, scan.offsets)
    }

    /// Arrays `scan(including:into:)` fills, kept from text to text by a rule that scans every
    /// text, so they are allocated once and not twice a text.
    public struct Scan {
        /// The visible scalars (runs left out stand as one `placeholder`).
        public fileprivate(set) var scalars: [Unicode.Scalar] = []
        /// The offset of each scalar in the raw text.
        public fileprivate(set) var offsets: [Int] = []

        public init() {}
    }

    /// `scalars(including:)` into the arrays of `scan`, which are emptied first.
    public func scan(including include: (Kind) -> Bool, into scan: inout Scan) {
        // Seven rules scan every source text. Allocating both arrays for each text looked the
        // arrays' generic metadata up in the runtime's shared table every time (the standard
        // library's `Array(unsafeUninitializedCapacity:)` allocates in code that is not
        // specialised): 4 % of an S=1000 validation's samples.
        scan.scalars.removeAll(keepingCapacity: true)
        scan.offsets.removeAll(keepingCapacity: true)
        // UTF-8 bytes bound the scalars: one reservation, no growing step by step.
        let capacity = runs.reduce(0) { $0 + $1.text.utf8.count } + runs.count
        scan.scalars.reserveCapacity(capacity)
        scan.offsets.reserveCapacity(capacity)
        // Each run read in place: `for run in runs` copied every run, retaining its strings.
        for index in runs.indices {
            if include(runs[index].kind) {
                var offset = runs[index].offset
                for scalar in runs[index].text.unicodeScalars {
                    scan.scalars.append(scalar)
                    scan.offsets.append(offset)
                    offset += 1
                }
            } else if scan.scalars.last != Self.placeholder {
                scan.scalars.append(Self.placeholder)
                scan.offsets.append(runs[index].offset)
            }
        }
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
