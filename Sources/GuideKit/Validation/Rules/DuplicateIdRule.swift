/// Triggers on an id used twice where ids must be unique: a section listed twice in
/// `guide.yaml`, two steps of a section, two sub-steps, notes, questions, fields or list items
/// of a step. The loader checks this while reading (it keeps the first); the rule reports the
/// loader's findings under its settings.
public struct DuplicateIdRule: Rule {
    public let id = "duplicate-id"
    public let summary = "section, step and item ids are unique where they must be"
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
                  - id: 1️⃣visit
                    kind: action
                    text: Hesabınıza giriş yapın

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                  - id: sign-in
                    kind: action
                    text: Hesabınıza giriş yapın

                """),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.loaderDiagnostics(withID: id) }
}
