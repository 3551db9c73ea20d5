/// Escaping per output format. Each function makes arbitrary text safe in one place of one format;
/// they are kept apart because the places differ (text and attributes in HTML, line starts in Markdown).
public enum Escape {
    /// Text between HTML tags: `&`, `<`, `>`.
    public static func htmlText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
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
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text in a Markdown paragraph, heading or list item, wherever it lands on a line: every
    /// character that can start CommonMark inline markup (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`,
    /// `!` before `[`, `&` before an entity) is backslash-escaped, and so is anything that would
    /// start a block at the beginning (`# `, `> `, `- `, `+ `, `1. `, `1) `, `===`). Other
    /// characters stay as they are, so the Markdown reads as plain text.
    public static func markdown(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<":
                out += "\\"
            case ">" where index == 0:
                out += "\\"
            case "&" where next.map { $0 == "#" || $0.properties.isAlphabetic } ?? false:
                out += "\\"
            case "#" where index == 0 && Self.opensHeading(scalars):
                out += "\\"
            case "+" where index == 0 && (next == nil || next == " " || next == "\t"):
                out += "\\"
            case "-" where index == 0 && (next == nil || next == " " || next == "\t" || next == "-"):
                out += "\\"
            case "=" where index == 0 && scalars.allSatisfy({ $0 == "=" || $0 == " " }):
                out += "\\"
            case "!" where next == "[":
                out += "\\"
            default:
                break
            }
            out.unicodeScalars.append(scalar)
        }
        // "1. " or "1) " at the start would open an ordered list.
        let digits = out.unicodeScalars.prefix { ("0"..."9").contains($0) }.count
        if digits > 0, digits <= 9 {
            let rest = out.unicodeScalars.dropFirst(digits)
            if let marker = rest.first, marker == "." || marker == ")" {
                let after = rest.dropFirst().first
                if after == nil || after == " " || after == "\t" {
                    var escaped = String(String.UnicodeScalarView(out.unicodeScalars.prefix(digits)))
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
                if scalar.value < 0x20 {
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
