import ArgumentParser
import Foundation
import GuideKit

/// Interchange formats `guidegen l10n export` writes.
enum InterchangeFormat: String, ChoiceArgument {
    case xliff
}

struct L10nExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a locale's strings as XLIFF 1.2 for translators' tools.",
        discussion: """
            One unit per translation key: the source text, the catalog's translation as target, \
            its state (translated and approved; needs-review-translation when the source text \
            changed; needs-translation when missing), the place of the source text in the content \
            and the fingerprint the translation was made from. Markdown syntax and link destinations \
            are inline tags, UI labels protected text, so a translator cannot break them. A locale \
            without a catalog exports with every target empty.

            Exit codes: 0 written; 2 could not run (bad locale, content with errors, unwritable file).
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The target locale (a BCP 47 tag).", valueName: "locale"))
    var locale: String

    @Option(name: .long, help: "The interchange format.")
    var format: InterchangeFormat = .xliff

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard LanguageTag.isWellFormed(locale) else { throw ValidationError("‘\(locale)’ is not a BCP 47 language tag: write e.g. en, de or zh-Hans") }
    }

    func run() throws {
        let loaded = TranslationProject.load(contentDirectory: options.content, templates: nil)
        guard let project = loaded.project else { throw Failure.content(diagnostics: loaded.diagnostics, files: loaded.files, command: "l10n export") }
        guard locale != project.guide.sourceLocale.value else {
            throw Failure("‘\(locale)’ is the source locale: export a target locale (\(project.catalogs.map(\.locale.value).joined(separator: ", ")))")
        }
        let document = XLIFFDocument(project: project, locale: locale)
        if let bad = document.units.first(where: { !XLIFFWriter.isRepresentable($0.source.markdown) || !XLIFFWriter.isRepresentable($0.target.markdown) }) {
            throw Failure("the text of ‘\(bad.id)’ has a control character XML cannot carry (\(bad.location)): remove it")
        }
        let xml = XLIFFWriter.xml(document)
        guard let output else {
            print(xml, terminator: "")
            return
        }
        do {
            try AtomicFile.write(Data(xml.utf8), to: URL(fileURLWithPath: output))
        } catch {
            throw Failure("cannot write \(output): \(error)")
        }
        let translated = document.units.filter { $0.state == .translated }.count
        FileHandle.standardError.write(Data("guidegen l10n export: wrote \(output): \(document.units.count) units for \(locale), \(translated) translated\n".utf8))
    }
}
