import Foundation
import GuideKit
import Testing

/// `# guidegen-ignore: rule-id — reason` comments: what they cover and how mistakes in them are reported.
@Suite struct SuppressionTests {
    @Test func coversTheNextLineOrItsOwnLineOrABlockScalar() {
        let file = SourceFile(path: "s.yaml", text: """
            # guidegen-ignore: english-text — quoted
            intro: Make the order

            steps:
              - id: a  # guidegen-ignore: typed-step-number, english-text -- two rules
                # guidegen-ignore: english-text — the block

                text: >-
                  one
                  two
                kind: action
                url: https://global.1688.com/#/home
                title: "not # guidegen-ignore: english-text — inside quotes"
            """)
        let suppressions = Suppression.parse(file)
        #expect(suppressions.map(\.lines) == [2...2, 5...5, 8...10])
        #expect(suppressions.map { $0.ruleIDs.map(\.value) } == [["english-text"], ["typed-step-number", "english-text"], ["english-text"]])
        #expect(suppressions.map(\.reason) == ["quoted", "two rules", "the block"])
        #expect(suppressions[1].ruleIDs.map(\.location.column) == [31, 50])
    }

    @Test func aSuppressionSilencesOnlyItsRuleAtItsPlace() async throws {
        let run = try await RuleExampleRun(.passes("""
            id: example
            label: "1"
            title: Örnek bölüm
            intro: Make the order on your phone  # guidegen-ignore: english-text — the seller's words
            steps:
              - id: visit
                kind: action
                text: "[1688.com](link:1688-home)’u ziyaret edin"
                detail: Then click on your basket.
            """))
        #expect(run.report.diagnostics.map { "\(run.position($0)) [\($0.id)]" } == ["sections/example.yaml:9:13 [english-text]"])
    }

    @Test func mistakesInSuppressionsAreReportedAndSilenceNothing() async throws {
        let run = try await RuleExampleRun(.passes("""
            id: example
            label: "1"
            title: Örnek bölüm
            # guidegen-ignore: english-text
            intro: Make the order on your phone
            steps:
              - id: visit
                kind: action
                # guidegen-ignore: unused-suppression — not allowed
                text: "[1688.com](link:1688-home)’u ziyaret edin"
            """))
        #expect(run.report.diagnostics.map { "\(run.position($0)) [\($0.id)] \($0.message)" } == [
            "sections/example.yaml:4:1 [invalid-suppression] the suppression gives no reason: add `— why` after the rule id",
            "sections/example.yaml:5:8 [english-text] this sentence is English: write it in Turkish, or mark screen text as a UI label, [text](ui:en)",
            "sections/example.yaml:9:24 [invalid-suppression] ‘unused-suppression’ findings cannot be suppressed: fix or remove the suppression they are about",
        ])
    }

    @Test func aSuppressionOfARuleThatIsOffIsNotUnused() async throws {
        let run = try await RuleExampleRun(.passes([
            "sections/example.yaml": RuleExample.baseSection.replacingOccurrences(of: "title: Örnek bölüm", with: "title: Örnek bölüm  # guidegen-ignore: english-text — kept for later"),
            "guidegen.yaml": "rules: {english-text: off}\n",
        ]))
        #expect(run.report.diagnostics.isEmpty)
    }
}
