import ArgumentParser
import Foundation
import GuideKit

/// How `guidegen rules` prints the rules.
enum RulesFormat: String, ChoiceArgument {
    case text, json, markdown
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules with their id, default severity and summary.",
        discussion: """
            json also carries each rule's examples (content that triggers the rule, with a marker \
            at each finding, and content that passes); markdown prints the README's rule table.
            """
    )

    @Option(name: .long, help: "How to list the rules.")
    var format: RulesFormat = .text

    /// One rule as `guidegen rules --format json` prints it.
    struct Entry: Codable {
        var id: String
        var defaultSeverity: Severity
        var summary: String
        var examples: [RuleExample]
    }

    struct Document: Codable {
        var rules: [Entry]
    }

    func run() throws {
        let rules = RuleRegistry.rules
        switch format {
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                print("\(id)  \(severity)  \(rule.summary)")
            }
        case .json:
            let document = Document(rules: rules.map { Entry(id: $0.id, defaultSeverity: $0.defaultSeverity, summary: $0.summary, examples: $0.examples) })
            print(JSONReporter.encode(document), terminator: "")
        case .markdown:
            print(RuleRegistry.markdownTable, terminator: "")
        }
    }
}
