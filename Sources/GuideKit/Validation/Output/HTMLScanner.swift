/// A small, forgiving scanner of HTML start tags and their attributes, enough to collect the
/// links (`href`, `src`, `srcset`) and anchors (`id`, `name`) of a rendered page with their
/// positions. Comments, doctype and the contents of `script` and `style` are skipped.
enum HTMLScanner {
    struct Attribute: Sendable, Hashable {
        var tag: String
        var name: String
        /// The value with character references decoded.
        var value: String
        /// 1-based line and column (Unicode scalars) of the value's first character.
        var line: Int
        var column: Int
    }

    static func attributes(in text: String, firstLine: Int = 1) -> [Attribute] {
        let s = Array(text.unicodeScalars)
        var lineOf: [Int] = [], columnOf: [Int] = []
        lineOf.reserveCapacity(s.count + 1)
        var line = firstLine, column = 1
        for scalar in s {
            lineOf.append(line)
            columnOf.append(column)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        lineOf.append(line)
        columnOf.append(column)

        func starts(_ prefix: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard index + p.count <= s.count else { return false }
            for (offset, scalar) in p.enumerated() {
                let other = s[index + offset]
                if caseInsensitive ? String(other).lowercased() != String(scalar) : other != scalar { return false }
            }
            return true
        }
        func skip(past terminator: String, from index: Int, caseInsensitive: Bool = false) -> Int {
            var i = index
            while i < s.count, !starts(terminator, at: i, caseInsensitive: caseInsensitive) { i += 1 }
            return min(s.count, i + terminator.unicodeScalars.count)
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" }
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }

        var result: [Attribute] = []
        var i = 0
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) { i = skip(past: "-->", from: i + 4); continue }
            if starts("<!", at: i) || starts("<?", at: i) || starts("</", at: i) { i = skip(past: ">", from: i + 1); continue }
            guard i + 1 < s.count, isNameStart(s[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { j += 1 }
            let tag = String(String.UnicodeScalarView(s[(i + 1)..<j])).lowercased()
            // Attributes until the end of the tag.
            while j < s.count {
                while j < s.count, isSpace(s[j]) || s[j] == "/" { j += 1 }
                if j >= s.count || s[j] == ">" { break }
                let nameStart = j
                while j < s.count, !isSpace(s[j]), s[j] != "=", s[j] != ">", !(s[j] == "/" && j + 1 < s.count && s[j + 1] == ">") { j += 1 }
                let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
                while j < s.count, isSpace(s[j]) { j += 1 }
                guard j < s.count, s[j] == "=" else { continue }
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                var valueStart = j, valueEnd = j
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    valueStart = j + 1
                    valueEnd = valueStart
                    while valueEnd < s.count, s[valueEnd] != quote { valueEnd += 1 }
                    j = min(s.count, valueEnd + 1)
                } else {
                    while valueEnd < s.count, !isSpace(s[valueEnd]), s[valueEnd] != ">" { valueEnd += 1 }
                    j = valueEnd
                }
                let raw = String(String.UnicodeScalarView(s[valueStart..<valueEnd]))
                result.append(Attribute(tag: tag, name: name, value: decodeCharacterReferences(raw), line: lineOf[valueStart], column: columnOf[valueStart]))
            }
            i = j + 1
            if ["script", "style", "textarea", "title"].contains(tag) { i = skip(past: "</\(tag)", from: i, caseInsensitive: true) }
        }
        return result
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references; others stay as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
