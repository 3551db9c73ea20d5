/// A content string cut into what a translator translates and what must come back unchanged:
/// Markdown syntax and link destinations become tags (XLIFF inline codes), UI labels protected
/// text, marked numbers, code spans and `{placeholders}` single tags. Joining the pieces gives back
/// the exact string, byte for byte, so an XLIFF round trip changes nothing.
public struct InlineSegments: Sendable, Hashable {
    /// What a tag stands for (its `ctype` in XLIFF).
    public enum Kind: String, Sendable, Hashable {
        /// A registry or section link: the translator translates the link text between its tags.
        case link = "link"
        /// A gloss of the UI label before it (`[Verify now](gloss:)`): translated like a link's text.
        case gloss = "x-gloss"
        /// A UI label: its text is protected, between tags that hold `[` and `](ui:LANG)`.
        case uiLabel = "x-ui-label"
        /// A marked number, `[0.8](percent:)`, whole.
        case number = "x-number"
        /// A code span, whole.
        case code = "x-code"
        /// An emphasis or strong delimiter (`*`, `**`, `_`).
        case emphasis = "x-emphasis"
        /// A placeholder such as `{list}`.
        case placeholder = "x-placeholder"
    }

    public enum Segment: Sendable, Hashable {
        case text(String)
        /// The start of a pair of tags (`<bpt>`): `[`.
        case open(id: Int, code: String, kind: Kind)
        /// Its end (`<ept>`): `](link:KEY)`.
        case close(id: Int, code: String)
        /// A single tag (`<ph>`).
        case single(id: Int, code: String, kind: Kind)
        /// Text that must not change (`<mrk mtype="protected">`): a UI label; `id` is its tags' id.
        case protected(id: Int, text: String)

        /// The id of the tag this segment is or belongs to; nil for text.
        public var tagID: Int? {
            switch self {
            case .text: nil
            case .open(let id, _, _), .close(let id, _), .single(let id, _, _), .protected(let id, _): id
            }
        }

        /// The exact characters of the Markdown string this segment stands for.
        public var raw: String {
            switch self {
            case .text(let text), .protected(_, let text): text
            case .open(_, let code, _), .close(_, let code), .single(_, let code, _): code
            }
        }
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// The Markdown string, rebuilt.
    public var markdown: String { segments.map(\.raw).joined() }

    /// Cuts `markdown` into segments. When the cut would not give back the exact string (unusual
    /// Markdown), the whole string is one text segment: nothing is protected, nothing is lost.
    public init(markdown: String) {
        let raw = Array(markdown.unicodeScalars)
        var cutter = Cutter(raw: raw, hasEmphasis: Self.hasEmphasis(CommonMark.parseInline(markdown).inlines))
        cutter.cut(0..<raw.count)
        let result = Self.merged(cutter.segments)
        segments = InlineSegments(segments: result).markdown == markdown ? result : (markdown.isEmpty ? [] : [.text(markdown)])
    }

    private static func hasEmphasis(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .emphasis, .strong: true
            case .link(_, let children), .image(_, let children): hasEmphasis(children)
            default: false
            }
        }
    }

    /// The same segments with the tag ids of `source`: a tag takes the id of the source's tag with
    /// the same Markdown (a UI label also the same text), in order among equals, so a translation
    /// that moves a link or a label still refers to the same source tag. Tags the source does not
    /// have (a gloss the translator added) get ids after the source's.
    public func aligned(to source: InlineSegments) -> InlineSegments {
        /// What identifies a tag across source and target.
        struct Signature: Hashable {
            var code: String
            var protected: String?
        }
        func signatures(_ segments: [Segment]) -> [(id: Int, signature: Signature)] {
            var closes: [Int: String] = [:], labels: [Int: String] = [:]
            for segment in segments {
                if case .close(let id, let code) = segment { closes[id] = code }
                if case .protected(let id, let text) = segment { labels[id] = text }
            }
            return segments.compactMap { segment in
                switch segment {
                case .open(let id, _, _): (id, Signature(code: closes[id] ?? "", protected: labels[id]))
                case .single(let id, let code, _): (id, Signature(code: code))
                default: nil
                }
            }
        }
        var available: [Signature: [Int]] = [:]
        for (id, signature) in signatures(source.segments) { available[signature, default: []].append(id) }
        var nextID = (source.segments.compactMap(\.tagID).max() ?? 0) + 1
        var ids: [Int: Int] = [:]
        for (id, signature) in signatures(segments) {
            if let match = available[signature]?.first {
                available[signature]?.removeFirst()
                ids[id] = match
            } else {
                ids[id] = nextID
                nextID += 1
            }
        }
        return InlineSegments(segments: segments.map { segment in
            switch segment {
            case .text: segment
            case .open(let id, let code, let kind): .open(id: ids[id] ?? id, code: code, kind: kind)
            case .close(let id, let code): .close(id: ids[id] ?? id, code: code)
            case .single(let id, let code, let kind): .single(id: ids[id] ?? id, code: code, kind: kind)
            case .protected(let id, let text): .protected(id: ids[id] ?? id, text: text)
            }
        })
    }

    /// Adjacent text segments joined.
    private static func merged(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for segment in segments {
            if case .text(let text) = segment, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if case .text(let text) = segment, text.isEmpty {
                continue
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// A small scanner for the inline Markdown guidegen's content uses: backslash escapes, code
    /// spans, `[text](destination)` links, emphasis delimiters and `{name}` placeholders.
    private struct Cutter {
        let raw: [Unicode.Scalar]
        let hasEmphasis: Bool
        var segments: [Segment] = []
        var nextID = 1

        init(raw: [Unicode.Scalar], hasEmphasis: Bool) {
            self.raw = raw
            self.hasEmphasis = hasEmphasis
        }

        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(raw[range])) }

        mutating func id() -> Int {
            defer { nextID += 1 }
            return nextID
        }

        mutating func text(_ range: Range<Int>) {
            if !range.isEmpty { segments.append(.text(string(range))) }
        }

        mutating func cut(_ range: Range<Int>) {
            var start = range.lowerBound
            var index = range.lowerBound
            while index < range.upperBound {
                let scalar = raw[index]
                if scalar == "\\", index + 1 < range.upperBound {
                    index += 2
                    continue
                }
                if scalar == "`", let end = codeSpanEnd(from: index, limit: range.upperBound) {
                    text(start..<index)
                    segments.append(.single(id: id(), code: string(index..<end), kind: .code))
                    index = end
                    start = end
                    continue
                }
                if scalar == "[", let link = link(from: index, limit: range.upperBound) {
                    text(start..<index)
                    let destination = string(link.destination)
                    switch InlineReference(destination: destination) {
                    case .quantity:
                        segments.append(.single(id: id(), code: string(index..<link.end), kind: .number))
                    case .uiLabel:
                        let tag = id()
                        segments.append(.open(id: tag, code: "[", kind: .uiLabel))
                        segments.append(.protected(id: tag, text: string(link.text)))
                        segments.append(.close(id: tag, code: string(link.text.upperBound..<link.end)))
                    case let reference:
                        let tag = id()
                        segments.append(.open(id: tag, code: "[", kind: reference == .gloss ? .gloss : .link))
                        cut(link.text)
                        segments.append(.close(id: tag, code: string(link.text.upperBound..<link.end)))
                    }
                    index = link.end
                    start = index
                    continue
                }
                if scalar == "{", let end = placeholderEnd(from: index, limit: range.upperBound) {
                    text(start..<index)
                    segments.append(.single(id: id(), code: string(index..<end), kind: .placeholder))
                    index = end
                    start = end
                    continue
                }
                if hasEmphasis, scalar == "*" || scalar == "_" {
                    var end = index
                    while end < range.upperBound, raw[end] == scalar { end += 1 }
                    if isFlanking(index, end) {
                        text(start..<index)
                        segments.append(.single(id: id(), code: string(index..<end), kind: .emphasis))
                        start = end
                    }
                    index = end
                    continue
                }
                index += 1
            }
            text(start..<range.upperBound)
        }

        /// A backtick run closed by a run of the same length.
        func codeSpanEnd(from start: Int, limit: Int) -> Int? {
            var open = start
            while open < limit, raw[open] == "`" { open += 1 }
            let length = open - start
            var index = open
            while index < limit {
                if raw[index] == "`" {
                    var end = index
                    while end < limit, raw[end] == "`" { end += 1 }
                    if end - index == length { return end }
                    index = end
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// `[text](destination)`: the text's range (without brackets), the destination's, and the end after `)`.
        func link(from start: Int, limit: Int) -> (text: Range<Int>, destination: Range<Int>, end: Int)? {
            var depth = 0
            var index = start
            var close: Int?
            while index < limit {
                let scalar = raw[index]
                if scalar == "\\" { index += 2; continue }
                if scalar == "`", let end = codeSpanEnd(from: index, limit: limit) { index = end; continue }
                if scalar == "[" { depth += 1 }
                if scalar == "]" {
                    depth -= 1
                    if depth == 0 { close = index; break }
                }
                index += 1
            }
            guard let close, close + 1 < limit, raw[close + 1] == "(" else { return nil }
            var destinationStart = close + 2
            var destinationEnd = destinationStart
            if destinationStart < limit, raw[destinationStart] == "<" {
                destinationStart += 1
                destinationEnd = destinationStart
                while destinationEnd < limit, raw[destinationEnd] != ">" { destinationEnd += 1 }
                guard destinationEnd + 1 < limit, raw[destinationEnd + 1] == ")" else { return nil }
                return (start + 1..<close, destinationStart..<destinationEnd, destinationEnd + 2)
            }
            var parens = 0
            while destinationEnd < limit {
                let scalar = raw[destinationEnd]
                if scalar == "(" { parens += 1 }
                if scalar == ")" {
                    if parens == 0 { break }
                    parens -= 1
                }
                if scalar == " " || scalar == "\n" { return nil }
                destinationEnd += 1
            }
            guard destinationEnd < limit else { return nil }
            return (start + 1..<close, destinationStart..<destinationEnd, destinationEnd + 1)
        }

        /// `{name}` with a name of letters, digits, `_` or `-`.
        func placeholderEnd(from start: Int, limit: Int) -> Int? {
            var index = start + 1
            while index < limit, raw[index].properties.isAlphabetic || ("0"..."9").contains(raw[index]) || raw[index] == "_" || raw[index] == "-" { index += 1 }
            return index > start + 1 && index < limit && raw[index] == "}" ? index + 1 : nil
        }

        /// CommonMark's left- or right-flanking delimiter run, simplified.
        func isFlanking(_ start: Int, _ end: Int) -> Bool {
            func isSpace(_ index: Int) -> Bool { index < 0 || index >= raw.count || raw[index].properties.isWhitespace }
            return !isSpace(end) || !isSpace(start - 1)
        }
    }
}
