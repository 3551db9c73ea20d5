/// Triggers on a section without steps. The loader checks this while reading; the rule reports
/// the loader's findings under its settings.
public struct EmptySectionRule: Rule {
    public let id = "empty-section"
    public let summary = "every section has at least one step"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "sections/example.yaml": RuleExample.baseSection,
                "sections/later.yaml": """
                    id: later
                    label: "2"
                    title: Sonraki bölüm
                    steps: 1️⃣[]

                    """,
            ]),
            .passes(RuleExample.baseSection),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.loaderDiagnostics(withID: id) }
}
