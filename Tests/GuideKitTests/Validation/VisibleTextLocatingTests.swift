@testable import GuideKit
import Testing

/// `VisibleText(locating:in:)` finds each piece of a text in its UTF-8 bytes. These tests hold
/// it to the plain reading of what it does, written here on arrays of scalars: each run found
/// from where the previous piece ended, each link's text and destination offsets after its
/// `[` and `](`, and every offset counted in Unicode scalars.
@Suite struct VisibleTextLocatingTests {
    @Test func everyTextOfTheRealGuideIsLocatedAsInScalars() throws {
        let withLinks = try Repository.texts().filter(Self.locateBothWays).count
        #expect(withLinks > 30, "\(withLinks) texts with links")
    }

    @Test func randomMarkupIsLocatedAsInScalars() {
        var generator = RenderingTests.PropertyTests.Generator(state: 1688)
        // Pieces that open and close links, code, emphasis and HTML, break lines, and spell
        // scalars of one to four bytes, so runs and links land on every kind of boundary.
        let pieces = ["a", "Ş", "ı", "支付", "👩‍👩‍👧", "\u{301}", " ", "\n", "  \n", "[", "]", "(", ")", "](", "[x](link:a)", "[Öde](link:ödeme)",
                      "[现在去认证](ui:zh-Hans)", "[0.8](percent:)", "[2. bölüm](section:b)", "![r](img.png)", "[a](<link:b c>)",
                      "`kod`", "*", "**", "_", "<b>", "</b>", "&amp;", "\\", "https://x.com", "www.1688.com", "<https://a.b>",
                      "\\.", "\\*", "\\\\", "\\[", "&#47;", "&#x2F;", "&#0;", "&nbsp;", "&ouml;", "&nope;", "&#;", "&"]
        let texts = (0..<20_000).map { _ in (0..<generator.int(1...10)).map { _ in generator.pick(pieces) }.joined() }
        let withLinks = texts.filter(Self.locateBothWays).count
        #expect(withLinks > 5_000, "\(withLinks) texts with links")
    }

    /// Locates `text` in its bytes and in its scalars and expects the same; returns whether it
    /// has a link, so the tests can tell that they covered links.
    static func locateBothWays(_ text: String) -> Bool {
        let inlines = CommonMark.parseInline(text).inlines
        let located = VisibleText(locating: inlines, in: text)
        #expect(located == locatedInScalars(inlines, in: text), "\(text.debugDescription)")
        return !located.links.isEmpty
    }

    @Test func offsetsCountScalarsNotBytes() {
        let text = "Şifre: [现在去认证](ui:zh-Hans) ve [öde](link:pay)"
        let visible = VisibleText(locating: CommonMark.parseInline(text).inlines, in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(visible.runs.map(\.offset) == [0, 8, 26, 31])
        #expect(visible.links.map(\.textOffset) == [8, 31])
        #expect(visible.links.map(\.destinationOffset) == [15, 36])
        for run in visible.runs {
            #expect(String(String.UnicodeScalarView(scalars[run.offset..<(run.offset + run.text.unicodeScalars.count)])) == run.text)
        }
    }

    /// The same search on arrays of scalars, as guidegen did it before it searched bytes.
    static func locatedInScalars(_ inlines: [Inline], in text: String) -> VisibleText {
        let raw = Array(text.unicodeScalars)
        var result = VisibleText([], raw: "")
        var cursor = 0

        func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
            guard !needle.isEmpty else { return nil }
            var index = start
            while index + needle.count <= raw.count {
                if Array(raw[index..<(index + needle.count)]) == needle { return index }
                index += 1
            }
            return nil
        }

        /// The scalars the reference at `start` stands for (`&amp;`, `&#47;`, `&#x2F;`), and its
        /// length; names decoded by cmark, numbers here.
        func reference(at start: Int) -> (scalars: [Unicode.Scalar], length: Int)? {
            guard raw[start] == "&", let end = raw[start...].prefix(34).firstIndex(of: ";") else { return nil }
            let body = String(String.UnicodeScalarView(raw[(start + 1)..<end]))
            let length = end + 1 - start
            func number(_ digits: Substring, radix: Int, most: Int) -> [Unicode.Scalar]? {
                guard (1...most).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isHexDigit && (radix == 16 || $0.isNumber) }),
                    let value = UInt32(digits, radix: radix) else { return nil }
                return [value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"]
            }
            if body.hasPrefix("#x") || body.hasPrefix("#X") { return number(body.dropFirst(2), radix: 16, most: 6).map { ($0, length) } }
            if body.hasPrefix("#") { return number(body.dropFirst(), radix: 10, most: 7).map { ($0, length) } }
            guard let first = body.first, first.isASCII, first.isLetter, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                case let decoded = CommonMark.parseInlineWithCmark("&\(body);").inlines, decoded.count == 1,
                case .text(let text) = decoded[0], text != "&\(body);" else { return nil }
            return (Array(text.unicodeScalars), length)
        }

        /// What a backslash escapes: the ASCII punctuation characters, as the CommonMark spec lists them.
        let punctuation = Set(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars)

        /// Runs for `needle` spelled from `start` with escapes and references, and where it ends.
        func decodedMatch(_ needle: [Unicode.Scalar], at start: Int) -> ([VisibleText.Run], Int)? {
            var runs: [VisibleText.Run] = []
            var at = start, index = 0
            while index < needle.count {
                guard at < raw.count else { return nil }
                if raw[at] == "\\", at + 1 < raw.count, punctuation.contains(raw[at + 1]), raw[at + 1] == needle[index] {
                    runs.append(VisibleText.Run(kind: .plain, text: String(needle[index]), offset: at, isVerbatim: false))
                    (at, index) = (at + 2, index + 1)
                } else if let (scalars, length) = reference(at: at), needle[index...].starts(with: scalars) {
                    runs.append(VisibleText.Run(kind: .plain, text: String(String.UnicodeScalarView(scalars)), offset: at, isVerbatim: false))
                    (at, index) = (at + length, index + scalars.count)
                } else if raw[at] == needle[index] {
                    if let last = runs.last, last.isVerbatim { runs[runs.count - 1].text.unicodeScalars.append(needle[index]) } else {
                        runs.append(VisibleText.Run(kind: .plain, text: String(needle[index]), offset: at))
                    }
                    (at, index) = (at + 1, index + 1)
                } else {
                    return nil
                }
            }
            return (runs, at)
        }

        func append(_ piece: String, kind: VisibleText.Kind) {
            let scalars = Array(piece.unicodeScalars)
            if let at = find(scalars, from: cursor) {
                result.runs.append(VisibleText.Run(kind: kind, text: piece, offset: at))
                cursor = at + scalars.count
                return
            }
            for start in cursor..<max(cursor, raw.count) {
                if let (runs, end) = decodedMatch(scalars, at: start) {
                    result.runs += runs.map { VisibleText.Run(kind: kind, text: $0.text, offset: $0.offset, isVerbatim: $0.isVerbatim) }
                    cursor = end
                    return
                }
            }
        }

        func walk(_ inlines: [Inline], kind: VisibleText.Kind) {
            for inline in inlines {
                switch inline {
                case .text(let piece): append(piece, kind: kind)
                case .code(let piece): append(piece, kind: .code)
                case .html(let piece): append(piece, kind: .html)
                case .emphasis(let children), .strong(let children): walk(children, kind: kind)
                case .softBreak, .lineBreak:
                    let at = cursor < raw.count ? raw[cursor...].firstIndex { $0 == "\n" || $0 == " " } ?? cursor : cursor
                    result.runs.append(VisibleText.Run(kind: kind, text: " ", offset: min(at, max(0, raw.count - 1))))
                case .link(let destination, let children), .image(let destination, let children):
                    let reference = InlineReference(destination: destination)
                    var childKind = VisibleText.Kind.link(reference)
                    if case .uiLabel(let language) = reference { childKind = .uiLabel(language: language) }
                    if let open = find(["["], from: cursor) { cursor = open + 1 }
                    let textOffset = cursor
                    walk(children, kind: childKind)
                    var destinationOffset = cursor
                    if let close = find(["]", "("], from: cursor) {
                        destinationOffset = close + 2
                        if destinationOffset < raw.count, raw[destinationOffset] == "<" { destinationOffset += 1 }
                        cursor = (find([")"], from: destinationOffset + destination.unicodeScalars.count) ?? destinationOffset) + 1
                    }
                    var isImage = false
                    if case .image = inline { isImage = true }
                    result.links.append(VisibleText.Link(reference: reference, destination: destination, text: children.map(\.plainText).joined(),
                                                         textOffset: textOffset, destinationOffset: destinationOffset, isImage: isImage))
                }
            }
        }
        walk(inlines, kind: .plain)
        return result
    }
}
