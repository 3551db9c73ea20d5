/// Triggers on a section id that does not exist: in `requires`, or in a reference in text
/// (`[2. bölüm](section:ID)`). The loader checks this while reading; the rule reports the
/// loader's findings under its settings.
public struct UnknownSectionRule: Rule {
    public let id = "unknown-section"
    public let summary = "prerequisites and references name existing sections"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "sections/example.yaml": RuleExample.baseSection,
                "sections/later.yaml": RuleExample.section("later", label: "\"2\"", fields: "requires: [1️⃣exampel]",
                                                           text: "\"[1. bölümü](2️⃣section:exmple) tamamlayın\""),
            ]),
            .passes([
                "sections/example.yaml": RuleExample.baseSection,
                "sections/later.yaml": RuleExample.section("later", label: "\"2\"", fields: "requires: [example]",
                                                           text: "\"[1. bölümü](section:example) tamamlayın\""),
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.loaderDiagnostics(withID: id) }
}
