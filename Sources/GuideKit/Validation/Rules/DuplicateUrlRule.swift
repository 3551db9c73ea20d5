/// Triggers on a URL registered under a second key (compared with the scheme and host in lower
/// case and without a lone trailing `/`).
public struct DuplicateUrlRule: Rule {
    public let id = "duplicate-url"
    public let summary = "a URL is registered under one key only"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                links:
                  1688-home:
                    url: https://1688.com
                    service: "1688"
                  1688-main:
                    url: 1️⃣https://1688.com/
                    service: "1688"

                """, in: "links.yaml"),
            .passes("""
                links:
                  1688-home:
                    url: https://1688.com
                    service: "1688"
                  global-1688:
                    url: https://global.1688.com
                    service: "1688"
                  global-1688-home:
                    url: https://global.1688.com/#/home
                    service: "1688"

                """, in: "links.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var first: [String: Link] = [:]
        var findings: [Diagnostic] = []
        for link in context.guide.links.entries {
            let key = Self.normalised(link.url.value)
            if let earlier = first[key] {
                findings.append(finding("this URL is already registered as ‘\(earlier.key.value)’ (line \(earlier.url.location.line)): use that key and remove this entry",
                                        at: context.valueStart(of: link.url)))
            } else {
                first[key] = link
            }
        }
        return findings
    }

    static func normalised(_ url: String) -> String {
        guard let reference = URIReference(url), let scheme = reference.scheme, let authority = reference.authority else { return url }
        var result = scheme.lowercased() + "://" + authority.lowercased() + (reference.path == "/" ? "" : reference.path)
        if let query = reference.query { result += "?" + query }
        if let fragment = reference.fragment { result += "#" + fragment }
        return result
    }
}
