import ArgumentParser
import Foundation
import GuideKit

struct L10nImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a translated XLIFF 1.2 file into its locale's catalog.",
        discussion: """
            Updates the catalog of the file's target-language (creating it as `l10n add` would when \
            there is none): a translated target becomes the entry's text with the current source \
            text's fingerprint; a target still marked for review keeps the fingerprint it was \
            exported with; an empty target leaves the entry as it is. Units whose source is not \
            the current text, with tags the source does not have, or with a changed UI label are \
            refused and listed. The catalog is written through a temporary file renamed into \
            place, and only entries that change are touched. A file that is not well-formed XLIFF \
            1.2 changes nothing. Importing a file exported without edits changes nothing.

            Exit codes: 0 imported; 1 units refused (the others imported) or the file is not \
            well-formed XLIFF (nothing imported); 2 could not run (no such file, content with errors).
            """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The XLIFF file.", valueName: "file"))
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure("cannot read ‘\(file)’: check the path") }
        let loaded = TranslationProject.load(contentDirectory: options.content, templates: nil)
        guard let project = loaded.project else { throw Failure.content(diagnostics: loaded.diagnostics, files: loaded.files, command: "l10n import") }
        let merge = XLIFFImport(data: data, displayPath: file, project: project)
        let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let reporter = TextReporter(colour: colour)
        guard merge.fatal.isEmpty else {
            print(reporter.report(merge.fatal, files: [file: merge.file]), terminator: "")
            print("guidegen l10n import: nothing imported")
            throw Outcome.findings.exitCode
        }

        // Every catalog's new text first; write only when all of them could be made.
        var writes: [(path: String, text: String)] = []
        var summaries: [String] = []
        for plan in merge.plans {
            let path = project.catalogPath(plan.locale)
            let existing = project.catalog(plan.locale)
            let original: String
            let catalog: Catalog
            if let existing {
                guard let data = FileManager.default.contents(atPath: path) else { throw Failure("cannot read \(path)") }
                original = String(decoding: data, as: UTF8.self)
                catalog = existing
            } else {
                original = CatalogSkeleton.yaml(guide: project.guide, locale: plan.locale, name: LocaleNames.autonym(plan.locale))
                guard let skeleton = CatalogLoader.parse(original, displayPath: path, expectedLocale: plan.locale).catalog else {
                    throw Failure("cannot start a catalog for ‘\(plan.locale)’: run `guidegen l10n add \(plan.locale)` to see why")
                }
                catalog = skeleton
            }
            let editor = CatalogEditor(text: original, catalog: catalog, sources: project.guide.texts, sourceLocale: project.guide.sourceLocale.value)
            let updated: String
            do {
                updated = try editor.apply(plan.changes)
            } catch {
                throw Failure("\(path): \(error.description)")
            }
            // The new file must read back as exactly the entries meant, before it replaces the old one.
            let expected = Self.entries(of: catalog).merging(plan.changes.mapValues { Pair(($0.fingerprint, $0.text)) }, uniquingKeysWith: { $1 })
            guard let reread = CatalogLoader.parse(updated, displayPath: path, expectedLocale: plan.locale).catalog, Self.entries(of: reread) == expected else {
                throw Failure("\(path): guidegen could not edit the catalog so it reads back as intended; nothing was written (please report this)")
            }
            let added = plan.changes.keys.filter { existing?.entries[$0] == nil }.count
            // A catalog that does not exist yet is written only when it gets a translation.
            if updated != original { writes.append((path, updated)) }
            summaries.append("\(plan.locale): \(plan.changes.count - added) updated, \(added) added, \(plan.unchanged) unchanged, \(plan.refused.count) refused")
        }
        for write in writes {
            do {
                try AtomicFile.write(Data(write.text.utf8), to: URL(fileURLWithPath: write.path))
            } catch {
                throw Failure("cannot write \(write.path): \(error)")
            }
        }
        let refused = merge.plans.flatMap(\.refused)
        if !refused.isEmpty { print(reporter.report(refused, files: [file: merge.file]), terminator: "") }
        let wrote = writes.isEmpty ? "no catalog changed" : "wrote " + writes.map(\.path).joined(separator: ", ")
        print("guidegen l10n import: \(summaries.joined(separator: "; ")); \(wrote)")
        if !refused.isEmpty { throw Outcome.findings.exitCode }
    }

    struct Pair: Equatable {
        var fingerprint: String
        var text: String
        init(_ pair: (String, String)) { (fingerprint, text) = pair }
    }

    static func entries(of catalog: Catalog) -> [String: Pair] {
        Dictionary(uniqueKeysWithValues: catalog.entries.map { ($0.key.value, Pair(($0.source.value, $0.text.value))) })
    }
}
