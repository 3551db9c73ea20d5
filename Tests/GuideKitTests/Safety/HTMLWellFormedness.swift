/// A strict check of the HTML guidegen writes, close to what an HTML5 parser reports as parse
/// errors: tags and attributes well-formed and quoted, no duplicate attribute, every element
/// closed in order (void elements never), no block element in a `<p>` and no link in a link,
/// character references that exist, no `<` in text, no control characters or noncharacters,
/// script text that cannot end early, unique ids. Returns the problems found.
enum HTMLWellFormedness {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    /// Elements whose start tag closes an open `<p>` (so a `</p>` later would be an error).
    static let closesParagraph: Set<String> = ["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
                                               "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
                                               "pre", "section", "table", "ul"]
    static let namedReferences: Set<String> = ["amp", "lt", "gt", "quot", "apos", "nbsp"]

    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        var open: [String] = []
        var ids: Set<String> = []
        func line(_ index: Int) -> Int { s[..<min(index, s.count)].filter { $0 == "\n" }.count + 1 }
        func fail(_ message: String, _ at: Int) { problems.append("line \(line(at)): \(message)") }
        func checkCharacter(_ c: Unicode.Scalar, _ at: Int) {
            let v = c.value
            if (v < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(v)) || (0x7F...0x9F).contains(v) || c.properties.isNoncharacterCodePoint {
                fail("control character or noncharacter U+\(String(v, radix: 16))", at)
            }
        }
        /// A character reference at `at` (which is `&`); returns its length, or reports it.
        func reference(_ at: Int) -> Int {
            var j = at + 1
            if j < s.count, s[j] == "#" {
                j += 1
                let hex = j < s.count && (s[j] == "x" || s[j] == "X")
                if hex { j += 1 }
                let start = j
                while j < s.count, hex ? s[j].properties.isASCIIHexDigit : ("0"..."9").contains(s[j]) { j += 1 }
                if j == start || j >= s.count || s[j] != ";" { fail("malformed numeric character reference", at); return 1 }
                return j - at + 1
            }
            let start = j
            while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
            let name = String(String.UnicodeScalarView(s[start..<j]))
            if j >= s.count || s[j] != ";" || !namedReferences.contains(name) { fail("a bare ‘&’ or unknown reference &\(name)", at); return 1 }
            return j - at + 1
        }
        while i < s.count {
            let c = s[i]
            if c == "&" { i += reference(i); continue }
            guard c == "<" else { checkCharacter(c, i); i += 1; continue }
            let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 16)])).lowercased()
            if rest.hasPrefix("<!--") {
                guard let end = find("-->", in: s, from: i + 4) else { fail("unclosed comment", i); break }
                i = end + 3
                continue
            }
            if rest.hasPrefix("<!doctype html>") { i += 15; continue }
            let closing = i + 1 < s.count && s[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < s.count, s[j].isASCII, ("a"..."z").contains(s[j]) || ("0"..."9").contains(s[j]) { j += 1 }
            let name = String(String.UnicodeScalarView(s[nameStart..<j]))
            if name.isEmpty { fail("a ‘<’ that starts no tag", i); i += 1; continue }
            var attributes: Set<String> = []
            var selfClosing = false
            // Attributes.
            while j < s.count, s[j] != ">" {
                if s[j] == " " || s[j] == "\n" || s[j] == "\t" { j += 1; continue }
                if s[j] == "/", j + 1 < s.count, s[j + 1] == ">" { selfClosing = true; j += 1; continue }
                let attributeStart = j
                while j < s.count, s[j].isASCII, ("a"..."z").contains(s[j]) || ("0"..."9").contains(s[j]) || s[j] == "-" || s[j] == ":" { j += 1 }
                let attribute = String(String.UnicodeScalarView(s[attributeStart..<j]))
                if attribute.isEmpty { fail("malformed attribute in <\(name)>", j); j += 1; continue }
                if closing { fail("attributes on an end tag", j) }
                if !attributes.insert(attribute).inserted { fail("duplicate attribute \(attribute) on <\(name)>", j) }
                guard j < s.count, s[j] == "=" else { continue }
                j += 1
                guard j < s.count, s[j] == "\"" || s[j] == "'" else { fail("unquoted value of \(attribute)", j); continue }
                let quote = s[j]
                j += 1
                let valueStart = j
                while j < s.count, s[j] != quote {
                    if s[j] == "<" { fail("‘<’ in the value of \(attribute)", j) }
                    if s[j] == "&" { j += reference(j); continue }
                    checkCharacter(s[j], j)
                    j += 1
                }
                if attribute == "id", !closing {
                    let id = String(String.UnicodeScalarView(s[valueStart..<min(j, s.count)]))
                    if !ids.insert(id).inserted { fail("duplicate id \(id)", j) }
                }
                j += 1
            }
            guard j < s.count else { fail("unclosed tag <\(name)", i); break }
            i = j + 1
            if closing {
                guard let last = open.last else { fail("</\(name)> closes nothing", i); continue }
                if last != name { fail("</\(name)> closes <\(last)>", i) }
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
            } else if voidElements.contains(name) || selfClosing {
                if selfClosing && !voidElements.contains(name) { fail("<\(name)/> is not a void element", i) }
            } else {
                if closesParagraph.contains(name), open.contains("p") { fail("<\(name)> inside <p>", i) }
                if name == "a", open.contains("a") { fail("a link inside a link", i) }
                if name == "script" || name == "style" {
                    guard let end = find("</\(name)", in: s, from: i) else { fail("unclosed <\(name)>", i); break }
                    let text = String(String.UnicodeScalarView(s[i..<end]))
                    if text.contains("<!--") { fail("‘<!--’ in <\(name)>", i) }
                    i = end
                }
                open.append(name)
            }
        }
        if !open.isEmpty { problems.append("unclosed elements at the end: \(open)") }
        return problems
    }

    private static func find(_ needle: String, in s: [Unicode.Scalar], from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        var i = start
        while i + n.count <= s.count {
            if s[i..<(i + n.count)].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }
}
