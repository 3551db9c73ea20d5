import Foundation
import GuideKit
import Testing

/// The registry and every rule's examples: triggering examples are reported exactly at their
/// markers, passing examples not at all.
@Suite struct RuleRegistryTests {
    static let ids = RuleRegistry.rules.map(\.id)

    /// `sectionRule` is what the cast answers, for every rule: the validator tells the two kinds
    /// apart by it.
    @Test func aRulesSectionRuleIsTheRuleWhenItIsOne() {
        var sectionRules = 0
        for rule in RuleRegistry.rules {
            #expect((rule.sectionRule != nil) == (rule is any SectionRule), "\(rule.id)")
            #expect(rule.sectionRule.map(\.id) == (rule as? any SectionRule).map(\.id))
            if rule.sectionRule != nil { sectionRules += 1 }
        }
        #expect(sectionRules >= 16 && sectionRules < RuleRegistry.rules.count)
    }

    @Test func idsAreUniqueAndKebabCase() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            #expect(id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(id)")
        }
    }

    @Test func theBaseGuideIsClean() async throws {
        let run = try await RuleExampleRun(RuleExample(.passes, files: []))
        #expect(run.report.failures.isEmpty)
        #expect(run.report.diagnostics.map(\.description) == [])
    }

    @Test(arguments: ids)
    func metadata(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let summary = rule.summary
        #expect(!summary.isEmpty && summary.first!.isLowercase, "the summary starts in lower case")
        #expect(!summary.hasSuffix("."), "the summary has no full stop")
        #expect(rule.examples.contains { $0.expectation == .triggers }, "a triggering example")
        #expect(rule.examples.contains { $0.expectation == .passes }, "a passing example")
    }

    @Test(arguments: ids)
    func examples(_ id: String) async throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let ruleIDs = Set(Self.ids)
        for (index, example) in rule.examples.enumerated() {
            let run = try await RuleExampleRun(example)
            let context = "example \(index + 1) (\(example.expectation.rawValue))"
            #expect(run.report.failures.isEmpty, "\(context): \(run.report.failures)")
            // A snippet that does not load would pass trivially: only rule findings are allowed.
            let structural = run.report.diagnostics.filter { !ruleIDs.contains($0.id) }
            #expect(structural.isEmpty, "\(context) does not load cleanly: \(structural.map(\.description))")
            let findings = run.findings(of: id)
            switch example.expectation {
            case .triggers:
                #expect(!run.expected.isEmpty, "\(context) marks where the rule reports")
                #expect(Set(findings.map(run.position)) == run.expected,
                        "\(context): found \(findings.map { "\(run.position($0)) \($0.message)" }), expected \(run.expected.sorted())")
                for finding in findings {
                    // The online rules add a note at each place that uses a failing link.
                    let usesNote = OnlineCheckRule(rawValue: rule.id) != nil && finding.severity == .note
                    #expect(finding.severity == rule.defaultSeverity || usesNote)
                    #expect(!finding.message.hasSuffix("."), "\(finding.message)")
                }
            case .passes:
                #expect(run.expected.isEmpty, "\(context) has no markers")
                #expect(findings.isEmpty, "\(context): \(findings.map { "\(run.position($0)) \($0.message)" })")
            }
        }
    }
}
