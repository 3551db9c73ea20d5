/// Section labels and step numbers written in text: `2`, `4A`, `4A.3`, and the Turkish phrases
/// that refer to them (`2. bölüm`, `bölüm 4A`, `4A.3. adım`).
enum LabelReferences {
    struct Token: Sendable, Hashable {
        /// The section label (`4A`).
        var label: String
        /// The step number after the dot (`3` in `4A.3`).
        var step: Int?
        var start: Int
        var end: Int
        var text: String { step.map { "\(label).\($0)" } ?? label }
    }

    /// A reference in running text: the token and the span a link would cover (`2. bölüm`).
    struct Phrase: Sendable, Hashable {
        var token: Token
        var start: Int
        var end: Int
    }

    /// Label-like tokens that are not part of a longer number (`1688`, `1.500`).
    static func tokens(in s: [Unicode.Scalar]) -> [Token] {
        func isDigit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }
        func isLetter(_ i: Int) -> Bool { i < s.count && s[i].properties.isAlphabetic }
        var result: [Token] = []
        var i = 0
        while i < s.count {
            guard isDigit(i), i == 0 || !(isDigit(i - 1) || isLetter(i - 1) || s[i - 1] == "." || s[i - 1] == ",") else { i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            guard j - i <= 2 else { i = j; continue }
            var label = TextScanning.string(s[i..<j])
            if j < s.count, ("A"..."Z").contains(s[j]), !isLetter(j + 1) {
                label.unicodeScalars.append(s[j])
                j += 1
            } else if isLetter(j) {
                i = j
                continue
            }
            var step: Int?
            if j < s.count, s[j] == ".", isDigit(j + 1) {
                var k = j + 1
                while isDigit(k) { k += 1 }
                if k - (j + 1) <= 2, !isLetter(k), !(k < s.count && s[k] == "." && isDigit(k + 1)) {
                    step = Int(TextScanning.string(s[(j + 1)..<k]))
                    j = k
                } else {
                    i = k
                    continue
                }
            }
            result.append(Token(label: label, step: step, start: i, end: j))
            i = j
        }
        return result
    }

    /// Plain-text references to sections (`2. bölüm`, `Bölüm 4A`) and steps (`4A.3. adım`).
    static func phrases(in s: [Unicode.Scalar]) -> [Phrase] {
        func word(at index: Int) -> (String, Int)? {
            var start = index
            while start < s.count, s[start] == " " { start += 1 }
            guard start > index || index == 0, start < s.count else { return nil }
            var end = start
            while end < s.count, s[end].properties.isAlphabetic { end += 1 }
            return (TextScanning.string(s[start..<end]), start)
        }
        func noun(_ word: String) -> String? {
            let lowered = word.lowercased()
            if lowered.hasPrefix("bölüm") { return "bölüm" }
            if lowered.hasPrefix("adım") { return "adım" }
            return nil
        }
        var result: [Phrase] = []
        for token in tokens(in: s) {
            // "2. bölüm", "4A.3. adım": the noun after the number.
            var after = token.end
            if after < s.count, s[after] == "." { after += 1 }
            if let (next, start) = word(at: after), let kind = noun(next), (kind == "adım") == (token.step != nil) {
                result.append(Phrase(token: token, start: token.start, end: start + kind.unicodeScalars.count))
                continue
            }
            // "Bölüm 2": the noun before the number.
            var before = token.start
            while before > 0, s[before - 1] == " " { before -= 1 }
            guard before < token.start else { continue }
            var wordStart = before
            while wordStart > 0, s[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
            let previous = TextScanning.string(s[wordStart..<before])
            if let kind = noun(previous), previous.lowercased() == kind, (kind == "adım") == (token.step != nil) {
                result.append(Phrase(token: token, start: wordStart, end: token.end))
            }
        }
        return result
    }

    /// The section a label names, and the step number's step when given.
    static func resolve(_ token: Token, in guide: Guide) -> (section: Section, stepIndex: Int?)? {
        guard let section = guide.sections.first(where: { $0.label.value == token.label }) else { return nil }
        return (section, token.step.map { $0 - 1 })
    }
}
