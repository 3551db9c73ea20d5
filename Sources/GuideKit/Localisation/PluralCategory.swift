/// A CLDR plural category: which form of a counted phrase a number takes in a language.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case zero, one, two, few, many, other

    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The category of a whole number `n` in a language, by the CLDR plural rules (integers only:
    /// guidegen counts steps, never fractions). Languages without a rule here use English's.
    ///
    /// - `tr`, `en`, `de`, `nl`, `sv`, `it`, `es`, `pt`… : one (n = 1), other. Turkish uses the
    ///   singular after a number, so both of its forms read "7 adım"; the rule still has two.
    /// - `fr`: one (0 and 1), other.
    /// - `zh`, `ja`, `ko`, `vi`, `th`, `id`: other only.
    /// - `ru`, `uk`: one (…1 but not …11), few (…2–4 but not …12–14), many, other.
    /// - `pl`: one (1), few (…2–4 but not …12–14), many.
    /// - `ar`: zero, one, two, few (…03–…10), many (…11–…99), other.
    public static func of(_ n: Int, language tag: String) -> PluralCategory {
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        let n = n.magnitude
        let mod10 = n % 10, mod100 = n % 100
        switch language {
        case "zh", "ja", "ko", "vi", "th", "id", "ms":
            return .other
        case "fr":
            return n <= 1 ? .one : .other
        case "ru", "uk":
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case "ar":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(mod100) { return .few }
                if (11...99).contains(mod100) { return .many }
                return .other
            }
        default:
            return n == 1 ? .one : .other
        }
    }
}
