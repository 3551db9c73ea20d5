/// Triggers on a support email address that is not well-formed: one `@`, a local part of
/// letters, digits and `.!#$%&'*+/=?^_`{|}~-` without leading, trailing or double dots, and a
/// domain of at least two labels whose last is letters only.
public struct EmailAddressRule: Rule {
    public let id = "email-address"
    public let summary = "the support email address is well-formed"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers(RuleExample.guideYAML(replacing: "address: destek@example.com", with: "address: 1️⃣destek@example"), in: "guide.yaml"),
            .triggers(RuleExample.guideYAML(replacing: "address: destek@example.com", with: "address: 1️⃣destek..ekip@example.com"), in: "guide.yaml"),
            .passes(RuleExample.guideYAML(replacing: "address: destek@example.com", with: "address: seaclients@service.worldfirst.com"), in: "guide.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let address = context.guide.support.email
        guard let problem = Self.problem(address.value) else { return [] }
        return [finding("‘\(address.value)’ is not a valid email address: \(problem)", at: context.valueStart(of: address))]
    }

    static func problem(_ address: String) -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "write one ‘@’ between the name and the domain" }
        let local = parts[0], domain = parts[1]
        let localAllowed = Set("!#$%&'*+/=?^_`{|}~-.".unicodeScalars)
        guard !local.isEmpty, local.unicodeScalars.allSatisfy({ ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || localAllowed.contains($0) }) else {
            return "the part before ‘@’ may have letters, digits and !#$%&'*+/=?^_`{|}~-. only"
        }
        guard local.first != ".", local.last != ".", !local.contains("..") else { return "dots in the name may not lead, trail or double" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-" }
        }), let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else {
            return "write a domain such as example.com after ‘@’"
        }
        return nil
    }
}
