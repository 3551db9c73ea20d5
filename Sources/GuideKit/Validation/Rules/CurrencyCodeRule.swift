/// Triggers on an item of a currency list that is not an active ISO 4217 code (embedded, no
/// network) or a code `guidegen.yaml` allows under `currencies` (the guide needs `CNH`, the
/// offshore yuan, which ISO does not define).
public struct CurrencyCodeRule: SectionRule {
    public let id = "currency-code"
    public let summary = "currency codes are ISO 4217 or allowed by the configuration"
    public let defaultSeverity = Severity.error

    public init() {}

    private static func section(_ items: String) -> String {
        """
        id: example
        label: "1"
        title: Örnek bölüm
        steps:
          - id: visit
            kind: action
            text: "[1688.com](link:1688-home)’u ziyaret edin"
            lists:
              - id: supported-currencies
                kind: currencies
                text: "{list} para birimlerinde ödeme alabilirsiniz."
                items: \(items)

        """
    }

    public var examples: [RuleExample] {
        [
            .triggers(Self.section("[1️⃣CNH, USD, 2️⃣usd, 3️⃣EURO, 4️⃣RMB]")),
            .passes(["sections/example.yaml": Self.section("[{ code: CNH, name: Offshore Çin Yuanı }, USD, SGD, HKD, EUR, JPY]"),
                     "guidegen.yaml": "currencies: [CNH]\n"]),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        let extras = Set(context.configuration.currencies.map(\.value))
        return parts.map { part in
            guard let part else { return [] }
            let section = context.guide.sections[part]
            var findings: [Diagnostic] = []
            for step in section.steps {
                for list in step.lists where list.kind == .currencies {
                    for item in list.items {
                        let code = item.id.value
                        if ISO4217.codes.contains(code) || extras.contains(code) { continue }
                        let upper = code.uppercased()
                        if upper != code, ISO4217.codes.contains(upper) || extras.contains(upper) {
                            findings.append(finding("‘\(code)’ is written in lower case: write ‘\(upper)’", at: context.valueStart(of: item.id),
                                                    fix: FixIt(length: code.unicodeScalars.count, replacement: upper)))
                        } else {
                            findings.append(finding("‘\(code)’ is not an ISO 4217 currency code: fix it, or allow it under `currencies:` in \(ValidationConfiguration.fileName)",
                                                    at: context.valueStart(of: item.id)))
                        }
                    }
                }
            }
            return findings
        }
    }
}
