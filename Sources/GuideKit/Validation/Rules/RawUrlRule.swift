/// Triggers on a URL written into text instead of a registry link: a scheme (`https://…`), a
/// `www.` name, or a host with a path (`portal.worldfirst.com/register`). A bare domain such as
/// `1688.com` is a brand name and passes (near misses of allowed hosts are `near-miss-host`'s).
public struct RawUrlRule: SectionRule {
    public let id = "raw-url"
    public let summary = "text links URLs through the registry instead of writing them out"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: 1️⃣https://1688.com adresini ziyaret edin
                  - id: register
                    kind: action
                    text: 2️⃣portal.worldfirst.com/register sayfasında kaydolun
                  - id: open
                    kind: action
                    text: Sayfayı 3️⃣www.worldfirst.com üzerinden açın

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                    detail: 1688.com ve global.1688.com aynı web sitelerdir.

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        var scan = VisibleText.Scan()
        return eachText(of: parts, in: context) { text, findings in
            // A URL written out needs `://`, a path or `www.` in the visible text, every run of
            // which is text of the source (`VisibleText`): most sources have no `/` and no `w`.
            guard text.text.bytes.contains(.urlByte) else { return }
            text.visible.scan(including: \.isPlain, into: &scan)
            let scalars = scan.scalars
            var found: [(url: String, start: Int)] = TextScanning.schemeURLs(in: scalars).map { ($0.url, $0.start) }
            for domain in TextScanning.domains(in: scalars) where domain.host.lowercased().hasPrefix("www.") || domain.path.unicodeScalars.count > 1 {
                found.append((domain.text, domain.start))
            }
            for (url, start) in found.sorted(by: { $0.start < $1.start }) {
                let at = text.location(ofScalarOffset: scan.offset(at: start))
                if let key = registryKey(for: url, in: context.guide.links) {
                    // A fix only for a URL the source writes as it is (not split by emphasis, no escapes).
                    let count = url.unicodeScalars.count
                    findings.append(finding("‘\(url)’ is a raw URL: link it through the registry, [\(url)](link:\(key))", at: at,
                                            fix: scan.isVerbatim(start..<start + count) ? FixIt(length: count, replacement: "[\(url)](link:\(key))") : nil))
                } else {
                    findings.append(finding("‘\(url)’ is a raw URL: add it to links.yaml and write [text](link:KEY)", at: at))
                }
            }
        }
    }

    private func registryKey(for url: String, in registry: LinkRegistry) -> String? {
        let candidates = url.contains("://") ? [url] : ["https://" + url, "http://" + url]
        return registry.entries.first { entry in candidates.contains { $0 == entry.url.value || $0 + "/" == entry.url.value || $0 == entry.url.value + "/" } }?.key.value
    }
}
