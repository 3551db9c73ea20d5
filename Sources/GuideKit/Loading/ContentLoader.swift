import Foundation

/// The result of loading `Content/`: the guide when it could be built, and every problem found.
public struct LoadResult: Sendable {
    public var guide: Guide?
    public var diagnostics: [Diagnostic]
    /// The files read, by display path, for reporters that show source lines.
    public var files: [String: SourceFile]
    /// The translation catalogs, when they were loaded too (`guidegen validate` loads them).
    public var catalogs: [Catalog] = []
    /// The texts' parses the loader kept (see `ContentLoader.parses`).
    var parses: InlineParseCache?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads a content folder (`guide.yaml`, `links.yaml`, `sections/<id>.yaml`) into a `Guide`,
/// reporting every problem of every file in one pass.
public struct ContentLoader {
    /// The folder as the user named it; diagnostics name files below it with this prefix.
    public let directory: String
    /// Threads section files are read and parsed on; the result is the same for any number.
    public var threads = Parallel.defaultThreads
    /// Where section files parsed before are kept by their bytes; nil parses every file.
    public var cache: ParsedFileCache?
    /// Where the inline Markdown of the texts the loader parses is kept, for the pages or rules
    /// that parse them again; handed on in the result.
    var parses: InlineParseCache?

    /// The folder's path as a file URL gives it, worked out once: every file is named by a path
    /// joined to it, where a `URL` for each file, and its `path`, took about 80,000 instructions.
    private let rootPath: String

    public init(directory: String) {
        self.directory = directory
        rootPath = URL(fileURLWithPath: directory).path
    }

    /// Reads and parses one file, noting it in `files` and its problems in `diagnostics`.
    private func read(_ relative: String, diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> (SourceFile, YAMLNode)? {
        let display = displayPath(relative)
        guard let bytes = YAMLFile.contents(atPath: path(relative), displayPath: display, within: rootPath, diagnostics: &diagnostics) else { return nil }
        return parsed(bytes, display: display, diagnostics: &diagnostics, files: &files)
    }

    /// Parses a file's bytes, noting it in `files` and its problems in `diagnostics`.
    private func parsed(_ bytes: Data, display: String, diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> (SourceFile, YAMLNode)? {
        guard let file = YAMLFile.parse(bytes, displayPath: display, diagnostics: &diagnostics) else { return nil }
        files[display] = file.source
        guard let root = file.root else {
            diagnostics.append(Diagnostic(id: "empty-file", message: "the file is empty: write its content or remove it", at: SourceLocation(file: display, line: 1, column: 1)))
            return nil
        }
        return (file.source, root)
    }

    public func load() -> LoadResult {
        ContentAndCatalogs.load(self, threads: threads)
    }

    /// What is read before the section files: `guide.yaml`, which lists them.
    struct Start {
        var header: GuideHeader?
        var diagnostics: [Diagnostic] = []
        var files: [String: SourceFile] = [:]
        var sectionIDs: [Located<String>] { header?.sectionIDs ?? [] }
    }

    /// `links.yaml`, read beside the section files.
    typealias LinksResult = (links: LinkRegistry, diagnostics: [Diagnostic], files: [String: SourceFile])

    /// One section file, read, parsed and turned into a section.
    typealias SectionResult = (section: Section?, diagnostics: [Diagnostic], files: [String: SourceFile])

    /// Reads `guide.yaml`.
    func begin() -> Start {
        var start = Start()
        if let (source, root) = read("guide.yaml", diagnostics: &start.diagnostics, files: &start.files) {
            var reader = NodeReader(file: source)
            start.header = GuideHeader.read(root, reader: &reader)
            start.diagnostics += reader.diagnostics
        }
        return start
    }

    /// Reads `links.yaml`. It is read on a thread of its own, with the section files: before them,
    /// it kept the other threads waiting (5 ms at S=1000, whose registry has 2,000 links).
    func links() -> LinksResult {
        var result: LinksResult = (LinkRegistry(entries: []), [], [:])
        if let (source, root) = read("links.yaml", diagnostics: &result.diagnostics, files: &result.files) {
            var reader = NodeReader(file: source)
            result.links = LinkRegistry.read(root, reader: &reader)
            result.diagnostics += reader.diagnostics
        }
        return result
    }

    /// The section file of `reference`. Section files are independent: each can be read on a
    /// thread of its own, and `finish` takes the results in guide order.
    func section(_ reference: Located<String>) -> SectionResult {
        var diagnostics: [Diagnostic] = []
        var files: [String: SourceFile] = [:]
        let relative = "sections/\(reference.value).yaml", file = path(relative)
        guard ConfinedFile.entryExists(atPath: file) else {
            diagnostics.append(Diagnostic(id: "unknown-section", message: "no file \(displayPath(relative)) for the section ‘\(reference.value)’: create it or remove the id", at: reference.location))
            return (nil, diagnostics, files)
        }
        let display = displayPath(relative)
        guard let bytes = YAMLFile.contents(atPath: file, displayPath: display, within: rootPath, diagnostics: &diagnostics) else {
            return (nil, diagnostics, files)
        }
        // Kept only when it parsed without a problem, under its name, which holds the reference.
        if let (section, source) = cache?.section(atPath: file, displayPath: display, bytes: bytes) {
            return (section, [], [display: source])
        }
        guard let (source, root) = parsed(bytes, display: display, diagnostics: &diagnostics, files: &files) else { return (nil, diagnostics, files) }
        var reader = NodeReader(file: source)
        let section = Section.read(root, file: source.path, reader: &reader)
        if let section, section.id.value != reference.value {
            reader.report("id-mismatch", "the section id ‘\(section.id.value)’ differs from its file name: rename one so both are ‘\(reference.value)’", at: root)
        }
        diagnostics += reader.diagnostics
        if let section, diagnostics.isEmpty { cache?.store(section, atPath: file, displayPath: display, bytes: bytes) }
        return (section, diagnostics, files)
    }

    /// The guide from what `begin` and `links` read and the sections of `start.sectionIDs`, in that order.
    func finish(_ start: Start, links: LinksResult, sections loaded: [SectionResult]) -> LoadResult {
        var diagnostics = start.diagnostics + links.diagnostics
        var files = start.files.merging(links.files) { first, _ in first }
        var sections: [Section] = []
        for result in loaded {
            if let section = result.section { sections.append(section) }
            diagnostics += result.diagnostics
            files.merge(result.files) { first, _ in first }
        }
        diagnostics += unlistedSectionFiles(listed: Set(start.sectionIDs.map(\.value)))

        guard let header = start.header, let support = header.support else {
            return LoadResult(guide: nil, diagnostics: diagnostics.sorted(), files: files)
        }
        let guide = Guide(title: header.title, sourceLocale: header.sourceLocale, sections: sections, links: links.links, support: support)
        diagnostics += ReferenceCheck(guide: guide, threads: threads, parses: parses).run()
        var result = LoadResult(guide: guide, diagnostics: diagnostics.sorted(), files: files)
        result.parses = parses
        return result
    }

    /// The path of `relative` below the folder.
    private func path(_ relative: String) -> String { rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative }

    private func displayPath(_ relative: String) -> String { GuideKit.displayPath(directory, relative) }

    /// A section file that `guide.yaml` does not list would silently not be published.
    private func unlistedSectionFiles(listed: Set<String>) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("sections"))) ?? []
        return names.sorted().filter { $0.hasSuffix(".yaml") && !listed.contains(String($0.dropLast(5))) }.map { name in
            Diagnostic(id: "unlisted-section", message: "the section file is not listed in guide.yaml’s ‘sections’: add its id there or delete the file",
                       at: SourceLocation(file: displayPath("sections/\(name)"), line: 1, column: 1))
        }
    }
}

/// What `guide.yaml` holds besides the sections themselves.
struct GuideHeader {
    var title: SourceText
    var sourceLocale: Located<String>
    var sectionIDs: [Located<String>]
    var support: SupportContact?

    static func read(_ root: YAMLNode, reader: inout NodeReader) -> GuideHeader? {
        guard let fields = reader.fields(of: root, what: "guide", known: ["title", "sourceLocale", "sections", "support"],
                                         required: ["title", "sourceLocale", "sections", "support"]) else { return nil }
        let title = fields["title"].flatMap { reader.text($0, what: "title", key: "guide.title") }
        var locale = fields["sourceLocale"].flatMap { reader.string($0, what: "sourceLocale") }
        // The locale names the output folders (`html/<locale>/`).
        if let tag = locale, !LanguageTag.isWellFormed(tag.value) || PathSafety.isReserved(tag.value) {
            reader.diagnostics.append(Diagnostic(id: "invalid-locale", message: "‘\(tag.value)’ is not a BCP 47 language tag guidegen can use as a folder name: write e.g. ‘tr’", at: tag.location))
            locale = nil
        }
        var ids: [Located<String>] = []
        var seen: Set<String> = []
        for node in fields["sections"].map({ reader.items($0, what: "sections") }) ?? [] {
            guard let id = reader.id(node, what: "section id") else { continue }
            // The id names the section's pages in every output folder.
            if PathSafety.isReserved(id.value) {
                reader.report("reserved-name", "‘\(id.value)’ is a device name Windows reserves, so its pages could not be published there: choose another section id", at: node)
                continue
            }
            if !seen.insert(id.value).inserted {
                reader.report("duplicate-id", "the section ‘\(id.value)’ is listed twice: keep one", at: node)
                continue
            }
            ids.append(id)
        }
        let support = fields["support"].flatMap { SupportContact.read($0, reader: &reader) }
        guard let title, let locale else { return nil }
        return GuideHeader(title: title, sourceLocale: locale, sectionIDs: ids, support: support)
    }
}
