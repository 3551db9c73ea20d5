import Foundation

/// Characters that look like Latin letters in a host name, reduced to a "skeleton" so
/// `wоrldfirst.com` (Cyrillic `о`), `w0rldfirst.com` and `worldfirst.com` compare equal.
///
/// A small table after Unicode TR 39's confusables, limited to what can appear in host names:
/// Cyrillic and Greek letters that look Latin, digits that look like letters, `rn` for `m`.
enum Confusables {
    private static let table: [Unicode.Scalar: String] = [
        // Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h", "о": "o", "п": "n",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
        "ӏ": "l", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b", "ɡ": "g",
        "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c", "Т": "t", "Х": "x",
        "Ѕ": "s", "І": "l", "Ј": "j",
        // Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ω": "w", "ϲ": "c",
        "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "l", "Κ": "k", "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p",
        "Τ": "t", "Υ": "y", "Χ": "x",
        // Latin and digits
        "0": "o", "1": "l", "I": "l", "|": "l", "ı": "i", "İ": "i",
    ]

    static func skeleton(_ text: String) -> String {
        var result = ""
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if let mapped = table[scalar] { result += mapped } else { result += String(scalar).lowercased() }
        }
        return result.replacingOccurrences(of: "rn", with: "m").replacingOccurrences(of: "vv", with: "w")
    }

    /// "a look-alike character (‘о’ U+043E for ‘o’)" for the first scalar where the two differ.
    static func describeDifference(_ text: String, _ original: String) -> String {
        let a = Array(text.unicodeScalars), b = Array(original.unicodeScalars)
        if a.count == b.count, let index = a.indices.first(where: { String(a[$0]).lowercased() != String(b[$0]) }) {
            return "a look-alike character (‘\(a[index])’ \(a[index].codePoint) for ‘\(b[index])’)"
        }
        return "look-alike characters"
    }
}
