/// BCP 47 language tags, as far as guidegen needs them.
public enum LanguageTag {
    /// A language subtag and optional subtags of letters and digits (`tr`, `en`, `zh-Hans`, `pt-BR`).
    public static func isWellFormed(_ tag: String) -> Bool {
        // On UTF-8 bytes: splitting into substrings and asking each Character whether it is a
        // letter cost 7,000 instructions a tag, and UI labels check theirs on every page.
        var subtags = 0, length = 0
        for byte in tag.utf8 {
            if byte == UInt8(ascii: "-") {
                guard length >= (subtags == 0 ? 2 : 1) else { return false }
                subtags += 1
                length = 0
                continue
            }
            let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let digit = (0x30...0x39).contains(byte)
            guard letter || (digit && subtags > 0), length < 8 else { return false }
            length += 1
        }
        return length >= (subtags == 0 ? 2 : 1)
    }

    /// The writing direction of a language: right to left for Arabic, Hebrew, Persian, Urdu and a few more.
    public static func direction(of tag: String) -> String {
        // The primary subtag compared on its bytes when the tag is ASCII (a well-formed one is):
        // splitting and lower-casing it cost 2,600 instructions, and every page asks for every locale.
        let byBytes: Bool? = tag.withBytes { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: "-") { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "-") { end += 1 }
            return rightToLeftBytes.contains { language in
                language.count == end - start && language.indices.allSatisfy { bytes[start + $0].lowercasedASCII == language[$0] }
            }
        }
        if let byBytes { return byBytes ? "rtl" : "ltr" }
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(language) ? "rtl" : "ltr"
    }

    /// The languages written right to left.
    static let rightToLeft = ["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug"]
    /// Their UTF-8 bytes, compared without going through a string's `utf8` view each time.
    private static let rightToLeftBytes = rightToLeft.map { Array($0.utf8) }
}
