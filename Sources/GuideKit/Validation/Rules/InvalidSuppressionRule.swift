/// Triggers on a `# guidegen-ignore:` comment that names no rule or an unknown one, or gives
/// no reason; such a comment silences nothing. The validator reports it while applying
/// suppressions (see `Suppression`), so `check` has nothing to add.
public struct InvalidSuppressionRule: Rule {
    public let id = "invalid-suppression"
    public let summary = "inline suppressions name existing rules and give a reason"
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
                  - id: authorise
                    kind: action
                    text: 1 ‘[Authorise](ui:en)’a tıklayın  1️⃣# guidegen-ignore: typed-step-number
                  - id: sign-in
                    kind: action
                    # guidegen-ignore: 2️⃣typed-step-numbr — the button's caption
                    text: 2 ‘[Sign in](ui:en)’e tıklayın

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                  - id: authorise
                    kind: action
                    text: 1 ‘[Authorise](ui:en)’a tıklayın  # guidegen-ignore: typed-step-number — the number is on the button
                """),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { [] }
}
