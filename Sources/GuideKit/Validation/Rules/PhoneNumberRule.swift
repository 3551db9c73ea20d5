/// Triggers on a support phone number that is not E.164 (`+` then 8 to 15 digits, no leading
/// zero), and on a printed form whose digits differ from the number's.
public struct PhoneNumberRule: Rule {
    public let id = "phone-number"
    public let summary = "the support phone number is E.164 and printed with the same digits"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers(RuleExample.guideYAML(replacing: "number: \"+905551234567\"\n    display: +90 555 123 45 67",
                                            with: "number: \"1️⃣05551234567\"\n    display: 0555 123 45 67"), in: "guide.yaml"),
            .triggers(RuleExample.guideYAML(replacing: "display: +90 555 123 45 67", with: "display: 1️⃣+90 555 123 45 76"), in: "guide.yaml"),
            .passes(RuleExample.guideYAML(), in: "guide.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let support = context.guide.support
        let number = support.phone.value
        let digits = number.dropFirst()
        guard number.hasPrefix("+"), (8...15).contains(digits.count), digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return [finding("‘\(number)’ is not an E.164 number: write + country code and number, digits only (e.g. +6568054380)",
                            at: context.valueStart(of: support.phone))]
        }
        let shown = support.phoneDisplay.value.filter { $0.isASCII && $0.isNumber }
        guard shown == digits || "+" + shown == number else {
            return [finding("the printed number ‘\(support.phoneDisplay.value)’ has other digits than ‘\(number)’: print the same number",
                            at: context.valueStart(of: support.phoneDisplay))]
        }
        return []
    }
}
