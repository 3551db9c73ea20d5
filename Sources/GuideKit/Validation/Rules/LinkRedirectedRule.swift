/// Triggers, with `guidegen validate --online`, on a registry URL that answers through a
/// permanent redirect (301 or 308): the registry should name where it ends.
public struct LinkRedirectedRule: Rule {
    public let id = OnlineCheckRule.redirected.id
    public let summary = OnlineCheckRule.redirected.summary
    public let defaultSeverity = OnlineCheckRule.redirected.defaultSeverity

    public init() {}

    public var examples: [RuleExample] {
        [
            .online(.triggers, answers: "https://1688.com 301 https://www.1688.com/\nhttps://www.1688.com/ 200"),
            // A temporary redirect (to a login page, say) is not a reason to change the registry.
            .online(.passes, answers: "https://1688.com 302 https://login.1688.com/\nhttps://login.1688.com/ 200"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.onlineFindings(id) }
}
