import Foundation
import GuideKit
import Testing

/// `guidegen.yaml`: reading it with located errors, and what the validator does with it.
@Suite struct ConfigurationTests {
    static let ids = RuleRegistry.rules.map(\.id)

    @Test func readsSeveritiesOffSwitchesHostsAndCurrencies() {
        let loaded = ValidationConfiguration.parse("""
            rules:
              english-text: error
              duplicate-step-text: off
              unused-link: "note"
            allowedHosts: [help.example.com]
            currencies: [CNH]
            """, ruleIDs: Self.ids)
        #expect(loaded.diagnostics.isEmpty)
        let configuration = loaded.configuration
        #expect(configuration.rules == ["english-text": .severity(.error), "duplicate-step-text": .off, "unused-link": .severity(.note)])
        #expect(!configuration.isEnabled("duplicate-step-text"))
        #expect(configuration.severity(of: "english-text", default: .warning) == .error)
        #expect(configuration.severity(of: "https-only", default: .error) == .error)
        #expect(configuration.allowedHosts.map(\.value) == ["help.example.com"])
        #expect(configuration.currencies.map(\.value) == ["CNH"])
    }

    @Test func reportsEachMistakeAtItsPlace() {
        let loaded = ValidationConfiguration.parse("""
            rules:
              english-txt: off
              https-only: fatal
            allowedHosts:
              - https://help.example.com/faq
              - Help Example
            currencies: [cnh]
            ignore: true
            """, ruleIDs: Self.ids)
        #expect(loaded.diagnostics.map(\.description) == [
            "guidegen.yaml:2:3: error: no rule ‘english-txt’: did you mean ‘english-text’? [unknown-rule]",
            "guidegen.yaml:3:15: error: the setting of ‘https-only’ must be one of ‘off’, ‘note’, ‘warning’, ‘error’ [invalid-value]",
            "guidegen.yaml:5:5: error: ‘https://help.example.com/faq’ is not a host name: write the host only, ‘help.example.com’ [invalid-value]",
            "guidegen.yaml:6:5: error: ‘Help Example’ is not a host name: write lower-case labels separated by dots (punycode for international names) [invalid-value]",
            "guidegen.yaml:7:14: error: ‘cnh’ is not a currency code: write three upper-case letters [invalid-value]",
            "guidegen.yaml:8:1: error: unknown field ‘ignore’ in configuration: the fields are ‘rules’, ‘allowedHosts’, ‘currencies’, ‘online’ [unknown-field]",
        ])
        #expect(loaded.diagnostics[0].fix == FixIt(length: 11, replacement: "english-text"))
    }

    @Test func severitiesAndOffSwitchesApplyToFindings() throws {
        let directory = try TemporaryDirectory()
        let content = try directory.copy(Repository.fixture("seed-defects"), as: "seed-defects")
        try Data("""
            rules:
              english-text: error
              turkish-number-format: off
              duplicate-list-item: note
            currencies: [CNH]
            """.utf8).write(to: content.appendingPathComponent("guidegen.yaml"))
        let report = ValidationRun.run(contentDirectory: content.path)
        #expect(report.failures.isEmpty)
        #expect(report.diagnostics.first { $0.id == "english-text" }?.severity == .error)
        #expect(!report.diagnostics.contains { $0.id == "turkish-number-format" })
        #expect(report.diagnostics.first { $0.id == "duplicate-list-item" }?.severity == .note)
    }

    @Test func allowedHostsAndCurrenciesExtendTheLists() async throws {
        let links = """
            links:
              1688-home:
                url: https://1688.com
                service: "1688"
              help:
                url: https://help.example.com
                service: "1688"
              help-typo:
                url: https://help.exampel.com
                service: "1688"

            """
        let section = RuleExample.baseSection.replacingOccurrences(of: "    text: \"[1688.com](link:1688-home)’u ziyaret edin\"",
                                                                  with: "    text: \"[1688.com](link:1688-home)’u ziyaret edin\"\n    links: [help, help-typo]")
        let without = try await RuleExampleRun(.passes(["links.yaml": links, "sections/example.yaml": section]))
        #expect(without.findings(of: "near-miss-host").count == 2, "two unvouched look-alikes report each other")
        let with = try await RuleExampleRun(.passes(["links.yaml": links, "sections/example.yaml": section,
                                               "guidegen.yaml": "allowedHosts: [help.example.com]\n"]))
        #expect(with.findings(of: "near-miss-host").map { with.position($0).description } == ["links.yaml:9:18"])
    }
}
