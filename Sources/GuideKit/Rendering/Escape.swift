/// Escaping per output format. Each function makes arbitrary text safe in one place of one format;
/// they are kept apart because the places differ (text and attributes in HTML, line starts in Markdown).
public enum Escape {
    /// Characters no output carries, whatever the content says: control characters other than
    /// tab and line breaks (ANSI escapes, NUL, form feeds), Unicode noncharacters (HTML parse
    /// errors), and the bidirectional embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069), which can make text display in another order than it is read
    /// ("Trojan Source"). They are dropped.
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        isDropped(scalar.value)
    }

    /// `isDropped` by code point. Noncharacters are U+FDD0–U+FDEF and the last two code points of
    /// every plane (U+FFFE, U+FFFF, U+1FFFE…): arithmetic, not a Unicode property lookup.
    @inline(__always)
    static func isDropped(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0xFDD0...0xFDEF: return true
        default: return value & 0xFFFE == 0xFFFE
        }
    }

    /// What `rewrite` does with one scalar.
    enum Edit {
        case keep, drop
        case replace(String)
    }

    /// `text` with each scalar kept, dropped or replaced as `edit` says, walked as UTF-8 bytes:
    /// runs of kept scalars are copied as they are, and text that needs no change is returned
    /// without a copy. (Appending scalar by scalar to a `String` was a sixth of a build.)
    @inline(__always)
    static func rewrite(_ text: String, _ edit: (UInt32) -> Edit) -> String {
        text.withBytes { bytes -> String? in
            var out: [UInt8] = []
            var kept = 0
            var index = 0
            while index < bytes.count {
                let (value, length) = scalar(at: index, in: bytes)
                let action = edit(value)
                if case .keep = action {
                    index += length
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept..<index]))
                if case .replace(let replacement) = action { out.append(contentsOf: replacement.utf8) }
                index += length
                kept = index
            }
            guard kept > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The code point that starts at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3) }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Text between HTML tags: `&`, `<`, `>`.
    public static func htmlText(_ text: String) -> String {
        keepsEveryScalar(text, stops: htmlTextStops) == true ? text : escapedHTMLText(text)
    }

    /// The ASCII bytes `htmlText` changes: what it escapes, and the control characters it drops
    /// (all but tab and the line breaks) and DEL.
    static let htmlTextStops = ASCIISet(Array("&<>".utf8) + Array(0..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) } + [0x7F])

    /// `htmlText` without the shortcut for text it leaves alone.
    static func escapedHTMLText(_ text: String) -> String {
        rewrite(text) { value in
            switch value {
            case 0x26: .replace("&amp;")
            case 0x3C: .replace("&lt;")
            case 0x3E: .replace("&gt;")
            default: isDropped(value) ? .drop : .keep
            }
        }
    }

    /// A quoted HTML attribute value (`"` or `'` quotes): text escaping plus both quotes.
    public static func htmlAttribute(_ text: String) -> String {
        rewrite(text) { value in
            switch value {
            case 0x26: .replace("&amp;")
            case 0x3C: .replace("&lt;")
            case 0x3E: .replace("&gt;")
            case 0x22: .replace("&quot;")
            case 0x27: .replace("&#39;")
            default: isDropped(value) ? .drop : .keep
            }
        }
    }

    /// Text in a Markdown paragraph, heading or list item, wherever it lands on a line: every
    /// character that can start CommonMark inline markup (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`,
    /// `!` before `[`, `&` before an entity) is backslash-escaped, and so is anything that would
    /// start a block at the beginning, after any spaces (`# `, `> `, `- `, `+ `, `1. `, `1) `,
    /// `===`, `~~~`). Line breaks become spaces, so no text starts a line of its own. Other
    /// characters stay as they are, so the Markdown reads as plain text.
    public static func markdown(_ text: String) -> String {
        isPlainForMarkdown(text) ? text : escapedMarkdown(text)
    }

    /// Whether `escapedMarkdown` gives `text` back as it is: nothing in it to escape, drop or
    /// join, and no digit where a list number could start. Most text between the marks of a
    /// content string is, and one look at each scalar is cheaper than building the escaped copy.
    ///
    /// Read on the UTF-8 bytes (a switch on every scalar was 1.6 % of a build): the characters to
    /// escape and the control characters are ASCII, and the other dropped characters are told by
    /// their first bytes (C2 for U+0080–U+009F, E2 for the bidirectional controls, EF for
    /// U+FDD0–U+FDEF, U+FFFE and U+FFFF). A text with a four-byte character, which may be a
    /// noncharacter of another plane, is read scalar by scalar.
    static func isPlainForMarkdown(_ text: String) -> Bool {
        !startsWithListMarker(text) && (keepsEveryScalar(text, stops: markdownStops) ?? isPlainForMarkdownByScalars(text))
    }

    /// Whether the text opens an ordered list item, which `escapedMarkdown` escapes: after
    /// leading spaces and tabs, one to nine digits and `.` or `)`, then the end, a space or a tab.
    /// Other numbers (a step's `3` or `3.1`, `1688.com`, `10 TL`) are plain text.
    static func startsWithListMarker(_ text: String) -> Bool {
        text.withBytes { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard (1...9).contains(index - digitsStart), index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
            return index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\t")
        }
    }

    /// Whether an edit that changes only the ASCII bytes in `stops` and the characters
    /// `isDropped` drops (and, with `marks`, the checklist's protection marks) keeps every scalar
    /// of `text`, so `rewrite` would give it back as it is. Read on the UTF-8 bytes (a call of
    /// `edit` on every scalar was 1 % of a build): the control characters are ASCII, and the other
    /// dropped characters are told by their first bytes (C2 for U+0080–U+009F, E2 for the
    /// bidirectional controls, EF for U+FDD0–U+FDEF, U+FFFE and U+FFFF). Nil when unsure: a text
    /// with a four-byte character, which may be a noncharacter of another plane.
    static func keepsEveryScalar(_ text: String, stops: ASCIISet, marks: Bool = false) -> Bool? {
        text.withBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if stops.contains(byte) { return false }
                    index += 1
                    continue
                }
                let next = index + 1 < count ? bytes[index + 1] : 0, third = index + 2 < count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2 where (0x80...0x9F).contains(next): return false
                case 0xE2 where next == 0x80 && (0xAA...0xAE).contains(third) || next == 0x81 && (0xA6...0xA9).contains(third): return false
                case 0xEE where marks && next == 0x80 && (third == 0x80 || third == 0x81): return false
                case 0xEF where next == 0xB7 && (0x90...0xAF).contains(third) || next == 0xBF && (third == 0xBE || third == 0xBF): return false
                case 0xF0...: return nil
                default: break
                }
                index += byte < 0xE0 ? 2 : 3
            }
            return true
        }
    }

    /// `isPlainForMarkdown` scalar by scalar.
    static func isPlainForMarkdownByScalars(_ text: String) -> Bool {
        if startsWithListMarker(text) { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "#", "+", "-", "=", "~", "!", "\n", "\r": return false
            default: if isDropped(scalar.value) { return false }
            }
        }
        return true
    }

    /// The ASCII bytes `isPlainForMarkdown` stops at: the characters the escaping handles, line
    /// breaks, and the control characters it drops (all but the tab) and DEL.
    static let markdownStops = ASCIISet(Array("\\`*_[]<>&#+-=~!".utf8) + Array(0..<0x20).filter { $0 != 0x09 } + [0x7F])

    /// `markdown` without the shortcut for plain text.
    static func escapedMarkdown(_ text: String) -> String {
        let scalars: [Unicode.Scalar] = text.unicodeScalars.compactMap { scalar in
            scalar == "\n" || scalar == "\r" ? " " : (isDropped(scalar.value) ? nil : scalar)
        }
        // Up to three spaces may indent a block marker; the first other character is where a
        // block would start.
        let lead = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.count
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 16)
        let backslash = UInt8(ascii: "\\")
        for (index, scalar) in scalars.enumerated() {
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let atStart = index == lead
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<":
                out.append(backslash)
            case ">" where atStart:
                out.append(backslash)
            case "&" where next.map { $0 == "#" || $0.properties.isAlphabetic } ?? false:
                out.append(backslash)
            case "#" where atStart && Self.opensHeading(scalars[index...]):
                out.append(backslash)
            case "+" where atStart && (next == nil || next == " " || next == "\t"):
                out.append(backslash)
            case "-" where atStart && (next == nil || next == " " || next == "\t" || next == "-"):
                out.append(backslash)
            case "=" where atStart && scalars.allSatisfy({ $0 == "=" || $0 == " " || $0 == "\t" }):
                out.append(backslash)
            case "~" where atStart && next == "~":
                out.append(backslash)
            case "!" where next == "[":
                out.append(backslash)
            default:
                break
            }
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: scalar.utf8)
            }
        }
        // "1. " or "1) " at the start would open an ordered list (all ASCII, so bytes are scalars).
        let indent = out.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        let digits = out.dropFirst(indent).prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        if digits > 0, digits <= 9 {
            let rest = out.dropFirst(indent + digits)
            if let marker = rest.first, marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")") {
                let after = rest.dropFirst().first
                if after == nil || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") {
                    out.insert(backslash, at: indent + digits)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `#` to `######` followed by a space or nothing: an ATX heading.
    private static func opensHeading(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let hashes = scalars.prefix { $0 == "#" }.count
        guard hashes <= 6 else { return false }
        let after = scalars.index(scalars.startIndex, offsetBy: hashes)
        return after == scalars.endIndex || scalars[after] == " " || scalars[after] == "\t"
    }

    /// A JSON string literal (with quotes) that is also safe inside an HTML `<script>` element:
    /// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so `</script>` and `<!--` cannot appear.
    public static func jsonString(_ text: String) -> String {
        let escaped = escapedJSON(text)
        return "\"" + escaped + "\""
    }

    /// The inside of `jsonString(text)`, without its quotes.
    private static func escapedJSON(_ text: String) -> String {
        rewrite(text) { value in
            switch value {
            case 0x22: .replace("\\\"")
            case 0x5C: .replace("\\\\")
            case 0x0A: .replace("\\n")
            case 0x0D: .replace("\\r")
            case 0x09: .replace("\\t")
            case 0x3C: .replace("\\u003c")
            case 0x3E: .replace("\\u003e")
            case 0x26: .replace("\\u0026")
            case 0x2028: .replace("\\u2028")
            case 0x2029: .replace("\\u2029")
            // Every other control character below U+0020 is dropped.
            default: isDropped(value) ? .drop : .keep
            }
        }
    }

    /// `jsonString(text)`'s UTF-8 bytes, appended to `out`.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Text with nothing to escape or drop (most) is appended as it is, without an escaped copy.
        if keepsEveryScalar(text, stops: jsonStops) == true, !hasLineOrParagraphSeparator(text) {
            out.append(utf8: text)
        } else {
            out.append(utf8: escapedJSON(text))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The ASCII bytes `escapedJSON` changes: quote, backslash, `<`, `>`, `&`, the control characters and DEL.
    static let jsonStops = ASCIISet(Array("\"\\<>&".utf8) + Array(0..<0x20) + [0x7F])

    /// Whether the text has U+2028 or U+2029 (E2 80 A8, E2 80 A9), which `escapedJSON` writes as
    /// escapes and `keepsEveryScalar` keeps.
    private static func hasLineOrParagraphSeparator(_ text: String) -> Bool {
        // Their first byte looked for with `memchr` first: most texts have no E2 at all.
        guard text.containsByte(0xE2) else { return false }
        return text.withBytes { bytes in
            guard bytes.count >= 3 else { return false }
            return (0..<bytes.count - 2).contains { bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x80 && (bytes[$0 + 2] == 0xA8 || bytes[$0 + 2] == 0xA9) }
        }
    }

    /// A URL as a Markdown link destination: spaces and angle brackets percent-encoded,
    /// parentheses and backslashes escaped.
    public static func markdownDestination(_ url: String) -> String {
        rewrite(url) { value in
            switch value {
            case 0x20: .replace("%20")
            case 0x3C: .replace("%3C")
            case 0x3E: .replace("%3E")
            case 0x28: .replace("\\(")
            case 0x29: .replace("\\)")
            case 0x5C: .replace("\\\\")
            default: .keep
            }
        }
    }
}
