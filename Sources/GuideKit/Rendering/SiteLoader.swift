import Foundation

/// Everything a build reads, loaded and checked: the content, its catalogs, the chrome strings,
/// the templates of the requested formats, the stylesheet and the screenshots. Reading only;
/// nothing is written.
public struct SiteLoader {
    public var contentDirectory: String
    public var templates: TemplateFolders
    public var formats: [OutputFormat]
    /// Threads files are read and parsed on; the result is the same for any number.
    public var threads: Int
    /// Where section files and catalogs parsed before are kept by their bytes; nil parses every file.
    public var cache: ParsedFileCache?

    public init(contentDirectory: String, templates: TemplateFolders, formats: [OutputFormat] = OutputFormat.allCases, threads: Int = Parallel.defaultThreads) {
        self.contentDirectory = contentDirectory
        self.templates = templates
        self.formats = formats
        self.threads = threads
    }

    public struct Result: Sendable {
        /// Set when everything loaded without errors.
        public var renderer: SiteRenderer?
        public var diagnostics: [Diagnostic]
        /// Every file read, by display path, for reporters.
        public var files: [String: SourceFile]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func load() -> Result {
        // The content and the catalogs load together (see `ContentAndCatalogs`).
        var contentLoader = ContentLoader(directory: contentDirectory)
        var catalogLoader = CatalogLoader(directory: contentDirectory)
        contentLoader.threads = threads
        catalogLoader.threads = threads
        contentLoader.cache = cache
        catalogLoader.cache = cache
        let parses = InlineParseCache()
        contentLoader.parses = parses
        let (content, catalogs, templateSets) = ContentAndCatalogs.load(contentLoader, catalogLoader, threads: threads, alongside: loadTemplates)
        var diagnostics = content.diagnostics + catalogs.diagnostics + templateSets.diagnostics
        var files = content.files
        files.merge(catalogs.files) { first, _ in first }
        files.merge(templateSets.files) { first, _ in first }

        // Chrome strings: the user's tables over the built-in ones.
        let sourceLocale = content.guide?.sourceLocale.value ?? "tr"
        let chrome = ChromeStrings.load(templates, sourceLocale: sourceLocale, diagnostics: &diagnostics, files: &files)
        if chrome.chain(for: sourceLocale).isEmpty {
            diagnostics.append(Diagnostic(id: "missing-strings", message: "no strings/\(sourceLocale).yaml for the source locale: restore the built-in templates",
                                          at: SourceLocation(file: templates.builtin.display + "/strings/\(sourceLocale).yaml", line: 1, column: 1)))
        }

        let sets = templateSets.sets
        let known = Set(chrome.keys)
        for format in sets.keys.sorted() {
            for reference in sets[format]!.stringReferences where !known.contains(reference.value) {
                let hint = closestMatch(to: reference.value, in: chrome.keys).map { "did you mean ‘\($0)’?" } ?? "add it to strings/\(sourceLocale).yaml"
                diagnostics.append(Diagnostic(id: "unknown-string", message: "no chrome string ‘\(reference.value)’: \(hint)", at: reference.location))
            }
        }

        var htmlAssets: [MediaAsset] = []
        if formats.contains(.html) {
            for file in templates.files(under: "html/assets") {
                let bytes: Data
                switch ConfinedFile.contents(of: file.url, within: file.root, limit: MediaAsset.maximumBytes) {
                case .success(let data): bytes = data
                case .failure(let failure):
                    diagnostics.append(failure.diagnostic(file: file.display, what: "asset", limit: MediaAsset.maximumBytes))
                    continue
                }
                htmlAssets.append(MediaAsset(outputPath: String(file.relative.dropFirst("html/assets/".count)), bytes: bytes))
            }
        }

        var media: [String: MediaAsset] = [:]
        if let guide = content.guide {
            media = MediaAsset.loadScreenshots(of: guide, contentDirectory: contentDirectory, diagnostics: &diagnostics)
        }
        // A catalog for the source locale would shadow the source.
        for catalog in catalogs.catalogs where catalog.locale.value == sourceLocale {
            diagnostics.append(Diagnostic(id: "source-catalog", message: "‘\(sourceLocale)’ is the source locale: its text is the content itself, remove this catalog", at: catalog.locale.location))
        }

        diagnostics.sort()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        guard !hasErrors, let guide = content.guide else { return Result(renderer: nil, diagnostics: diagnostics, files: files) }
        let renderer = SiteRenderer(guide: guide, catalogs: catalogs.catalogs, chrome: chrome, templates: sets, htmlAssets: htmlAssets, media: media, parses: parses)
        return Result(renderer: renderer, diagnostics: diagnostics, files: files)
    }

    /// The template sets of the requested formats, read and compiled; run beside the content's loading.
    private func loadTemplates() -> (sets: [OutputFormat: TemplateSet], diagnostics: [Diagnostic], files: [String: SourceFile]) {
        var sets: [OutputFormat: TemplateSet] = [:]
        var diagnostics: [Diagnostic] = []
        var files: [String: SourceFile] = [:]
        for format in formats.sorted() {
            sets[format] = TemplateSet.load(format, from: templates, required: SiteRenderer.requiredTemplates[format] ?? [], diagnostics: &diagnostics, files: &files)
        }
        return (sets, diagnostics, files)
    }
}
