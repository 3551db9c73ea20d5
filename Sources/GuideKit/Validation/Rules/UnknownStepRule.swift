/// Triggers on a reference to a step a section does not have (`section:ID#STEP`). The loader
/// checks this while reading; the rule reports the loader's findings under its settings.
public struct UnknownStepRule: Rule {
    public let id = "unknown-step"
    public let summary = "references to steps name existing steps"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "sections/example.yaml": RuleExample.baseSection,
                "sections/later.yaml": RuleExample.section("later", label: "\"2\"", text: "\"Önce [1.1. adımı](1️⃣section:example#visiit) tamamlayın\""),
            ]),
            .passes([
                "sections/example.yaml": RuleExample.baseSection,
                "sections/later.yaml": RuleExample.section("later", label: "\"2\"", text: "\"Önce [1.1. adımı](section:example#visit) tamamlayın\""),
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.loaderDiagnostics(withID: id) }
}
