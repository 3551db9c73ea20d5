/// BCP 47 language tags, as far as guidegen needs them.
public enum LanguageTag {
    /// A language subtag and optional subtags of letters and digits (`tr`, `en`, `zh-Hans`, `pt-BR`).
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The writing direction of a language: right to left for Arabic, Hebrew, Persian, Urdu and a few more.
    public static func direction(of tag: String) -> String {
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug"].contains(language) ? "rtl" : "ltr"
    }
}
