import ArgumentParser
import Foundation
import GuideKit

struct L10nAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Start a catalog for a new locale: every key, its source text as a comment, an empty translation.",
        discussion: """
            Writes CONTENT/locales/LOCALE.yaml. Each entry has the source text above it as a \
            comment, `source` already set to that text's fingerprint and an empty `text`, which \
            counts as missing until a translator fills it in. Never overwrites a catalog. The \
            catalog's `name` is the locale's name in its own language, from the platform's CLDR \
            data; check it.

            Exit codes: 0 written; 2 could not run (not a BCP 47 tag, the source locale, a \
            catalog already there, content with errors).
            """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The BCP 47 tag of the new locale (de, zh-Hans, pt-BR, ar).", valueName: "locale"))
    var locale: String

    func validate() throws {
        guard LanguageTag.isWellFormed(locale) else {
            throw ValidationError("‘\(locale)’ is not a BCP 47 language tag: write e.g. de, zh-Hans or pt-BR")
        }
    }

    func run() throws {
        let loaded = TranslationProject.load(contentDirectory: options.content, templates: nil)
        guard let project = loaded.project else { throw Failure.content(diagnostics: loaded.diagnostics, files: loaded.files, command: "l10n add") }
        let source = project.guide.sourceLocale.value
        guard locale.lowercased() != source.lowercased() else {
            throw Failure("‘\(locale)’ is the source locale: its text is the content itself and needs no catalog")
        }
        let path = project.catalogPath(locale)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure("\(path) exists already: edit it, or remove it to start again (guidegen never overwrites a catalog)")
        }
        if let other = project.catalogs.first(where: { $0.locale.value.lowercased() == locale.lowercased() }) {
            throw Failure("there is a catalog for ‘\(other.locale.value)’ already (\(other.file)): tags are case-insensitive")
        }
        let yaml = CatalogSkeleton.yaml(guide: project.guide, locale: locale, name: LocaleNames.autonym(locale))
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(Data(yaml.utf8), to: URL(fileURLWithPath: path), replacing: false)
        } catch {
            throw Failure("cannot write \(path): \(error.localizedDescription)")
        }
        let count = project.guide.texts.count
        print("guidegen l10n add: wrote \(path) with \(count) \(count == 1 ? "entry" : "entries") to translate (name: \(LocaleNames.autonym(locale)))")
    }
}
