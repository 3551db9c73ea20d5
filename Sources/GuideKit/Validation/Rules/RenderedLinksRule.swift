import Foundation

/// Triggers, in the rendered output (`--output DIR`, or `Output/` where guidegen runs), on an
/// `href`/`src` in `html/**/*.html`, a link in `markdown/**/*.md` or a URL in
/// `checklists/*.txt` that is neither a registry URL (or the support contact's `mailto:`/`tel:`)
/// nor an internal link that resolves, fragment included. It catches template mistakes as well
/// as content mistakes.
public struct RenderedLinksRule: Rule {
    public let id = "rendered-links"
    public let summary = "links in the rendered output are registry URLs or internal links that resolve, fragment included"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers([
                "Output/html/tr/example.html": """
                    <!doctype html>
                    <html lang="tr"><head><link rel="stylesheet" href="../assets/style.css"></head>
                    <body>
                    <h2 id="visit">1.1 <a href="1️⃣http://1688.com">1688.com</a>’u ziyaret edin</h2>
                    <p><a href="2️⃣index.html#visiit">adım</a> · <a href="3️⃣missing.html">eksik</a></p>
                    <img src="4️⃣../assets/step.png" alt="">
                    <a href="https://1688.com">1688.com</a> <a href="#visit">1.1</a> <a href="mailto:destek@example.com">E-posta</a>
                    </body></html>
                    """,
                "Output/html/tr/index.html": """
                    <h2 id="visit">1.1</h2>
                    """,
                "Output/html/assets/style.css": "body {}",
                "Output/markdown/tr/example.md": """
                    # Örnek bölüm

                    1. [1688.com](5️⃣https://1688.com/x)’u ziyaret edin ([adım](6️⃣example.md#ziyaret))
                    """,
                "Output/checklists/tr.txt": """
                    [ ] 1.1 1688.com’u ziyaret edin: 7️⃣http://1688.com
                    """,
            ]),
            .passes([
                "Output/html/tr/example.html": """
                    <!doctype html>
                    <html lang="tr"><head><link rel="stylesheet" href="../assets/style.css"></head>
                    <body>
                    <h2 id="visit">1.1 <a href="https://1688.com">1688.com</a>’u ziyaret edin</h2>
                    <a href="#visit">1.1</a> <a href="../index.html#example">İçindekiler</a>
                    <a href="mailto:destek@example.com">E-posta</a> <a href="tel:+905551234567">Telefon</a>
                    </body></html>
                    """,
                "Output/html/index.html": """
                    <a id="example" href="tr/example.html#visit">Örnek bölüm</a>
                    """,
                "Output/html/assets/style.css": "body {}",
                "Output/markdown/tr/example.md": """
                    # Örnek bölüm

                    1. [1688.com](https://1688.com)’u ziyaret edin ([başa dön](#örnek-bölüm))
                    """,
                "Output/checklists/tr.txt": """
                    [ ] 1.1 1688.com’u ziyaret edin: https://1688.com
                    """,
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let output = context.output else { return [] }
        var findings: [Diagnostic] = []
        for path in output.pages.keys.sorted() {
            let page = output.pages[path]!
            for link in page.links {
                if let problem = problem(with: link, on: page, in: output, context: context) {
                    findings.append(finding(problem, at: link.location))
                }
            }
        }
        return findings
    }

    private func problem(with link: RenderedOutput.Link, on page: RenderedOutput.Page, in output: RenderedOutput, context: ValidationContext) -> String? {
        let url = link.url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty else { return "the \(link.origin) is empty: the template should write a registry URL or an internal link" }
        if url.hasPrefix("//") { return "‘\(url)’ is protocol-relative: write the registry’s https URL" }
        if page.kind == .checklist || URIReference(url)?.scheme != nil || url.contains("://") {
            return externalLink(url, context: context)
        }
        return internalLink(url, on: page, in: output)
    }

    private func externalLink(_ url: String, context: ValidationContext) -> String? {
        let scheme = (URIReference(url)?.scheme ?? String(url.prefix { $0 != ":" })).lowercased()
        let registry = context.guide.links.entries.map(\.url.value)
        switch scheme {
        case "http", "https":
            if registry.contains(url) { return nil }
            if let (host, _) = HostCatalog.host(ofURL: url), let miss = context.hosts.nearMiss(host) {
                return "‘\(url)’ is not a registry URL: its host looks like ‘\(miss.suggestion)’ (\(miss.reason))"
            }
            if let closest = registry.min(by: { editDistance(url, $0) < editDistance(url, $1) }), editDistance(url, closest) <= 3 {
                return "‘\(url)’ is not a registry URL: did you mean ‘\(closest)’?"
            }
            return "‘\(url)’ is not a registry URL: output links come from links.yaml, so the template or the content wrote it"
        case "mailto":
            let address = url.dropFirst("mailto:".count).prefix { $0 != "?" }
            return address.lowercased() == context.guide.support.email.value.lowercased() ? nil
                : "‘\(url)’ is not the support address: write mailto:\(context.guide.support.email.value)"
        case "tel":
            let number = url.dropFirst("tel:".count).filter { $0 != " " && $0 != "-" }
            return number == context.guide.support.phone.value ? nil : "‘\(url)’ is not the support number: write tel:\(context.guide.support.phone.value)"
        case "data":
            return nil
        default:
            return "‘\(scheme):’ links do not belong in the output: link a registry URL or a page"
        }
    }

    private func internalLink(_ url: String, on page: RenderedOutput.Page, in output: RenderedOutput) -> String? {
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding ?? String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        let path = String(rest).removingPercentEncoding ?? String(rest)
        if path.hasPrefix("/") { return "‘\(url)’ is root-relative: write a link relative to the page so the output works in any folder" }
        var components = path.isEmpty ? page.path.split(separator: "/").map(String.init) : page.path.split(separator: "/").dropLast().map(String.init)
        if !path.isEmpty {
            for component in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
                switch component {
                case ".", "": continue
                case "..":
                    guard !components.isEmpty else { return "‘\(url)’ points outside the output folder" }
                    components.removeLast()
                default: components.append(component)
                }
            }
        }
        var target = components.joined(separator: "/")
        if path.hasSuffix("/") || (!output.files.contains(target) && output.files.contains(target + "/index.html")) {
            target += target.isEmpty ? "index.html" : "/index.html"
        }
        guard output.files.contains(target) else { return "‘\(url)’ points at ‘\(target)’, which the output does not have" }
        guard let fragment, !fragment.isEmpty, let targetPage = output.pages[target] else { return nil }
        if targetPage.anchors.contains(fragment) { return nil }
        let hint = closestMatch(to: fragment, in: targetPage.anchors).map { ": did you mean ‘#\($0)’?" } ?? ""
        return "‘#\(fragment)’ is not an anchor of ‘\(target)’\(hint)"
    }
}
