/// Triggers, with `guidegen validate --online`, on a registry URL the check could not judge: 401,
/// 403, 429 or 999 (sites that refuse robots), a 5xx after the retries, a timeout or a reset
/// connection. A warning by default, so a flaky site does not fail CI; the message says why.
public struct LinkUnverifiableRule: Rule {
    public let id = OnlineCheckRule.unverifiable.id
    public let summary = OnlineCheckRule.unverifiable.summary
    public let defaultSeverity = OnlineCheckRule.unverifiable.defaultSeverity

    public init() {}

    public var examples: [RuleExample] {
        [
            .online(.triggers, answers: "https://1688.com 403", markUse: true),
            .online(.passes, answers: "https://1688.com 204"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.onlineFindings(id) }
}
