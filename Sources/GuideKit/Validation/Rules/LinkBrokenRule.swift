/// Triggers, with `guidegen validate --online`, on a registry URL that does not lead to a page:
/// 404 or 410, no such host, a TLS failure, a redirect loop or too many redirects, a redirect
/// from https to http, or a missing `#fragment`. Reported at the registry entry, with a note at
/// every place that uses it.
public struct LinkBrokenRule: Rule {
    public let id = OnlineCheckRule.broken.id
    public let summary = OnlineCheckRule.broken.summary
    public let defaultSeverity = OnlineCheckRule.broken.defaultSeverity

    public init() {}

    public var examples: [RuleExample] {
        [
            .online(.triggers, url: "https://1688.com/gone", answers: "https://1688.com/gone 404", markUse: true),
            .online(.passes, answers: "https://1688.com 200"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.onlineFindings(id) }
}
