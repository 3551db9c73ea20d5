/// Triggers on a link to another service than the section's `service` (a WorldFirst article
/// linking to an Alipay page), and on a registry entry whose `service` is not the service its
/// host belongs to.
public struct LinkServiceRule: Rule {
    public let id = "link-service"
    public let summary = "links match the service of their section and of their host"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "links.yaml": """
                    links:
                      1688-home:
                        url: https://1688.com
                        service: "1688"
                      worldfirst-register:
                        url: https://portal.worldfirst.com/register
                        service: worldfirst
                      alipay-home:
                        url: https://www.alipay.com
                        service: 1️⃣worldfirst

                    """,
                "sections/example.yaml": """
                    id: example
                    label: "1"
                    title: Örnek bölüm
                    service: "1688"
                    steps:
                      - id: visit
                        kind: action
                        text: "[1688.com](link:1688-home)’u ziyaret edin"
                      - id: register
                        kind: action
                        text: "[Kaydolun](2️⃣link:worldfirst-register)"
                        links: [3️⃣alipay-home]

                    """,
            ]),
            .passes([
                "links.yaml": """
                    links:
                      1688-home:
                        url: https://1688.com
                        service: "1688"
                      worldfirst-register:
                        url: https://portal.worldfirst.com/register
                        service: worldfirst

                    """,
                "sections/example.yaml": """
                    id: example
                    label: "1"
                    title: Örnek bölüm
                    service: worldfirst
                    steps:
                      - id: register
                        kind: action
                        text: "[Kaydolun](link:worldfirst-register)"

                    """,
                "sections/general.yaml": """
                    id: general
                    label: "2"
                    title: Genel bölüm
                    steps:
                      - id: visit
                        kind: action
                        text: "[1688.com](link:1688-home)’a ve [WorldFirst](link:worldfirst-register)’e bakın"

                    """,
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for link in context.guide.links.entries {
            guard let declared = link.service, let host = HostCatalog.host(ofURL: link.url.value)?.host,
                let owner = Service.owner(ofHost: host), owner != declared.value else { continue }
            findings.append(finding("‘\(host)’ belongs to \(owner.displayName) but the entry says ‘\(declared.value.rawValue)’: set `service: \(owner.rawValue)`",
                                    at: declared.location))
        }
        for use in context.linkUses {
            guard let index = use.sectionIndex, let sectionService = context.guide.sections[index].service?.value,
                let link = context.guide.links[use.key], let linkService = link.service?.value, linkService != sectionService else { continue }
            findings.append(finding("the section is about \(sectionService.displayName) but links to ‘\(use.key)’, a link of \(linkService.displayName): check the link, or the section's `service`",
                                    at: use.location))
        }
        return findings
    }
}
