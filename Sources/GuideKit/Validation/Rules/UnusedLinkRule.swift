/// Triggers on a registry entry that no text and no step's `links` uses.
public struct UnusedLinkRule: Rule {
    public let id = "unused-link"
    public let summary = "every registry entry is used somewhere"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                links:
                  1688-home:
                    url: https://1688.com
                    service: "1688"
                  1️⃣global-1688:
                    url: https://global.1688.com
                    service: "1688"

                """, in: "links.yaml"),
            .passes([
                "links.yaml": """
                    links:
                      1688-home:
                        url: https://1688.com
                        service: "1688"
                      global-1688:
                        url: https://global.1688.com
                        service: "1688"

                    """,
                "sections/example.yaml": """
                    id: example
                    label: "1"
                    title: Örnek bölüm
                    steps:
                      - id: visit
                        kind: action
                        text: "[1688.com](link:1688-home)’u ziyaret edin"
                        links: [global-1688]

                    """,
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let used = Set(context.linkUses.map(\.key))
        return context.guide.links.entries.filter { !used.contains($0.key.value) }.map { link in
            finding("the link ‘\(link.key.value)’ is not used: link to it from a text or remove it", at: link.key.location)
        }
    }
}
