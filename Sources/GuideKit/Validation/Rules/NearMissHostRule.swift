/// Triggers on a host that is not allowed but looks like an allowed one (`links.yaml`'s hosts
/// plus `allowedHosts`): one or two characters off, swapped letters, a missing or extra dot, a
/// look-alike character (Cyrillic `о`, digit `0`, `l` for `I`), punycode that reads as a
/// look-alike, or an allowed host followed by another domain. Registry URLs are checked, and so
/// are domain names in text (`global1688.com` in a question).
public struct NearMissHostRule: SectionRule {
    public let id = "near-miss-host"
    public let summary = "hosts are allowed hosts, not look-alikes of one (typos, missing dots, look-alike characters, punycode)"
    public let defaultSeverity = Severity.error

    public init() {}

    private static let allowed = """
        links:
          1688-home:
            url: https://1688.com
            service: "1688"
          global-1688:
            url: https://global.1688.com
            service: "1688"
          worldfirst-register:
            url: https://portal.worldfirst.com/register
            service: worldfirst

        """

    public var examples: [RuleExample] {
        [
            .triggers(Self.allowed + """
                  global-1688-typo:
                    url: https://1️⃣global1688.com
                    service: "1688"
                  worldfirst-swapped:
                    url: https://2️⃣portal.worldfrist.com/login
                    service: worldfirst
                  worldfirst-cyrillic:
                    url: https://3️⃣pоrtal.worldfirst.com/login
                    service: worldfirst
                  worldfirst-punycode:
                    url: https://4️⃣portal.xn--wrldfirst-02h.com/login
                    service: worldfirst
                  worldfirst-prefix:
                    url: https://5️⃣portal.worldfirst.com.example.net/login
                    service: worldfirst
                  1688-zero:
                    url: https://6️⃣1688.c0m
                    service: "1688"

                """, in: "links.yaml"),
            .triggers([
                "links.yaml": Self.allowed,
                "sections/example.yaml": """
                    id: example
                    label: "1"
                    title: Örnek bölüm
                    steps:
                      - id: visit
                        kind: action
                        text: "[1688.com](link:1688-home) ve [global.1688.com](link:global-1688) aynı mı?"
                        detail: Tedarikçiler 1️⃣global1688.com’da da var.
                      - id: register
                        kind: action
                        text: "[Kaydolun](link:worldfirst-register)"

                    """,
            ]),
            .passes([
                "links.yaml": Self.allowed + """
                      1688-mobile:
                        url: https://m.1688.com
                        service: "1688"
                      worldfirst-home:
                        url: https://www.worldfirst.com/sg/
                        service: worldfirst

                    """,
                "sections/example.yaml": """
                    id: example
                    label: "1"
                    title: Örnek bölüm
                    steps:
                      - id: visit
                        kind: action
                        text: "[1688.com](link:1688-home) ve [global.1688.com](link:global-1688) aynı web sitelerdir"
                        links: [worldfirst-register, 1688-mobile, worldfirst-home]

                    """,
            ]),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        var scan = VisibleText.Scan()
        return parts.map { part in
            var findings: [Diagnostic] = []
            if part == nil {
                for link in context.guide.links.entries {
                    guard let (host, offset) = HostCatalog.host(ofURL: link.url.value), let miss = context.hosts.suspects[host.lowercased()] else { continue }
                    findings.append(report(host, miss, at: context.location(in: link.url, atScalarOffset: offset)))
                }
            }
            // A host needs a dot (or the `://` of a URL) in the visible text, every run of which is
            // text of the source (`VisibleText`): many sources have no `.` and no `/`.
            for text in context.texts(in: part) where text.text.bytes.contains(.hostByte) {
                text.visible.scan(including: \.isProse, into: &scan)
                let scalars = scan.scalars
                var hosts = TextScanning.domains(in: scalars).map { ($0.host, $0.start) }
                for url in TextScanning.schemeURLs(in: scalars) {
                    if let (host, offset) = HostCatalog.host(ofURL: url.url) { hosts.append((host, url.start + offset)) }
                }
                for (host, start) in hosts {
                    guard let miss = context.hosts.nearMiss(host) else { continue }
                    findings.append(report(host, miss, at: text.location(ofScalarOffset: scan.offset(at: start)),
                                           fixable: scan.isVerbatim(start..<start + host.unicodeScalars.count)))
                }
            }
            return findings
        }
    }

    /// A fix only for a host the source writes as it is (`fixable`: not split by emphasis, no escapes).
    private func report(_ host: String, _ miss: NearMiss, at location: SourceLocation, fixable: Bool = true) -> Diagnostic {
        finding("the host ‘\(host)’ looks like ‘\(miss.suggestion)’ (\(miss.reason)): did you mean ‘\(miss.suggestion)’?", at: location,
                fix: fixable ? FixIt(length: host.unicodeScalars.count, replacement: miss.suggestion) : nil)
    }
}
