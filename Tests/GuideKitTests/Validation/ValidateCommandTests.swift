import Foundation
import GuideKit
import Testing

/// `guidegen validate` and `guidegen rules` as a user runs them: exit codes, formats, help.
@Suite struct ValidateCommandTests {
    /// A guide with one warning (an English sentence) and nothing else.
    static let warningOnly = """
        -- Content/guide.yaml --
        \(RuleExample.guideYAML())
        -- Content/links.yaml --
        \(RuleExample.baseLinks)
        -- Content/sections/example.yaml --
        \(RuleExample.baseSection.replacingOccurrences(of: "title: Örnek bölüm", with: "title: Örnek bölüm\nintro: Make the order on your phone"))
        """

    @Test func exitsZeroOnCleanContentAndOneOnErrors() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.content, as: "Content")
        #expect(try runGuidegen(["validate"], in: directory.url).status == 0)
        #expect(try runGuidegen(["validate", "--content", Repository.fixture("seed-defects").path], in: directory.url).status == 1)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: Self.warningOnly)
        let relaxed = try runGuidegen(["validate"], in: directory.url)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("[english-text]"))
        #expect(relaxed.stdout.hasSuffix("0 errors, 1 warning, 0 notes\n"))
        #expect(try runGuidegen(["validate", "--strict"], in: directory.url).status == 1)
    }

    @Test(arguments: [
        ["validate", "--content", "no-such-folder"],
        ["validate", "--output", "no-such-output"],
        ["validate", "--format", "xml"],
        ["validate", "--no-such-flag"],
    ])
    func couldNotRunExitsTwo(_ arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.content, as: "Content")
        let result = try runGuidegen(arguments, in: directory.url)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func anInvalidConfigurationIsACouldNotRunWithItsLocation() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.content, as: "Content")
        try directory.write("Content/guidegen.yaml", Data("rules:\n  english-txt: off\n".utf8))
        let result = try runGuidegen(["validate"], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Content/guidegen.yaml:2:3: error: no rule ‘english-txt’: did you mean ‘english-text’? [unknown-rule]"))
        let sarif = try runGuidegen(["validate", "--format", "sarif"], in: directory.url)
        #expect(sarif.status == 2)
        #expect(sarif.stdout.contains("\"executionSuccessful\" : false"))
    }

    @Test func theOutputFolderIsCheckedWhenItExistsOrIsNamed() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.content, as: "Content")
        try directory.write(tree: """
            -- Output/html/tr/order-on-1688.html --
            <a href="http://1688.com">1688.com</a> <a href="pay-on-1688.html#place-order">6.1</a>
            -- Rendered/html/index.html --
            <a href="tr/missing.html">?</a>
            """)
        let implicit = try runGuidegen(["validate"], in: directory.url)
        #expect(implicit.status == 1)
        #expect(implicit.stdout.contains("Output/html/tr/order-on-1688.html:1:10: error: ‘http://1688.com’ is not a registry URL: did you mean ‘https://1688.com’? [rendered-links]"))
        #expect(implicit.stdout.contains("Output/html/tr/order-on-1688.html:1:49: error: ‘pay-on-1688.html#place-order’ points at ‘html/tr/pay-on-1688.html’, which the output does not have [rendered-links]"))
        let named = try runGuidegen(["validate", "--output", "Rendered"], in: directory.url)
        #expect(named.status == 1)
        #expect(named.stdout.contains("Rendered/html/index.html:1:10: error: ‘tr/missing.html’ points at ‘html/tr/missing.html’, which the output does not have [rendered-links]"))
        #expect(!named.stdout.contains("Output/"))
    }

    @Test func helpDocumentsFormatsConfigurationSuppressionAndExitCodes() throws {
        let help = try runGuidegen(["validate", "--help"]).stdout
        for expected in ["--output <dir>", "--format <format>", "--strict", "guidegen.yaml", "# guidegen-ignore: rule-id — reason",
                         "Exit codes: 0 no errors; 1 errors found (warnings too with --strict)", "2 guidegen could not run"] {
            #expect(help.contains(expected), "\(expected)")
        }
    }

    @Test func rulesListsEveryRuleAsTextAndJSON() throws {
        let text = try runGuidegen(["rules"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == RuleRegistry.rules.count)
        for (line, rule) in zip(lines, RuleRegistry.rules) {
            #expect(line.hasPrefix(rule.id + " "))
            #expect(line.contains(" \(rule.defaultSeverity.rawValue) "))
            #expect(line.hasSuffix(rule.summary))
        }
        struct Document: Decodable {
            struct Entry: Decodable { var id: String; var defaultSeverity: String; var summary: String; var examples: [RuleExample] }
            var rules: [Entry]
        }
        let json = try JSONDecoder().decode(Document.self, from: Data(try runGuidegen(["rules", "--format", "json"]).stdout.utf8))
        #expect(json.rules.map(\.id) == RuleRegistry.rules.map(\.id))
        #expect(json.rules.allSatisfy { !$0.examples.isEmpty })
    }

    @Test func theReadmeRuleTableIsTheRegistrys() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try runGuidegen(["rules", "--format", "markdown"]).stdout
        #expect(readme.contains(table), "regenerate the README's table with `guidegen rules --format markdown`")
    }
}
