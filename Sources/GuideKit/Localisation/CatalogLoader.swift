import Foundation

/// The catalogs of a content folder, and every problem found reading them.
public struct CatalogLoadResult: Sendable {
    /// Sorted by locale.
    public var catalogs: [Catalog]
    public var diagnostics: [Diagnostic]
    public var files: [String: SourceFile]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads `locales/<locale>.yaml` under a content folder. Loading is apart from looking strings up
/// (`LocaleResolver`), so a catalog can be checked without rendering anything.
public struct CatalogLoader {
    /// The content folder as the user named it.
    public let directory: String
    /// Threads catalogs are read and parsed on; the result is the same for any number.
    public var threads = Parallel.defaultThreads
    /// Where catalogs parsed before are kept by their bytes; nil parses every file.
    public var cache: ParsedFileCache?

    public init(directory: String) { self.directory = directory }

    public func load() -> CatalogLoadResult {
        finish(Parallel.map(names(), threads: threads, catalog))
    }

    /// One catalog file, read and parsed.
    typealias CatalogResult = (catalog: Catalog?, diagnostics: [Diagnostic], file: (String, SourceFile)?)

    /// The catalog files' names (`tr.yaml`), sorted.
    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The catalog in the file `name`. Catalogs are independent: each can be read on a thread of
    /// its own, and `finish` takes the results in name order.
    func catalog(_ name: String) -> CatalogResult {
        var diagnostics: [Diagnostic] = []
        let display = displayPath("locales/\(name)")
        let url = folder.appendingPathComponent(name)
        guard let bytes = YAMLFile.contents(url, displayPath: display, within: URL(fileURLWithPath: directory), diagnostics: &diagnostics) else { return (nil, diagnostics, nil) }
        // Kept only when it read without a problem, under its name, which holds the locale.
        if let (catalog, source) = cache?.catalog(atPath: url.path, displayPath: display, bytes: bytes) { return (catalog, [], (display, source)) }
        let locale = String(name.dropLast(5))
        if let (catalog, source) = YAMLFile.catalog(bytes, displayPath: display, expectedLocale: locale) {
            cache?.store(catalog, atPath: url.path, displayPath: display, bytes: bytes)
            return (catalog, [], (display, source))
        }
        guard let file = YAMLFile.parse(bytes, displayPath: display, diagnostics: &diagnostics) else { return (nil, diagnostics, nil) }
        guard let root = file.root else {
            diagnostics.append(Diagnostic(id: "empty-file", message: "the catalog is empty: write `locale`, `name` and `entries` or remove it",
                                          at: SourceLocation(file: display, line: 1, column: 1)))
            return (nil, diagnostics, (display, file.source))
        }
        var reader = NodeReader(file: file.source)
        let catalog = Catalog.read(root, expectedLocale: locale, reader: &reader)
        diagnostics += reader.diagnostics
        if let catalog, diagnostics.isEmpty { cache?.store(catalog, atPath: url.path, displayPath: display, bytes: bytes) }
        return (catalog, diagnostics, (display, file.source))
    }

    /// The catalogs of `loaded`, sorted by locale.
    func finish(_ loaded: [CatalogResult]) -> CatalogLoadResult {
        var diagnostics: [Diagnostic] = []
        var files: [String: SourceFile] = [:]
        var catalogs: [Catalog] = []
        for result in loaded {
            if let catalog = result.catalog { catalogs.append(catalog) }
            diagnostics += result.diagnostics
            if let (display, source) = result.file { files[display] = source }
        }
        return CatalogLoadResult(catalogs: catalogs.sorted { $0.locale.value < $1.locale.value }, diagnostics: diagnostics.sorted(), files: files)
    }

    private var folder: URL { URL(fileURLWithPath: directory).appendingPathComponent("locales") }

    /// Reads one catalog from its text (a catalog about to be written, to check it reads back as meant).
    public static func parse(_ text: String, displayPath: String, expectedLocale: String) -> (catalog: Catalog?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let file = YAMLFile.parse(Data(text.utf8), displayPath: displayPath, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let catalog = catalog(in: file, expectedLocale: expectedLocale, diagnostics: &diagnostics)
        return (catalog, diagnostics)
    }

    private static func catalog(in file: YAMLFile, expectedLocale: String, diagnostics: inout [Diagnostic]) -> Catalog? {
        guard let root = file.root else {
            diagnostics.append(Diagnostic(id: "empty-file", message: "the catalog is empty: write `locale`, `name` and `entries` or remove it",
                                          at: SourceLocation(file: file.source.path, line: 1, column: 1)))
            return nil
        }
        var reader = NodeReader(file: file.source)
        let catalog = Catalog.read(root, expectedLocale: expectedLocale, reader: &reader)
        diagnostics += reader.diagnostics
        return catalog
    }

    private func displayPath(_ relative: String) -> String {
        directory.isEmpty || directory == "." ? relative : (directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
    }
}

extension Catalog {
    static func read(_ root: YAMLNode, expectedLocale: String, reader: inout NodeReader) -> Catalog? {
        guard let fields = reader.fields(of: root, what: "catalog", known: ["locale", "name", "entries"], required: ["locale", "name", "entries"])
        else { return nil }
        let locale = fields["locale"].flatMap { reader.string($0, what: "locale") }
        if let locale, locale.value != expectedLocale {
            reader.diagnostics.append(Diagnostic(id: "locale-mismatch", message: "the catalog says locale ‘\(locale.value)’ but its file is \(expectedLocale).yaml: make them the same", at: locale.location))
        }
        if let locale, !LanguageTag.isWellFormed(locale.value) {
            reader.diagnostics.append(Diagnostic(id: "invalid-locale", message: "‘\(locale.value)’ is not a BCP 47 language tag: write e.g. ‘en’ or ‘zh-Hans’", at: locale.location))
        } else if let locale, PathSafety.isReserved(locale.value) {
            // The locale names the output folders (`html/<locale>/`).
            reader.diagnostics.append(Diagnostic(id: "reserved-name", message: "‘\(locale.value)’ is a device name Windows reserves, so its pages could not be published there: use another tag", at: locale.location))
        }
        let name = fields["name"].flatMap { reader.string($0, what: "name") }
        var entries: [Entry] = []
        // Each key's position in `entries`: the check for a key that comes twice, and the catalog's index.
        var positions: [String: Int32] = [:]
        if let node = fields["entries"] {
            if case .mapping(let mapping) = node {
                entries.reserveCapacity(mapping.count)
                positions.reserveCapacity(mapping.count)
                for (keyNode, valueNode) in mapping {
                    guard let key = reader.string(keyNode, what: "entry key") else { continue }
                    if positions[key.value] != nil {
                        reader.report("duplicate-key", "the key ‘\(key.value)’ is translated twice: keep one", at: keyNode)
                        continue
                    }
                    guard let entry = reader.fields(of: valueNode, what: "entry", known: ["source", "text"], required: ["source", "text"]) else { continue }
                    let source = entry["source"].flatMap { reader.string($0, what: "source") }
                    if let source, !Fingerprint.isWellFormed(source.value) {
                        reader.diagnostics.append(Diagnostic(id: "invalid-fingerprint", message: "‘\(source.value)’ is not a fingerprint: write the 16 lower-case hex digits of the source text’s FNV-1a hash", at: source.location))
                    }
                    // An empty text is a translation still to be written (a skeleton's entry), not an error.
                    let text = entry["text"].flatMap { reader.text($0, what: "text", key: key.value, allowEmpty: true) }
                    if let source, let text {
                        positions[key.value] = Int32(entries.count)
                        entries.append(Entry(key: key, source: source, text: text))
                    }
                }
            } else {
                reader.report("wrong-type", "expected the entries as a mapping of key → {source, text}", at: node)
            }
        }
        guard let locale, let name, reader.diagnostics.isEmpty else { return nil }
        return Catalog(locale: locale, name: name, entries: Entries(entries, positions: positions), file: reader.file.path)
    }
}
