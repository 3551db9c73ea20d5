/// Writes a string as a YAML scalar that reads back as exactly that string: plain when YAML
/// would read it back unchanged as text, otherwise double-quoted with escapes.
public enum YAMLScalar {
    public static func encode(_ value: String) -> String {
        isSafePlain(value) ? value : doubleQuoted(value)
    }

    /// Whether `value` written plain after `key: ` reads back as the same text (not a number, a
    /// boolean, a comment or another structure). guidegen's own loader decides, so no YAML rule is
    /// re-implemented here and the text reads back as it was written.
    static func isSafePlain(_ value: String) -> Bool {
        guard !value.isEmpty, value == value.trimmingSpaces(), !value.contains("\n"), !value.contains("\t"),
              value.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control && $0 != "\u{FEFF}" }),
              let first = value.unicodeScalars.first, !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) else { return false }
        let composed = YAMLComposer.compose("k: " + value, maximumDepth: YAMLFile.maximumDepth)
        guard composed.problems.isEmpty, composed.failure == nil, case .mapping(let mapping) = composed.root, mapping.count == 1,
              let scalar = mapping.first?.value.scalar, scalar.style == .plain, scalar.string == value else { return false }
        return scalar.isString
    }

    /// `"…"` with `\\`, `\"` and control characters escaped.
    public static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                    out += scalar.value <= 0xFFFF ? "\\u" + hex(scalar.value, 4) : "\\U" + hex(scalar.value, 8)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
