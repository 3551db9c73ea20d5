import Foundation
import GuideKit
import Testing

/// Results become diagnostics at the registry entry, with notes where the key is used.
@Suite struct OnlineDiagnosticsTests {
    static let links = MarkedText("""
        links:
          home:
            url: 1️⃣https://1688.com
            service: "1688"
          pay:
            url: 2️⃣"https://pay.example/checkout"
            service: alipay
          old:
            url: 3️⃣http://old.example/
            service: worldfirst
        """)

    static let section = MarkedText("""
        id: first
        label: "1"
        title: Hesap nasıl açılır?
        steps:
          - id: visit
            kind: action
            text: "[1688.com](1️⃣link:home)’u ziyaret edin, sonra [şimdi](2️⃣link:home) ve [öde](3️⃣link:pay)"
            links: [4️⃣home, 5️⃣old]
        """)

    static func guide() throws -> (Guide, TemporaryDirectory) {
        let (result, directory) = try load(tree: MinimalGuide.tree(section: section.text, links: links.text))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return (try #require(result.guide), directory)
    }

    static func position(_ diagnostic: Diagnostic) -> (String, Int, Int) {
        (URL(fileURLWithPath: diagnostic.location.file).lastPathComponent, diagnostic.location.line, diagnostic.location.column)
    }

    @Test func brokenLinkIsAnErrorAtTheEntryWithANoteAtEachUse() throws {
        let (guide, _) = try Self.guide()
        let report = LinkCheckReport(results: [LinkCheckResult(url: "https://1688.com", outcome: .broken(.status(404)), requests: 2)])
        let diagnostics = OnlineCheck.diagnostics(report: report, guide: guide)
        #expect(diagnostics.map(\.id) == Array(repeating: "link-broken", count: 4))
        let entry = try #require(diagnostics.first { $0.location.file.hasSuffix("links.yaml") })
        #expect(entry.severity == .error)
        #expect(entry.message == "https://1688.com answered 404 not found: fix or remove the link")
        #expect(Self.position(entry) == ("links.yaml", Self.links[1].line, Self.links[1].column))
        let uses = diagnostics.filter { $0.location.file.hasSuffix("first.yaml") }
        #expect(uses.allSatisfy { $0.severity == .note && $0.message.contains("‘home’") })
        #expect(uses.map { [$0.location.line, $0.location.column] } == [1, 2, 4].map { [Self.section[$0].line, Self.section[$0].column] })
    }

    @Test func unverifiableIsAWarningByDefaultAndConfigurable() throws {
        let (guide, _) = try Self.guide()
        let url = "https://pay.example/checkout"
        let report = LinkCheckReport(results: [LinkCheckResult(url: url, outcome: .unverifiable(.status(503)), requests: 3, retries: 2)])
        let diagnostics = OnlineCheck.diagnostics(report: report, guide: guide)
        let entry = try #require(diagnostics.first { $0.location.file.hasSuffix("links.yaml") })
        #expect(entry.id == "link-unverifiable" && entry.severity == .warning)
        // The quoted value's location is its opening quote, as for every located YAML scalar.
        #expect(Self.position(entry) == ("links.yaml", Self.links[2].line, Self.links[2].column))
        #expect(entry.message == "https://pay.example/checkout could not be verified: it answered 503 service unavailable after 2 retries: open it in a browser, or run the check again later")
        let use = try #require(diagnostics.first { $0.location.file.hasSuffix("first.yaml") })
        #expect(Self.position(use) == ("first.yaml", Self.section[3].line, Self.section[3].column))

        let strict = OnlineCheck.diagnostics(report: report, guide: guide, severities: OnlineCheckSeverities(unverifiable: .error))
        #expect(strict.first { $0.location.file.hasSuffix("links.yaml") }?.severity == .error)
    }

    @Test func refusedLinkSuggestsAcceptingTheStatusForItsHost() throws {
        let (guide, _) = try Self.guide()
        let report = LinkCheckReport(results: [LinkCheckResult(url: "https://1688.com", outcome: .unverifiable(.status(999)))])
        let entry = try #require(OnlineCheck.diagnostics(report: report, guide: guide).first)
        #expect(entry.message.hasSuffix("open it in a browser, or accept 999 for 1688.com in the configuration"))
    }

    @Test func permanentRedirectIsANoteAtTheEntryOnly() throws {
        let (guide, _) = try Self.guide()
        let report = LinkCheckReport(results: [LinkCheckResult(
            url: "http://old.example/", outcome: .ok(finalURL: "https://new.example/login", permanentRedirect: true),
            redirects: [
                Redirect(status: 301, from: "http://old.example/", to: "https://new.example/"),
                Redirect(status: 302, from: "https://new.example/", to: "https://new.example/login"),
            ])])
        let diagnostics = OnlineCheck.diagnostics(report: report, guide: guide)
        #expect(diagnostics.count == 1)
        let note = try #require(diagnostics.first)
        #expect(note.id == "link-redirected" && note.severity == .note)
        // The suggestion stops where the permanent redirects stop: not at the temporary login page.
        #expect(note.message == "http://old.example/ redirects permanently to https://new.example/: use the new url in the registry")
        #expect(Self.position(note) == ("links.yaml", Self.links[3].line, Self.links[3].column))
    }

    @Test func okAndUncheckedLinksSayNothing() throws {
        let (guide, _) = try Self.guide()
        let report = LinkCheckReport(
            results: [LinkCheckResult(url: "https://1688.com", outcome: .ok(finalURL: "https://1688.com", permanentRedirect: false))],
            skipped: ["https://pay.example/checkout"])
        #expect(OnlineCheck.diagnostics(report: report, guide: guide).isEmpty)
    }

    @Test func brokenRedirectChainIsShownInTheMessage() throws {
        let (guide, _) = try Self.guide()
        let report = LinkCheckReport(results: [LinkCheckResult(
            url: "https://1688.com", outcome: .broken(.httpsDowngrade(location: "http://www.1688.com/")),
            redirects: [Redirect(status: 301, from: "https://1688.com", to: "https://www.1688.com/")])])
        let entry = try #require(OnlineCheck.diagnostics(report: report, guide: guide).first)
        #expect(entry.message == "https://1688.com redirects from https to plain http (http://www.1688.com/) (via https://1688.com → https://www.1688.com/): fix or remove the link")
    }

    @Test func ruleIdsAreStable() {
        #expect(OnlineCheckRule.allCases.map(\.id) == ["link-broken", "link-unverifiable", "link-redirected"])
        #expect(OnlineCheckRule.allCases.map(\.defaultSeverity) == [.error, .warning, .note])
    }
}
