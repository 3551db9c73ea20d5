/// Triggers on a registry URL that is not a well-formed absolute URI (RFC 3986): a character a
/// URL may not contain, a bad percent-encoding, no scheme, no host.
public struct UrlWellFormedRule: Rule {
    public let id = "url-well-formed"
    public let summary = "a registry URL is a well-formed absolute URL (RFC 3986) with a host"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                links:
                  1688-home:
                    url: https://1688.com/help1️⃣ center
                    service: "1688"
                  global-1688:
                    url: 2️⃣global.1688.com
                    service: "1688"
                  worldfirst-register:
                    url: https://portal.worldfirst.com/register?ref=3️⃣%zz
                    service: worldfirst

                """, in: "links.yaml"),
            .passes("""
                links:
                  1688-home:
                    url: https://1688.com
                    service: "1688"
                  worldfirst-login-sg:
                    url: https://portal.worldfirst.com/login?region=SG
                    service: worldfirst
                  global-1688-home:
                    url: https://global.1688.com/#/home
                    service: "1688"

                """, in: "links.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for link in context.guide.links.entries {
            let url = link.url.value
            switch URIReference.parse(url) {
            case .failure(let problem):
                findings.append(finding("‘\(link.key.value)’ is not a well-formed URL: \(problem.message)",
                                        at: context.location(in: link.url, atScalarOffset: problem.offset)))
            case .success(let reference):
                if reference.scheme == nil {
                    findings.append(finding("‘\(url)’ has no scheme: write the full URL, https://\(url)",
                                            at: context.valueStart(of: link.url), fix: FixIt(length: 0, replacement: "https://")))
                } else if (reference.host ?? "").isEmpty {
                    findings.append(finding("‘\(url)’ has no host: write the full URL, https://host/path", at: context.valueStart(of: link.url)))
                }
            }
        }
        return findings
    }
}
