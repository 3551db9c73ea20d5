/// Triggers on a registry URL whose scheme is not `https` (an `http://` link gets the fix).
public struct HttpsOnlyRule: Rule {
    public let id = "https-only"
    public let summary = "registry URLs use https"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                links:
                  1688-home:
                    url: 1️⃣http://1688.com
                    service: "1688"

                """, in: "links.yaml"),
            .passes("""
                links:
                  1688-home:
                    url: https://1688.com
                    service: "1688"

                """, in: "links.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.guide.links.entries.compactMap { link in
            guard let scheme = URIReference(link.url.value)?.scheme?.lowercased(), scheme != "https" else { return nil }
            let at = context.valueStart(of: link.url)
            if scheme == "http" {
                return finding("‘\(link.url.value)’ is not encrypted: use https", at: at, fix: FixIt(length: 4, replacement: "https"))
            }
            return finding("‘\(link.url.value)’ uses ‘\(scheme):’: the registry holds https URLs only", at: at)
        }
    }
}
