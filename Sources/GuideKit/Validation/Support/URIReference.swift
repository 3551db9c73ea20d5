/// An RFC 3986 URI reference split into its components, each checked character by character.
///
/// Only ASCII is allowed, as the RFC says: an IRI with non-ASCII characters (a Cyrillic letter in
/// a host, an unencoded space in a path) is not a well-formed URI.
struct URIReference: Sendable, Hashable {
    var scheme: String?
    /// `userinfo@host:port`, when the reference has `//`.
    var authority: String?
    var host: String?
    var port: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Where a reference breaks the grammar: a scalar offset into the text and what is wrong.
    struct Problem: Error, Sendable, Hashable {
        var offset: Int
        var message: String
    }

    /// Parses without judging: nil only when the text is not a reference at all.
    init?(_ text: String) {
        guard case .success(let reference) = Self.parse(text) else { return nil }
        self = reference
    }

    private init(scheme: String?, authority: String?, host: String?, port: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Parses `text` as a URI reference (RFC 3986 §4.1), reporting the first character that breaks the grammar.
    static func parse(_ text: String) -> Result<URIReference, Problem> {
        let scalars = Array(text.unicodeScalars)
        var index = 0

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        var scheme: String?
        if let colon = scalars.firstIndex(of: ":"), colon > 0, isAlpha(scalars[0]),
            !scalars[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            let candidate = scalars[..<colon]
            if let bad = candidate.firstIndex(where: { !(isAlpha($0) || isDigit($0) || $0 == "+" || $0 == "-" || $0 == ".") }) {
                return .failure(Problem(offset: bad, message: "the scheme has the character \(describe(scalars[bad])), which a scheme may not contain"))
            }
            scheme = TextScanning.string(candidate)
            index = colon + 1
        }

        func take(until stops: ASCIISet) -> (String, Int) {
            let start = index
            while index < scalars.count, !stops.contains(scalars[index]) { index += 1 }
            return (TextScanning.string(scalars[start..<index]), start)
        }

        var authority: String?, host: String?, port: String?
        if index + 1 < scalars.count, scalars[index] == "/", scalars[index + 1] == "/" {
            index += 2
            let (value, start) = take(until: Self.authorityEnds)
            authority = value
            if let problem = check(value, start: start, as: .authority) { return .failure(problem) }
            let authorityScalars = Array(value.unicodeScalars)
            var hostStart = 0
            if let at = authorityScalars.lastIndex(of: "@") { hostStart = at + 1 }
            var hostEnd = authorityScalars.count
            if authorityScalars[hostStart...].first == "[" {
                guard let close = authorityScalars[hostStart...].firstIndex(of: "]") else {
                    return .failure(Problem(offset: start + hostStart, message: "the IP literal has no closing ‘]’"))
                }
                hostEnd = close + 1
            } else if let colon = authorityScalars[hostStart...].firstIndex(of: ":") {
                hostEnd = colon
            }
            host = TextScanning.string(authorityScalars[hostStart..<hostEnd])
            if hostEnd < authorityScalars.count {
                guard authorityScalars[hostEnd] == ":" else {
                    return .failure(Problem(offset: start + hostEnd, message: "unexpected \(describe(authorityScalars[hostEnd])) after the host"))
                }
                let portScalars = authorityScalars[(hostEnd + 1)...]
                if let bad = portScalars.firstIndex(where: { !isDigit($0) }) {
                    return .failure(Problem(offset: start + bad, message: "the port has \(describe(authorityScalars[bad])): a port is digits only"))
                }
                port = TextScanning.string(portScalars)
            }
            if let host, let bad = host.unicodeScalars.firstIndex(where: { $0 == "@" || (!host.hasPrefix("[") && $0 == ":") }) {
                let offset = start + hostStart + host.unicodeScalars.distance(from: host.unicodeScalars.startIndex, to: bad)
                return .failure(Problem(offset: offset, message: "the host has \(describe(host.unicodeScalars[bad]))"))
            }
        }
        let (path, pathStart) = take(until: Self.pathEnds)
        if let problem = check(path, start: pathStart, as: .path) { return .failure(problem) }
        var query: String?, fragment: String?
        if index < scalars.count, scalars[index] == "?" {
            index += 1
            let (value, start) = take(until: Self.queryEnds)
            query = value
            if let problem = check(value, start: start, as: .query) { return .failure(problem) }
        }
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            let start = index
            let value = TextScanning.string(scalars[index...])
            index = scalars.count
            fragment = value
            if let problem = check(value, start: start, as: .query) { return .failure(problem) }
        }
        return .success(URIReference(scheme: scheme, authority: authority, host: host, port: port, path: path, query: query, fragment: fragment))
    }

    private enum Component { case authority, path, query }

    /// What ends the authority, the path and the query.
    private static let authorityEnds = ASCIISet("/?#".utf8), pathEnds = ASCIISet("?#".utf8), queryEnds = ASCIISet("#".utf8)
    /// RFC 3986's unreserved characters besides letters and digits, and its sub-delimiters.
    private static let unreservedMarks = ASCIISet("-._~".utf8), subDelimiters = ASCIISet("!$&'()*+,;=".utf8)

    private static func check(_ value: String, start: Int, as component: Component) -> Problem? {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, isHex(scalars[index + 1]), isHex(scalars[index + 2]) else {
                    return Problem(offset: start + index, message: "‘%’ must start a percent-encoding such as %20: write %25 for a literal ‘%’")
                }
                index += 3
                continue
            }
            if !isAllowed(scalar, in: component) {
                let encoding = String(scalar).utf8.map { "%" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
                return Problem(offset: start + index, message: "the character \(describe(scalar)) may not appear in a URL: percent-encode it (\(encoding))")
            }
            index += 1
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar, in component: Component) -> Bool {
        if isAlpha(scalar) || isDigit(scalar) || unreservedMarks.contains(scalar) { return true }  // unreserved
        if subDelimiters.contains(scalar) { return true }  // sub-delims
        switch component {
        case .authority: return scalar == ":" || scalar == "@" || scalar == "[" || scalar == "]"
        case .path: return scalar == ":" || scalar == "@" || scalar == "/"
        case .query: return scalar == ":" || scalar == "@" || scalar == "/" || scalar == "?"
        }
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isHex(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar) }

    /// `‘x’ (U+0078)`, so invisible and look-alike characters can be told apart in messages.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.isWhitespace || scalar.value < 0x20 ? scalar.codePoint : "‘\(scalar)’ (\(scalar.codePoint))"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
