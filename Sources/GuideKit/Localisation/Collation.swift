import Foundation

/// Sorts display text the way a language's readers expect: letters in the language's alphabet
/// order, case and accents only breaking ties.
///
/// Turkish has letters of its own between the Latin ones — `a b c ç d e f g ğ h ı i j k l m n o ö
/// p r s ş t u ü v y z` — so `cep` < `çay` < `dağ` and `gül` < `ğ` < `hava`, and `I` is the
/// capital of `ı`, `İ` of `i`. Foundation's `compare(_:options:range:locale:)` on Linux
/// (swift-corelibs-foundation) does not give a consistent order here (`"ğ"` and `"gül"` each compare
/// as greater than the other), so this is a small collation of its own: the alphabets of the
/// languages that tailor the Latin one, root order (accents ignored at first) for the others,
/// and other scripts after Latin, by code point.
public struct Collation: Sendable {
    public let language: String
    /// Primary weights of the letters that have one, lower case.
    private let alphabet: [Character: Int]

    private static let latin = "abcdefghijklmnopqrstuvwxyz".map { String($0) }
    /// Alphabets that tailor the Latin one (letters that sort as letters of their own).
    private static let tailorings: [String: [String]] = [
        "tr": ["a", "b", "c", "ç", "d", "e", "f", "g", "ğ", "h", "ı", "i", "j", "k", "l", "m", "n", "o", "ö", "p", "q", "r", "s", "ş", "t", "u", "ü", "v", "w", "x", "y", "z"],
        "az": ["a", "b", "c", "ç", "d", "e", "ə", "f", "g", "ğ", "h", "x", "ı", "i", "j", "k", "q", "l", "m", "n", "o", "ö", "p", "r", "s", "ş", "t", "u", "ü", "v", "y", "z", "w"],
    ]

    public init(language tag: String) {
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self.language = language
        let letters = Self.tailorings[language] ?? Self.latin
        var alphabet: [Character: Int] = [:]
        for (index, letter) in letters.enumerated() { alphabet[Character(letter)] = index }
        self.alphabet = alphabet
    }

    /// Whether `a` sorts before `b`.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let (ka, kb) = (key(a), key(b))
        if ka.primary != kb.primary { return ka.primary.lexicographicallyPrecedes(kb.primary) }
        if ka.secondary != kb.secondary { return ka.secondary.lexicographicallyPrecedes(kb.secondary) }
        return ka.tertiary.lexicographicallyPrecedes(kb.tertiary)
    }

    /// `values` sorted by the text `by` gives for each.
    public func sorted<Value>(_ values: [Value], by text: (Value) -> String) -> [Value] {
        values.sorted { areInIncreasingOrder(text($0), text($1)) }
    }

    /// Primary: letters (alphabet order), digits, spaces and punctuation; secondary: accents;
    /// tertiary: case (lower first), then the text itself, so distinct texts never tie.
    func key(_ text: String) -> (primary: [UInt32], secondary: [UInt32], tertiary: [UInt32]) {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        let lowered = CaseMapping.lowercased(text, language: language)
        for character in lowered {
            if let index = alphabet[character] {
                primary.append(1_000 + UInt32(index))
                secondary.append(0)
                continue
            }
            // An ASCII character (space, digit, punctuation) is its own decomposition.
            let decomposed = character.isASCII ? character.unicodeScalars : String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let base = decomposed.first else { continue }
            let marks = decomposed.dropFirst().reduce(UInt32(0)) { $0 &* 31 &+ $1.value }
            if let index = alphabet[Character(base)] {
                primary.append(1_000 + UInt32(index))
            } else if ("0"..."9").contains(base) {
                primary.append(100 + base.value - 0x30)
            } else if base.properties.isWhitespace {
                primary.append(1)
            } else if base.properties.isAlphabetic {
                primary.append(10_000 + base.value)
            } else {
                primary.append(2)
            }
            secondary.append(marks)
        }
        let tertiary = text.unicodeScalars.map { scalar -> UInt32 in
            scalar.properties.isUppercase ? scalar.value &* 2 &+ 1 : scalar.value &* 2
        }
        return (primary, secondary, tertiary)
    }
}
