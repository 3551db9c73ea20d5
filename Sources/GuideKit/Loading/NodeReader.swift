/// Turns the `YAMLNode`s of one file into typed, located values, collecting a diagnostic for every
/// problem instead of stopping at the first.
struct NodeReader {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    init(file: SourceFile) { self.file = file }

    func location(of node: YAMLNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file.path, line: mark.line, column: mark.column)
    }

    mutating func report(_ id: String, _ message: String, at node: YAMLNode, fix: FixIt? = nil) {
        diagnostics.append(Diagnostic(id: id, message: message, at: location(of: node), fix: fix))
    }

    // MARK: Mappings

    /// A mapping's fields by name, after reporting unknown fields (with a suggestion), duplicate
    /// keys and missing required fields. `what` names the mapping in messages ("step", "section").
    mutating func fields(of node: YAMLNode, what: String, known: [String], required: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report("wrong-type", "expected a mapping (\(what)) but found \(describe(node)): write it as `key: value` lines", at: node)
            return nil
        }
        // Only known fields are kept, so the list is never longer than `known`: searching it is
        // cheaper than a dictionary for every mapping (a catalog has one per entry).
        var values: [(name: String, value: YAMLNode)] = []
        values.reserveCapacity(min(mapping.count, known.count))
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode, keyScalar.isString else {
                report("wrong-type", "expected a field name but found \(describe(keyNode)): use one of \(list(known))", at: keyNode)
                continue
            }
            let name = keyScalar.string
            if values.contains(where: { $0.name == name }) {
                report("duplicate-key", "the field ‘\(name)’ appears twice in this \(what): keep one", at: keyNode)
                continue
            }
            guard known.contains(name) else {
                if let suggestion = closestMatch(to: name, in: known) {
                    report("unknown-field", "unknown field ‘\(name)’ in \(what): did you mean ‘\(suggestion)’?", at: keyNode,
                           fix: FixIt(length: name.unicodeScalars.count, replacement: suggestion))
                } else {
                    report("unknown-field", "unknown field ‘\(name)’ in \(what): the fields are \(list(known))", at: keyNode)
                }
                continue
            }
            values.append((name, valueNode))
        }
        for name in required where !values.contains(where: { $0.name == name }) {
            report("missing-field", "\(what) has no ‘\(name)’: add it", at: node)
        }
        return Fields(node: node, values: values)
    }

    // MARK: Scalars

    /// A string scalar; numbers, booleans and nulls written without quotes are wrong types.
    mutating func string(_ node: YAMLNode, what: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            report("wrong-type", "expected text for ‘\(what)’ but found \(describe(node))", at: node)
            return nil
        }
        guard scalar.isString else {
            report("wrong-type", "expected text for ‘\(what)’ but found \(describe(node)): put it in quotes", at: node,
                   fix: FixIt(length: scalar.string.unicodeScalars.count, replacement: "\"\(scalar.string)\""))
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    /// A non-empty translatable text with its key (empty allowed with `allowEmpty`).
    mutating func text(_ node: YAMLNode, what: String, key: String, allowEmpty: Bool = false) -> SourceText? {
        guard let value = string(node, what: what) else { return nil }
        // Only white space (what `trimmingCharacters(in: .whitespacesAndNewlines)` would remove
        // entirely), found without Foundation: most texts stop at their first scalar.
        if !allowEmpty, value.value.unicodeScalars.allSatisfy(TextScanning.isWhitespace) {
            report("empty-text", "‘\(what)’ is empty: write the text or remove the field", at: node)
            return nil
        }
        let style = node.scalar?.style ?? .plain
        return SourceText(value.value, key: key, origin: TextOrigin(start: value.location, style: style, file: file))
    }

    /// A number in `range` (a whole one when `whole`).
    mutating func number(_ node: YAMLNode, what: String, range: ClosedRange<Double>, whole: Bool = false) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), !whole || value == value.rounded() else {
            report("wrong-type", "expected \(whole ? "a whole number" : "a number") for ‘\(what)’", at: node)
            return nil
        }
        guard range.contains(value) else {
            // Not `formatted()`: messages must not depend on the machine's locale.
            func plain(_ number: Double) -> String { number == number.rounded() ? String(Int(number)) : String(number) }
            report("invalid-value", "‘\(what)’ must be between \(plain(range.lowerBound)) and \(plain(range.upperBound))", at: node)
            return nil
        }
        return value
    }

    /// A kebab-case id.
    mutating func id(_ node: YAMLNode, what: String) -> Located<String>? {
        guard let value = string(node, what: what) else { return nil }
        guard Self.isKebabCase(value.value) else {
            report("invalid-id", "‘\(value.value)’ is not a valid \(what): use lower-case letters, digits and single hyphens (e.g. ‘verify-identity’)", at: node)
            return nil
        }
        return value
    }

    /// One of a closed set of values.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, what: String, as type: E.Type) -> Located<E>? where E.RawValue == String {
        guard let value = string(node, what: what) else { return nil }
        guard let parsed = E(rawValue: value.value) else {
            let names = E.allCases.map(\.rawValue)
            let hint = closestMatch(to: value.value, in: names).map { "did you mean ‘\($0)’?" } ?? "use one of \(list(names))"
            report("invalid-value", "‘\(value.value)’ is not a valid \(what): \(hint)", at: node)
            return nil
        }
        return Located(parsed, at: value.location)
    }

    // MARK: Sequences

    /// The items of a sequence; a single scalar where a list belongs is a wrong type.
    mutating func items(_ node: YAMLNode, what: String) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            report("wrong-type", "expected a list for ‘\(what)’ but found \(describe(node)): write each item on a `- ` line", at: node)
            return []
        }
        return sequence.items
    }

    // MARK: Helpers

    static func isKebabCase(_ value: String) -> Bool {
        // On the bytes: Foundation's `contains("--")` alone cost 5,000 instructions an id.
        value.withBytes { bytes in
            let hyphen = UInt8(ascii: "-")
            guard let first = bytes.first, let last = bytes.last, first != hyphen, last != hyphen else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == hyphen,
                      !(byte == hyphen && previous == hyphen) else { return false }
                previous = byte
            }
            return true
        }
    }

    /// Whether Yams' constructors for int, float, bool, null and timestamp all refuse `string`,
    /// told without running them (they bridge to NSString and match an ICU regular expression on
    /// every plain scalar: a fifth of loading). Those constructors accept ASCII only; of strings
    /// that start with a letter they accept only the bool words, the null words and what
    /// `Double(_:)` reads as infinity or NaN (also as the first part of `inf:30`). Anything else
    /// returns false and goes through the constructors.
    static func cannotBeNumberBoolOrNull(_ string: String) -> Bool {
        // On the bytes, lowering the case of the few that matter: a lower-cased copy of every
        // plain text, and the `utf8` view's iterator, were most of what a catalog entry's text cost.
        string.withBytes { bytes in
            guard let first = bytes.first else { return false }
            if bytes.contains(where: { $0 >= 0x80 }) { return true }
            guard (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
            let lower = { (index: Int) in bytes[index] | 0x20 }  // ASCII letters; other bytes never match below
            if bytes.count >= 3 {
                let prefix = (lower(0), lower(1), lower(2))
                if prefix == (UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "f")) || prefix == (UInt8(ascii: "n"), UInt8(ascii: "a"), UInt8(ascii: "n")) {
                    return false
                }
            }
            return !boolAndNullWords.contains { word in word.count == bytes.count && word.indices.allSatisfy { word[$0] == lower($0) } }
        }
    }

    private static let boolAndNullWords = ["true", "yes", "on", "false", "no", "off", "null"].map { Array($0.utf8) }

    private func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if ![.implicit, .str, .nonSpecific, .int, .float, .bool, .null].contains(scalar.tag) {
                return "a value tagged ‘\(scalar.tag.rawValue)’"
            }
            if scalar.style == .plain {
                if scalar.isNull { return scalar.string.isEmpty ? "nothing" : "null" }
                if scalar.bool != nil { return "the boolean \(scalar.string)" }
                if scalar.isNumber { return "the number \(scalar.string)" }
            }
            return "the text ‘\(scalar.string)’"
        }
    }

    private func list(_ names: [String]) -> String { names.map { "‘\($0)’" }.joined(separator: ", ") }
}

/// The known fields of one mapping, in file order, by name.
struct Fields {
    let node: YAMLNode
    let values: [(name: String, value: YAMLNode)]

    subscript(name: String) -> YAMLNode? { values.first { $0.name == name }?.value }
}
