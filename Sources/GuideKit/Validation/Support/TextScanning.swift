/// Finds URLs, domain names and words in visible text (a scalar array from
/// `VisibleText.scalars(including:)`); every result carries scalar indices into that array.
enum TextScanning {
    /// A domain-like token: labels joined by dots, the last one letters only (`global1688.com`),
    /// with the path that follows it, if any (`portal.worldfirst.com/register`).
    struct Domain: Sendable, Hashable {
        var host: String
        var path: String
        /// Index of the first scalar of the host.
        var start: Int
        var text: String { host + path }
    }

    /// A URL with a scheme (`https://…`, `http://…`).
    struct SchemeURL: Sendable, Hashable {
        var url: String
        var start: Int
    }

    struct Word: Sendable, Hashable {
        /// The word without surrounding punctuation.
        var text: String
        var start: Int
        /// Whether a sentence ends after it (`.`, `!`, `?`, `;`, `:`).
        var endsSentence: Bool
    }

    static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
        isAlphabetic(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }

    /// `properties.isAlphabetic`, answered without a Unicode property lookup for ASCII, which
    /// most text is (the lookups were a tenth of `validate`), nor for the rest of the Latin blocks
    /// up to U+024F, where Turkish letters are: letters all, but `×` and `÷`, and `ª`, `µ`, `º` the
    /// only ones before U+00C0. (A test compares both answers for every scalar.)
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        if value < 0x250 { return value >= 0xC0 ? value != 0xD7 && value != 0xF7 : value == 0xAA || value == 0xB5 || value == 0xBA }
        return scalar.properties.isAlphabetic
    }

    /// `properties.isWhitespace`, without the lookup: Unicode's White_Space is these 25 scalars,
    /// a set its stability policy keeps small (a test compares both answers for every scalar).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Where a URL in running text ends: at white space, quotes, angle brackets or a left-out run.
    static func isURLStop(_ scalar: Unicode.Scalar) -> Bool {
        // A switch, not a string's scalars searched for every scalar of the URL.
        switch scalar {
        case "<", ">", "\"", "‘", "’", "“", "”", "«", "»", VisibleText.placeholder: true
        default: isWhitespace(scalar)
        }
    }

    /// The end of a URL that starts at `start`, without trailing punctuation.
    static func urlEnd(in s: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < s.count, !isURLStop(s[end]) { end += 1 }
        while end > start, ".,;:!?)]}'".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        return end
    }

    static func domains(in s: [Unicode.Scalar]) -> [Domain] {
        var result: [Domain] = []
        var i = 0
        while i < s.count {
            // Compared one by one: asking a string's scalars if they hold the one before was a
            // third of the search (every word start asked).
            guard isLabelScalar(s[i]), i == 0 || !(isLabelScalar(s[i - 1]) || s[i - 1] == "." || s[i - 1] == "/" || s[i - 1] == "@" || s[i - 1] == ":") else { i += 1; continue }
            var j = i
            while j < s.count, isLabelScalar(s[j]) || (s[j] == "." && j + 1 < s.count && isLabelScalar(s[j + 1])) { j += 1 }
            // A domain has two labels at least: most words have no dot, and need no string.
            guard s[i..<j].contains(".") else {
                i = max(j, i + 1)
                continue
            }
            let token = string(s[i..<j])
            let labels = token.split(separator: ".", omittingEmptySubsequences: false)
            if labels.count >= 2, let last = labels.last, last.unicodeScalars.count >= 2, last.unicodeScalars.allSatisfy(isAlphabetic),
                labels.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }) {
                var path = ""
                if j < s.count, s[j] == "/" {
                    let end = urlEnd(in: s, from: j)
                    path = string(s[j..<end])
                    j = end
                }
                result.append(Domain(host: token, path: path, start: i))
            }
            i = max(j, i + 1)
        }
        return result
    }

    static func schemeURLs(in s: [Unicode.Scalar]) -> [SchemeURL] {
        var result: [SchemeURL] = []
        var i = 0
        while i + 2 < s.count {
            guard s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" else { i += 1; continue }
            var start = i
            while start > 0, URIReference.isAlpha(s[start - 1]) { start -= 1 }
            guard i - start >= 2, start == 0 || !isLabelScalar(s[start - 1]) else { i += 3; continue }
            let end = urlEnd(in: s, from: i + 3)
            result.append(SchemeURL(url: string(s[start..<end]), start: start))
            i = max(end, i + 3)
        }
        return result
    }

    /// A word's place in the scalars, without its text: most sentences are ruled out by their
    /// scalars alone, and a string per word was half of what `english-text` cost.
    struct WordSpan: Sendable, Hashable {
        /// The word without surrounding punctuation.
        var range: Range<Int>
        /// Whether a sentence ends after it (`.`, `!`, `?`, `;`, `:`).
        var endsSentence: Bool
    }

    static func words(in s: [Unicode.Scalar]) -> [Word] {
        wordSpans(in: s).map { Word(text: string(s[$0.range]), start: $0.range.lowerBound, endsSentence: $0.endsSentence) }
    }

    static func wordSpans(in s: [Unicode.Scalar]) -> [WordSpan] {
        var result: [WordSpan] = []
        wordSpans(in: s, into: &result)
        return result
    }

    /// The same into `result`, emptied first: a rule that splits every text keeps one array's
    /// storage from text to text instead of growing a new one for each.
    static func wordSpans(in s: [Unicode.Scalar], into result: inout [WordSpan]) {
        result.removeAll(keepingCapacity: true)
        var i = 0
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool { isWhitespace(scalar) || scalar == VisibleText.placeholder }
        while i < s.count {
            if isSeparator(s[i]) { i += 1; continue }
            var j = i
            while j < s.count, !isSeparator(s[j]) { j += 1 }
            var start = i, end = j
            while start < end, !isWordScalar(s[start]) { start += 1 }
            while end > start, !isWordScalar(s[end - 1]) { end -= 1 }
            let trailing = s[end..<j]
            let endsSentence = trailing.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == ";" || $0 == ":" }
            if start < end {
                result.append(WordSpan(range: start..<end, endsSentence: endsSentence))
            } else if endsSentence, !result.isEmpty {
                result[result.count - 1].endsSentence = true
            }
            i = j
        }
    }

    /// The scalars as a string. `String(String.UnicodeScalarView(slice))` appends them through
    /// an unspecialised generic call per scalar (most of the time `words(in:)` took); writing their
    /// UTF-8 straight into the new string's storage makes the same string without it.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let length = scalars.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                for byte in scalar.utf8 {
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { isAlphabetic(scalar) || ("0"..."9").contains(scalar) }

    /// Scalars Turkish has and English does not.
    static let turkishLetters = Set("çğıöşüÇĞİÖŞÜ".unicodeScalars)

    /// Whether `scalar` is one of `turkishLetters`; ASCII, most of any text, is not looked up.
    @inline(__always)
    static func isTurkishLetter(_ scalar: Unicode.Scalar) -> Bool { !scalar.isASCII && turkishLetters.contains(scalar) }

    /// What two texts are compared by where a rule looks for one written twice (two steps, two
    /// items of one list): runs of white space made one space, the ends trimmed, lower-cased. It
    /// is `text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()`,
    /// worked out on Unicode scalars rather than characters (grapheme clusters), with ASCII
    /// lower-cased in place: the characters cost a tenth of a large validate's rules. The two
    /// split alike unless white space shares a character with its neighbour: a mark after it
    /// (` \u{301}`) or a prepended sign before it (`\u{600} `). Whether it does depends on the two
    /// scalars alone, so each neighbour that may (`mayShareCharacter`) is asked, and when one does
    /// the key is made from the characters. Letters that are lower case already, as most are, are
    /// written as they are.
    static func comparisonKey(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var spacePending = false
        var previous: Unicode.Scalar?
        var previousIsWhitespace = false
        for scalar in text.unicodeScalars {
            let isWhitespace = Self.isWhitespace(scalar)
            if let previous, isWhitespace != previousIsWhitespace, Self.mayShareCharacter(previous) || Self.mayShareCharacter(scalar),
                String(String.UnicodeScalarView([previous, scalar])).count == 1 {
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            }
            previous = scalar
            previousIsWhitespace = isWhitespace
            if isWhitespace {
                spacePending = !key.isEmpty
                continue
            }
            if spacePending {
                key.append(0x20)
                spacePending = false
            }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            } else if !scalar.properties.changesWhenLowercased {
                // Most letters beyond ASCII in a text are lower case already (ş, ı, ğ): asking
                // for their mapping made a string for each.
                UTF8.encode(scalar) { key.append($0) }
            } else {
                key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether `scalar` may make one character with white space beside it, which
    /// `comparisonKey` then asks of the two. None below U+0300 can (ASCII, Latin-1 and the other
    /// letters of Turkish; the combining marks start there), nor the dashes and quotes of
    /// U+2010–U+2027: a test asks the standard library about each of them.
    static func mayShareCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && !(0x2010...0x2027).contains(scalar.value)
    }
}
