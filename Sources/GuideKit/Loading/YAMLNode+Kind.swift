import Yams

/// What a scalar means beside its text, decided as Yams' constructors decide it (YAML 1.1: `yes`
/// is a boolean, `1:30` a number, `2001-12-14` a date), so content reads as it always has. The
/// cheap cases are told here (a test compares each with the constructors); the rare rest goes
/// through the constructors themselves.
extension YAMLNode.Scalar {
    /// Whether a reader takes this scalar as text: quoted, block and `!!str` scalars always,
    /// plain ones (and `!` ones) unless they read as a number, a boolean, null or a date.
    var isString: Bool {
        switch tag {
        case .str: true
        case .implicit, .nonSpecific: style != .plain || !isNumberBoolNullOrDate
        default: false
        }
    }

    /// Null as Yams' constructor reads it: only written plain, `'null'` is text.
    var isNull: Bool {
        style == .plain && (string.isEmpty || string == "~" || string == "null" || string == "Null" || string == "NULL")
    }

    /// The boolean as Yams' constructor reads it (any case of the YAML 1.1 words), unless tagged `str`.
    var bool: Bool? {
        guard tag != .str else { return nil }
        switch string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// An integer or a float as Yams' constructors read them (plain only: `"4"` is text).
    var isNumber: Bool {
        // No integer or float Yams reads holds a space (`+65 6805 4380`, a phone number, went
        // through its constructors: a million instructions on their first use).
        guard style == .plain, !NodeReader.cannotBeNumberBoolOrNull(string), !startsWithADigitButIsNoNumber,
              !string.containsByte(UInt8(ascii: " ")) else { return false }
        if let number = hexDigitsAreNumber { return number }
        let node = yamsNode
        return node.int != nil || node.float != nil
    }

    /// For a text of digits and the letters a–f that starts with a digit (a fingerprint written
    /// plain, `81093882d3b79306`), whether it is a number, told by the steps Yams' constructors
    /// take for such a text, without the NSString bridging and regular expression they take them
    /// through (70 k instructions a scalar). The int constructor reads `0` as zero, `0b…` in base
    /// 2, `0…` in base 8 and the rest in base 10; the float one reads it as `Double(_:)` does
    /// (`1e5`). Nil for any other text, which goes through the constructors themselves.
    private var hexDigitsAreNumber: Bool? {
        let utf8 = string.utf8
        guard let first = utf8.first, (0x30...0x39).contains(first),
            utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        let integer: Int? = if string == "0" { 0 }
            else if string.hasPrefix("0b") { Int(string.dropFirst(2), radix: 2) }
            else if first == 0x30 { Int(string.dropFirst(), radix: 8) }
            else { Int(string) }
        return integer != nil || Double(string) != nil
    }

    private var isNumberBoolNullOrDate: Bool {
        if NodeReader.cannotBeNumberBoolOrNull(string) { return false }
        return isNull || bool != nil || isNumber || (startsLikeADate && yamsNode.timestamp != nil)
    }

    /// Whether the text starts with a digit and holds a character that no integer or float Yams
    /// reads can hold (`1688-account`): those are told without its constructors, which cost
    /// thousands of instructions per scalar.
    private var startsWithADigitButIsNoNumber: Bool {
        guard let first = string.utf8.first, (0x30...0x39).contains(first) else { return false }
        return string.utf8.contains { !Self.numberBytes.contains($0) }
    }

    /// Every character of the integers (`0x1F`, `0o17`, `0b101`, `1_000`, `1:30`) and floats
    /// (`1.5e-3`, `0x1p3`, `1:30.5`) that start with a digit.
    private static let numberBytes = Set("0123456789abcdefABCDEFxXoOpP._:+-".utf8)

    /// Whether the text starts with four digits, a hyphen and a digit, as every date Yams reads
    /// does (`2001-12-14`): the others (`1688-account`) are told without its regular expression,
    /// whose first use costs about as much as reading a small guide.
    private var startsLikeADate: Bool {
        let start = Array(string.utf8.prefix(6))
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        return start.count == 6 && start[..<4].allSatisfy(isDigit) && start[4] == 0x2D && isDigit(start[5])
    }

    /// This scalar as a Yams node, for its constructors. Its tag gets the resolver without rules:
    /// the constructors never ask it, and Yams' default one compiles seven regular expressions
    /// when it is first named.
    private var yamsNode: Node {
        let style: Node.Scalar.Style = switch self.style {
        case .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        }
        return .scalar(Node.Scalar(string, Tag(Tag.Name(rawValue: tag.rawValue), .basic), style))
    }
}
