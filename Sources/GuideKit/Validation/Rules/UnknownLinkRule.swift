/// Triggers on a registry key used in text (`[x](link:KEY)`) or in a step's `links` that
/// `links.yaml` does not define. The loader checks this while it reads the content (so
/// rendering refuses it too); the rule reports the loader's findings under its settings.
public struct UnknownLinkRule: Rule {
    public let id = "unknown-link"
    public let summary = "every registry key used in the content exists"
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
                    text: "[1688.com](1️⃣link:1688-hom)’u ziyaret edin"
                    links: [2️⃣global-1688]

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                    links: [1688-home]

                """),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.loaderDiagnostics(withID: id) }
}
