import ArgumentParser

/// `guidegen l10n …`: the translators' side of the guide.
struct L10n: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "l10n",
        abstract: "Work with the translations: coverage, new catalogs, XLIFF export and import.",
        discussion: """
            Catalogs are Content/locales/<locale>.yaml; each entry records the fingerprint of the \
            source text it was translated from, so an entry whose source text changed needs review.
            """,
        subcommands: [L10nStatus.self, L10nAdd.self, L10nExport.self, L10nImport.self]
    )
}
