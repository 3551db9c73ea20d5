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
            .triggers([
                "links.yaml": """
                    links:
                      1688-home:
                        url: 1️⃣https://1688.com
                        service: "1688"
                    """,
                "sections/example.yaml": RuleExample.baseSection.replacingOccurrences(of: "[1688.com](link:1688-home)", with: "[1688.com](2️⃣link:1688-home)"),
                CannedTransport.exampleFileName: "https://1688.com 403",
            ]),
            .passes([
                "links.yaml": RuleExample.baseLinks,
                CannedTransport.exampleFileName: "https://1688.com 204",
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] { context.onlineFindings(id) }
}
