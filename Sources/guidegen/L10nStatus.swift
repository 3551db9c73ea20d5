import ArgumentParser
import Foundation
import GuideKit

/// How `guidegen l10n status` prints.
enum StatusFormat: String, ChoiceArgument {
    case text, json
}

struct L10nStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show per locale and per section how many strings are translated, need review or are missing.",
        discussion: """
            A string needs review when its catalog entry was translated from an older source text \
            (its `source` fingerprint differs from the current text's); it is missing when the \
            catalog has no entry for it or an empty `text`. Coverage is the share of translated \
            strings. Chrome strings (strings/<locale>.yaml of the templates) count as a group of \
            their own. Catalog keys the content no longer has are listed as obsolete, with their \
            file and line.

            Exit codes: 0 every locale reaches --min-coverage (or no threshold); 1 a locale is \
            below it; 2 guidegen could not run (bad arguments, content or catalogs with errors).
            """
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(name: .long, help: "How to print the status.")
    var format: StatusFormat = .text

    @Flag(name: .long, help: "Also list every missing string with the place of its source text (text format; json always lists them).")
    var listMissing = false

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a locale's coverage (all its strings, chrome included) is below this percentage.", valueName: "pct"))
    var minCoverage: Double?

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 100") }
    }

    /// What `--format json` prints.
    struct Document: Codable {
        var version = 1
        var sourceLocale: String
        var locales: [TranslationStatus.LocaleStatus]
        var minCoverage: Double?
        /// Locales whose coverage is below `minCoverage`.
        var belowMinimum: [String]
    }

    func run() throws {
        let loaded = try TranslationProject.load(contentDirectory: options.content, templates: templateOptions.folders())
        guard let project = loaded.project else { throw Failure.content(diagnostics: loaded.diagnostics, files: loaded.files, command: "l10n status") }
        let status = TranslationStatus(guide: project.guide, catalogs: project.catalogs, chrome: project.chrome)
        let below = status.locales.filter { locale in minCoverage.map { locale.total.coverage < $0 } ?? false }.map(\.locale)
        switch format {
        case .text: print(Self.text(status, minCoverage: minCoverage, below: below, listMissing: listMissing), terminator: "")
        case .json: print(JSONReporter.encode(Document(sourceLocale: status.sourceLocale, locales: status.locales, minCoverage: minCoverage, belowMinimum: below)), terminator: "")
        }
        if !below.isEmpty { throw Outcome.findings.exitCode }
    }

    /// Coverage with one decimal, rounded down (so 100.0 % means every string).
    static func percent(_ value: Double) -> String { String(format: "%.1f %%", (value * 10).rounded(.down) / 10) }

    static func text(_ status: TranslationStatus, minCoverage: Double?, below: [String], listMissing: Bool) -> String {
        var out = ""
        if status.locales.isEmpty {
            out += "no catalogs: start one with `guidegen l10n add LOCALE`\n"
        }
        for locale in status.locales {
            out += "\(locale.locale) (\(locale.name)): \(locale.file)\n"
            let names = locale.groups.map { $0.kind == .chrome ? "chrome strings" : $0.id } + ["total"]
            let width = max(names.map(\.count).max() ?? 0, 5)
            func row(_ name: String, _ strings: String, _ translated: String, _ review: String, _ missing: String, _ coverage: String) -> String {
                "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + [(strings, 7), (translated, 10), (review, 12), (missing, 7), (coverage, 8)]
                    .map { String(repeating: " ", count: max(0, $0.1 - $0.0.count)) + $0.0 }.joined(separator: "  ") + "\n"
            }
            func counts(_ name: String, _ counts: TranslationStatus.Counts) -> String {
                row(name, "\(counts.strings)", "\(counts.translated)", "\(counts.needsReview)", "\(counts.missing)", percent(counts.coverage))
            }
            out += row("group", "strings", "translated", "needs review", "missing", "coverage")
            for (group, name) in zip(locale.groups, names) { out += counts(name, group.counts) }
            out += counts("total", locale.total)
            for group in locale.groups {
                for item in group.needsReview { out += "  needs review: \(item.key) (\(item.location))\n" }
            }
            if listMissing {
                for group in locale.groups {
                    for item in group.missing { out += "  missing: \(item.key) (\(item.location))\n" }
                }
            }
            for item in locale.obsolete { out += "  obsolete: \(item.key) (\(item.location)): the source has no such string, remove it\n" }
            out += "\n"
        }
        let summary = status.locales.map { "\($0.locale) \(percent($0.total.coverage))" }.joined(separator: ", ")
        out += "guidegen l10n status: source \(status.sourceLocale); \(summary.isEmpty ? "no catalogs" : summary)"
        if let minCoverage {
            out += below.isEmpty ? "; every locale at or above \(percent(minCoverage))" : "; below \(percent(minCoverage)): \(below.joined(separator: ", "))"
        }
        return out + "\n"
    }
}
