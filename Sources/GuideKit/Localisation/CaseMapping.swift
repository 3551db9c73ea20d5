/// Case changes by a language's rules, for display text only (never keys or ids).
///
/// Unicode's default mapping is right for most languages; Turkish and Azerbaijani have a dotted
/// and a dotless i (`i`↔`İ`, `ı`↔`I`), which the default maps wrongly (`i`→`I`). Only those two
/// tailorings matter for the languages guidegen writes, so they are done here rather than through
/// the platform's ICU (a test checks the result against Foundation's `uppercased(with:)`).
public enum CaseMapping {
    private static func hasDottedI(_ tag: String) -> Bool {
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return language == "tr" || language == "az"
    }

    /// `Kontrol listesi` → `KONTROL LİSTESİ` in Turkish, `CHECKLIST` in English.
    public static func uppercased(_ text: String, language: String) -> String {
        let dottedI = hasDottedI(language)
        return mappedByScalar(text, dottedI: dottedI) ?? byCharacter(text, dottedI: dottedI)
    }

    /// Upper case maps each scalar on its own, with no context: ASCII letters by their byte,
    /// other scalars by their Unicode mapping. The standard library's `uppercased()` made a
    /// string of every scalar's mapping for any text with one non-ASCII letter, 7,000
    /// instructions a chrome string, and every locale upper-cases all of its strings. Nil for
    /// an `i` a non-ASCII scalar follows in Turkish: a combining mark would make it another
    /// character, which is left to `byCharacter`.
    private static func mappedByScalar(_ text: String, dottedI: Bool) -> String? {
        text.withBytes { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == UInt8(ascii: "i"), dottedI {
                        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                        out.append(contentsOf: [0xC4, 0xB0])  // İ
                    } else {
                        out.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte)
                    }
                    index += 1
                    continue
                }
                let (value, length) = Escape.scalar(at: index, in: bytes)
                if let scalar = Unicode.Scalar(value) { out.append(contentsOf: scalar.properties.uppercaseMapping.utf8) }
                index += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The definition: each character upper-cased on its own, `i` to `İ` in Turkish.
    private static func byCharacter(_ text: String, dottedI: Bool) -> String {
        guard dottedI else { return text.uppercased() }
        var out = ""
        for character in text {
            out += character == "i" ? "İ" : String(character).uppercased()
        }
        return out
    }

    /// `İSTANBUL IŞIK` → `istanbul ışık` in Turkish.
    public static func lowercased(_ text: String, language: String) -> String {
        guard hasDottedI(language) else { return text.lowercased() }
        var out = ""
        for character in text {
            switch character {
            case "I": out += "ı"
            case "İ": out += "i"
            default: out += String(character).lowercased()
            }
        }
        return out
    }
}
