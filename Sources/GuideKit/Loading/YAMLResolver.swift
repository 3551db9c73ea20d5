import Yams

extension Resolver {
    /// Yams' default resolver, with one rule in front that settles most scalars with one regular
    /// expression instead of seven.
    ///
    /// Yams resolves the tag of every mapping key while checking for duplicate keys, trying its
    /// rules (bool, int, float, merge, null, timestamp, value) one ICU regular expression at a
    /// time, and the first match wins; about a tenth of loading went there. Every string those
    /// rules match starts with one of `yYnNtTfFoO0-9+-.~<=`, is empty, or is one of the bool and
    /// null words (`^…$`, where `$` also matches before a final line break). The new rule tags as
    /// `str` exactly the strings that cannot match any of them: those that start with another
    /// character (not a line break), and those that start with a letter and are not one of the
    /// words. Every other string goes on to the default rules, so each tag is the one Yams'
    /// default resolver gives.
    static let guidegen: Resolver = {
        let words = "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL"
        let plainString = try! Resolver.Rule(.str, #"^(?:[^yYnNtTfFoO0-9+\-.~<=\n\r\u0085\u2028\u2029]|(?!(?:"# + words + #")$)[A-Za-z])"#)
        return Resolver.default.rules.reduce(Resolver.basic.appending(plainString)) { $0.appending($1) }
    }()
}

extension YAMLNode.Scalar {
    /// The tag of this scalar as a mapping key: the tag Yams gave every key while it checked for
    /// duplicates (its default resolver's for a plain key, `str` for `!`), which decides whether
    /// `4` and `"4"` are the same key and whether a key is a field name.
    ///
    /// The test of `Resolver.guidegen`'s first rule is made here without a regular expression:
    /// a key that starts with another character than `yYnNtTfFoO0-9+-.~<=`, or with a letter and
    /// is not one of the bool and null words, is `str`. A key with a line break in it, or any
    /// other, goes through the resolver itself.
    var keyTag: YAMLNode.Tag {
        switch tag {
        case .implicit: break
        case .nonSpecific: return .str
        default: return tag
        }
        if let quick = string.utf8.withContiguousStorageIfAvailable(Self.quickKeyTag), let tag = quick { return tag }
        if let first = string.unicodeScalars.first, !string.unicodeScalars.contains(where: Self.isLineBreak) {
            if !Self.resolverStarts.contains(first) { return .str }
            if first.isASCIILetter, !Self.boolAndNullWords.contains(string) { return .str }
            if !first.isASCIILetter, string.unicodeScalars.contains(where: { !Self.numberScalars.contains($0) }) { return .str }
        }
        let name = Resolver.guidegen.resolveTag(of: .scalar(Node.Scalar(string)))
        return YAMLNode.Tag(rawValue: name.rawValue) ?? .str
    }

    /// `str` for what most keys are (`id`, `text`, `tamedu-0001.steps.step-1.text`): a letter
    /// first, no byte a line break could start with, and no bool or null word in any case. Nil
    /// when the rules below decide. On bytes: the walk over scalars and the set of words cost a
    /// thousand instructions a key, 3 % of a large validate.
    private static func quickKeyTag(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode.Tag? {
        guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return nil }
        // LF, VT, FF and CR are 0x0A to 0x0D.
        func mayBreakLine(_ byte: UInt8) -> Bool { byte &- 0x0A < 4 || byte == 0xC2 || byte == 0xE2 }
        // Longer than every word (most keys): only the bytes are checked, without packing them.
        guard bytes.count <= 5 else { return bytes.contains(where: mayBreakLine) ? nil : .str }
        var packed: UInt64 = 0
        for byte in bytes {
            if mayBreakLine(byte) { return nil }
            packed = packed << 8 | UInt64(byte | 0x20)
        }
        // `| 0x20` lowers letters and may make another byte look like one: such a key goes on
        // to the rules below, as a word does.
        return lowercaseWords.contains(packed) ? nil : .str
    }

    /// The bool and null words lowered, a byte each in one number.
    private static let lowercaseWords: [UInt64] = ["yes", "no", "true", "false", "on", "off", "null"].map { word in
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static let resolverStarts = Set("yYnNtTfFoO0123456789+-.~<=".unicodeScalars)
    /// Every character the int, float, timestamp, merge, value and null rules can match (`0x1F`,
    /// `0o17`, `1_000`, `12:30`, `-.inf`, `.NaN`, `2001-12-14t21:59:43.10 -5`, `<<`, `=`, `~`).
    /// A key that starts with a digit or a sign and holds any other character, as
    /// `1688-account.title` does, can match none of them: it is `str` without asking the
    /// resolver, whose first use compiles its ICU regular expressions (about 5 % of a small build).
    private static let numberScalars = Set("0123456789+-_.:=<~ \tbBoxXaAcCdDeEfFiInNtTzZ".unicodeScalars)
    private static let boolAndNullWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    /// What ICU's `$` and `[^…\n\r\u0085\u2028\u2029]` treat as a line break.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
}
