import Foundation

/// The targets a `#fragment` can reach in an HTML page: every `id` and `name` attribute value.
///
/// A small scanner rather than a parser: it reads attributes inside tags (skipping comments,
/// scripts and styles), which is all a fragment check needs.
struct HTMLAnchors: Sendable {
    let names: Set<String>

    init(html: String) {
        var names: Set<String> = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        func starts(with prefix: String, at position: Int) -> Bool {
            var i = position
            for p in prefix.unicodeScalars {
                guard i < scalars.count, Self.lower(scalars[i]) == p else { return false }
                i += 1
            }
            return true
        }
        func skip(past terminator: String) {
            while index < scalars.count, !starts(with: terminator, at: index) { index += 1 }
            index = min(scalars.count, index + terminator.unicodeScalars.count)
        }
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            if starts(with: "<!--", at: index) { skip(past: "-->"); continue }
            index += 1
            // The tag name.
            let nameStart = index
            while index < scalars.count, Self.isNameScalar(scalars[index]) { index += 1 }
            let tag = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
            guard !tag.isEmpty else { continue }
            // Attributes up to `>`.
            while index < scalars.count, scalars[index] != ">" {
                if Self.isSpace(scalars[index]) || scalars[index] == "/" { index += 1; continue }
                let attributeStart = index
                while index < scalars.count, !Self.isSpace(scalars[index]), !["=", ">", "/"].contains(scalars[index]) { index += 1 }
                let attribute = String(String.UnicodeScalarView(scalars[attributeStart..<index])).lowercased()
                while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                guard index < scalars.count, scalars[index] == "=" else {
                    if index == attributeStart { index += 1 }
                    continue
                }
                index += 1
                while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
                var value = String.UnicodeScalarView()
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote { value.append(scalars[index]); index += 1 }
                    index += 1
                } else {
                    while index < scalars.count, !Self.isSpace(scalars[index]), scalars[index] != ">" { value.append(scalars[index]); index += 1 }
                }
                if attribute == "id" || attribute == "name" { names.insert(Self.decodeEntities(String(value))) }
            }
            index += 1
            if tag == "script" || tag == "style" { skip(past: "</\(tag)") }
        }
        self.names = names
    }

    /// Whether `fragment` (as written after `#`, possibly percent-encoded) names an element.
    /// `#top` and the empty fragment always work in browsers.
    func contains(fragment: String) -> Bool {
        if fragment.isEmpty || fragment.lowercased() == "top" { return true }
        if names.contains(fragment) { return true }
        if let decoded = fragment.removingPercentEncoding, names.contains(decoded) { return true }
        return false
    }

    /// A fragment that a single-page application routes (`#/home`, `#!/home`) is not an anchor in the HTML.
    static func isClientRoute(_ fragment: String) -> Bool { fragment.hasPrefix("/") || fragment.hasPrefix("!") }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalar) }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
    }

    /// The few entities that appear in ids in practice.
    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
