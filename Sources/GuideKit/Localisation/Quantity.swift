/// A number the content marks so each locale writes it its own way: `[0.8](percent:)`,
/// `[1500](number:)`, `[1500.50](amount:CNH)`. The value is written once, locale-neutrally (ASCII digits, a decimal
/// point, no grouping), so the same marker is copied verbatim into every catalog.
public struct Quantity: Sendable, Hashable {
    /// What the marker's destination says the number is.
    public enum Kind: Sendable, Hashable {
        /// `number:` — a plain number (`1.500`, `1,500`).
        case number
        /// `percent:` — a percentage, its value in percent (`[0.8](percent:)` is 0.8 %).
        case percent
        /// `amount:CUR` — an amount of money in the currency whose ISO 4217 code is CUR
        /// (`[1500.50](amount:CNH)`: Turkish `CNH 1.500,50`, German `1.500,50 CNH`).
        case amount(currency: String)

        /// The destination that marks it: `number:`, `percent:`, `amount:CNH`.
        public var destination: String {
            switch self {
            case .number: "number:"
            case .percent: "percent:"
            case .amount(let currency): "amount:" + currency
            }
        }

        /// The kind a link destination names: exactly `number:` or `percent:`, or `amount:` and
        /// three capital letters.
        public init?(destination: String) {
            switch destination {
            case "number:": self = .number
            case "percent:": self = .percent
            default:
                guard let code = destination.dropPrefix("amount:"), code.unicodeScalars.count == 3,
                      code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
                self = .amount(currency: code)
            }
        }
    }

    public var kind: Kind
    public var isNegative: Bool
    /// The digits before the decimal point, without leading zeros (but at least one digit).
    public var integerDigits: String
    /// The digits after the decimal point, as written (their count is the precision shown).
    public var fractionDigits: String

    /// Parses the canonical form `-?[0-9]+(\.[0-9]+)?`; nil for anything else (`0,8`, `1.500,5`, `8%`).
    public init?(kind: Kind, canonical text: String) {
        var scalars = Substring(text)
        let negative = scalars.first == "-"
        if negative { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        func isDigits(_ part: Substring) -> Bool { !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        guard let first = parts.first, isDigits(first), parts.count == 1 || isDigits(parts[1]) else { return nil }
        let trimmed = first.drop { $0 == "0" }
        self.kind = kind
        self.isNegative = negative
        self.integerDigits = trimmed.isEmpty ? "0" : String(trimmed)
        self.fractionDigits = parts.count == 2 ? String(parts[1]) : ""
    }

    /// The value as the marker writes it (`0.8`).
    public var canonical: String {
        (isNegative ? "-" : "") + integerDigits + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
    }
}
