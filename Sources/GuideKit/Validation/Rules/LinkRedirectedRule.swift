/// Triggers, with `guidegen validate --online`, on a registry URL that answers through a
/// permanent redirect (301 or 308): the registry should name where it ends.
public struct LinkRedirectedRule: Rule {
    public let id = OnlineCheckRule.redirected.id
    public let summary = OnlineCheckRule.redirected.summary
    public let defaultSeverity = OnlineCheckRule.redirected.defaultSeverity

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "links.yaml": """
                    links:
                      1688-home:
                        url: 1️⃣https://1688.com
                        service: "1688"
                    """,
                CannedTransport.exampleFileName: """
                    https://1688.com 301 https://www.1688.com/
                    https://www.1688.com/ 200
                    """,
            ]),
            .passes([
                "links.yaml": RuleExample.baseLinks,
                CannedTransport.exampleFileName: """
                    # A temporary redirect (to a login page, say) is not a reason to change the registry.
                    https://1688.com 302 https://login.1688.com/
                    https://login.1688.com/ 200
                    """,
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.onlineFindings(id) }
}
