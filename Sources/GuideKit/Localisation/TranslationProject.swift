/// What the `l10n` commands work on: the content, its catalogs and the chrome strings, loaded
/// and checked, without templates or rendering.
public struct TranslationProject: Sendable {
    public var guide: Guide
    public var catalogs: [Catalog]
    public var chrome: ChromeStrings
    /// The content folder as the user named it.
    public var contentDirectory: String

    public struct LoadResult: Sendable {
        /// Set when the content and the catalogs loaded without errors.
        public var project: TranslationProject?
        public var diagnostics: [Diagnostic]
        public var files: [String: SourceFile]
    }

    public static func load(contentDirectory: String, templates: TemplateFolders?) -> LoadResult {
        let content = ContentLoader(directory: contentDirectory).load()
        var diagnostics = content.diagnostics
        var files = content.files
        let catalogs = CatalogLoader(directory: contentDirectory).load()
        diagnostics += catalogs.diagnostics
        files.merge(catalogs.files) { first, _ in first }
        let sourceLocale = content.guide?.sourceLocale.value ?? "tr"
        let chrome = templates.map { ChromeStrings.load($0, sourceLocale: sourceLocale, diagnostics: &diagnostics, files: &files) }
            ?? ChromeStrings(layers: [], fallbackLocale: sourceLocale)
        for catalog in catalogs.catalogs where catalog.locale.value == sourceLocale {
            diagnostics.append(Diagnostic(id: "source-catalog", message: "‘\(sourceLocale)’ is the source locale: its text is the content itself, remove this catalog", at: catalog.locale.location))
        }
        diagnostics.sort()
        guard let guide = content.guide, !diagnostics.contains(where: { $0.severity == .error }) else {
            return LoadResult(project: nil, diagnostics: diagnostics, files: files)
        }
        return LoadResult(project: TranslationProject(guide: guide, catalogs: catalogs.catalogs, chrome: chrome, contentDirectory: contentDirectory),
                          diagnostics: diagnostics, files: files)
    }

    public func catalog(_ locale: String) -> Catalog? { catalogs.first { $0.locale.value == locale } }

    /// Where the catalog of `locale` is (or would be): `<content>/locales/<locale>.yaml`.
    public func catalogPath(_ locale: String) -> String { displayPath(contentDirectory, "locales/\(locale).yaml") }
}
