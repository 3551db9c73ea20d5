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
        guard hasDottedI(language) else { return text.uppercased() }
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
