/// Triggers on a `# guidegen-ignore:` comment that silences nothing where it stands, for
/// instance after the problem was fixed. A suppression of a rule that is switched off is not
/// reported. The validator reports it after running the rules, so `check` has nothing to add.
public struct UnusedSuppressionRule: Rule {
    public let id = "unused-suppression"
    public let summary = "inline suppressions silence a finding"
    public let defaultSeverity = Severity.warning

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
                    1️⃣# guidegen-ignore: english-text — brand name
                    text: "[1688.com](link:1688-home)’u ziyaret edin"

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                # guidegen-ignore: english-text — quoted from the seller's page
                intro: >-
                  Satıcı şöyle yazıyor:
                  Make the order on [1688.com](link:1688-home)
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"

                """),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { [] }
}
