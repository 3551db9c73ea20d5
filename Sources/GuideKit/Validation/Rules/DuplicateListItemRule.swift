import Foundation

/// Triggers on an item listed twice in one list: a currency code (the seed's `HKD`), a list or
/// answer item with the same text, a form field with the same label, a prerequisite or a step
/// link named twice.
public struct DuplicateListItemRule: SectionRule {
    public let id = "duplicate-list-item"
    public let summary = "a list does not contain the same item twice"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                    links: [1688-home, 1️⃣1688-home]
                    lists:
                      - id: supported-currencies
                        kind: currencies
                        text: "{list} para birimlerinde ödeme alabilirsiniz."
                        items: [USD, SGD, HKD, EUR, 2️⃣HKD]

                """),
            .passes("""
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
                        items: [USD, SGD, HKD, EUR]

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { part in part.map { check(context.guide.sections[$0]) } ?? [] }
    }

    private func check(_ section: Section) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func scan(_ items: [(key: String, shown: String, location: SourceLocation)], what: String) {
            var first: [ByteKey: SourceLocation] = [:]
            for item in items {
                let key = ByteKey(canonical: item.key)
                if let earlier = first[key] {
                    findings.append(finding("‘\(item.shown)’ is already in this \(what) (line \(earlier.line)): remove this one", at: item.location))
                } else {
                    first[key] = item.location
                }
            }
        }
        scan(section.requires.map { ($0.value, $0.value, $0.location) }, what: "list of prerequisites")
        for step in section.steps {
            scan(step.links.map { ($0.value, $0.value, $0.location) }, what: "list of links")
            scan(step.fields.map { (TextScanning.comparisonKey($0.label.value), $0.label.value, $0.label.location) }, what: "list of fields")
            for list in step.lists {
                switch list.kind {
                case .currencies: scan(list.items.map { ($0.id.value.uppercased(), $0.id.value, $0.id.location) }, what: "list")
                case .items: scan(list.items.compactMap { item in item.text.map { (TextScanning.comparisonKey($0.value), $0.value, $0.location) } }, what: "list")
                }
            }
            for question in step.questions {
                scan(question.items.compactMap { item in item.text.map { (TextScanning.comparisonKey($0.value), $0.value, $0.location) } }, what: "list")
            }
        }
        return findings
    }
}
