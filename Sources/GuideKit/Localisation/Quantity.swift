/// A number the content marks so each locale writes it its own way: `[0.8](percent:)`,
/// `[1500](number:)`. The value is written once, locale-neutrally (ASCII digits, a decimal
/// point, no grouping), so the same marker is copied verbatim into every catalog.
public struct Quantity: Sendable, Hashable {
    /// What the marker's destination says the number is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `number:` — a plain number (`1.500`, `1,500`).
        case number
        /// `percent:` — a percentage, its value in percent (`[0.8](percent:)` is 0.8 %).
        case percent

        /// The destination that marks it, `number:` or `percent:`.
        public var destination: String { rawValue + ":" }

        /// The kind a link destination names, if it is exactly `number:` or `percent:`.
        public init?(destination: String) {
            guard destination.hasSuffix(":"), let kind = Kind(rawValue: String(destination.dropLast())) else { return nil }
            self = kind
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
