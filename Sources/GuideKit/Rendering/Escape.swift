/// Escaping per output format. Each function makes arbitrary text safe in one place of one format;
/// they are kept apart because the places differ (text and attributes in HTML, line starts in Markdown).
public enum Escape {
    /// Characters no output carries, whatever the content says: control characters other than
    /// tab and line breaks (ANSI escapes, NUL, form feeds), Unicode noncharacters (HTML parse
    /// errors), and the bidirectional embedding, override and isolate controls (U+202A–U+202E,
    /// U+2066–U+2069), which can make text display in another order than it is read
    /// ("Trojan Source"). They are dropped.
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }

    /// Text between HTML tags: `&`, `<`, `>`.
    public static func htmlText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if !isDropped(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A quoted HTML attribute value (`"` or `'` quotes): text escaping plus both quotes.
    public static func htmlAttribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: if !isDropped(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Text in a Markdown paragraph, heading or list item, wherever it lands on a line: every
    /// character that can start CommonMark inline markup (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`,
    /// `!` before `[`, `&` before an entity) is backslash-escaped, and so is anything that would
    /// start a block at the beginning, after any spaces (`# `, `> `, `- `, `+ `, `1. `, `1) `,
    /// `===`, `~~~`). Line breaks become spaces, so no text starts a line of its own. Other
    /// characters stay as they are, so the Markdown reads as plain text.
    public static func markdown(_ text: String) -> String {
        let scalars: [Unicode.Scalar] = text.unicodeScalars.compactMap { scalar in
            scalar == "\n" || scalar == "\r" ? " " : (isDropped(scalar) ? nil : scalar)
        }
        // Up to three spaces may indent a block marker; the first other character is where a
        // block would start.
        let lead = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.count
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let atStart = index == lead
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<":
                out += "\\"
            case ">" where atStart:
                out += "\\"
            case "&" where next.map { $0 == "#" || $0.properties.isAlphabetic } ?? false:
                out += "\\"
            case "#" where atStart && Self.opensHeading(Array(scalars[index...])):
                out += "\\"
            case "+" where atStart && (next == nil || next == " " || next == "\t"):
                out += "\\"
            case "-" where atStart && (next == nil || next == " " || next == "\t" || next == "-"):
                out += "\\"
            case "=" where atStart && scalars.allSatisfy({ $0 == "=" || $0 == " " || $0 == "\t" }):
                out += "\\"
            case "~" where atStart && next == "~":
                out += "\\"
            case "!" where next == "[":
                out += "\\"
            default:
                break
            }
            out.unicodeScalars.append(scalar)
        }
        // "1. " or "1) " at the start would open an ordered list.
        let indent = out.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        let digits = out.unicodeScalars.dropFirst(indent).prefix { ("0"..."9").contains($0) }.count
        if digits > 0, digits <= 9 {
            let rest = out.unicodeScalars.dropFirst(indent + digits)
            if let marker = rest.first, marker == "." || marker == ")" {
                let after = rest.dropFirst().first
                if after == nil || after == " " || after == "\t" {
                    var escaped = String(String.UnicodeScalarView(out.unicodeScalars.prefix(indent + digits)))
                    escaped += "\\"
                    escaped.unicodeScalars.append(contentsOf: rest)
                    out = escaped
                }
            }
        }
        return out
    }

    /// `#` to `######` followed by a space or nothing: an ATX heading.
    private static func opensHeading(_ scalars: [Unicode.Scalar]) -> Bool {
        let hashes = scalars.prefix { $0 == "#" }.count
        guard hashes <= 6 else { return false }
        return hashes == scalars.count || scalars[hashes] == " " || scalars[hashes] == "\t"
    }

    /// A JSON string literal (with quotes) that is also safe inside an HTML `<script>` element:
    /// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so `</script>` and `<!--` cannot appear.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if isDropped(scalar) {
                    continue
                } else if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A URL as a Markdown link destination: spaces and angle brackets percent-encoded,
    /// parentheses and backslashes escaped.
    public static func markdownDestination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "(", ")", "\\": out += "\\"; out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
