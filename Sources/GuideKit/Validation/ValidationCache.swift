import Foundation

/// The findings of the last `guidegen validate` of a content folder, kept with a digest of its
/// inputs, so that a run on unchanged files reports them again without loading or checking
/// anything: what a pre-commit hook, a CI step that runs again, or an editor validating on save
/// mostly does. Any change to an input makes the next run a full one, which replaces the entry.
///
/// Inputs are compared by content, never by dates, as for a build (`BuildStamp`): every file
/// below the content folder (hidden folders aside, as the loaders never read them) and below the
/// output folder checked (hidden folders included: links may point into them), the folders as
/// named (diagnostics name files with them), and the identity of the guidegen executable, so a
/// different guidegen never trusts an entry another one wrote. A run with `--online` is not
/// cached (its answers depend on the network and the day), nor is one that could not start, nor
/// one during which an input changed.
public struct ValidationCache: Sendable, Equatable, Codable {
    /// One source line a finding points at, for reports that show it.
    public struct Excerpt: Sendable, Equatable, Codable {
        public var file: String
        public var line: Int
        public var text: String
    }

    public var format = Self.currentFormat
    /// The digest of the inputs (`inputs(content:output:)`).
    public var inputs: String
    public var diagnostics: [Diagnostic]
    /// The lines the findings point at, as the run read them.
    public var excerpts: [Excerpt]

    /// The entry for a finished run: its findings and the lines they point at.
    public init(inputs: String, report: ValidationReport) {
        self.inputs = inputs
        diagnostics = report.diagnostics
        var seen: Set<SourceLocation> = []
        excerpts = report.diagnostics.compactMap { diagnostic in
            let location = SourceLocation(file: diagnostic.location.file, line: diagnostic.location.line, column: 1)
            guard seen.insert(location).inserted, let text = report.files[location.file]?.line(location.line) else { return nil }
            return Excerpt(file: location.file, line: location.line, text: text)
        }
    }

    /// The run's report again. Each file holds the lines the findings point at, in their places
    /// (a line holds no line break, so joining them keeps every number), and nothing else.
    public var report: ValidationReport {
        var files: [String: SourceFile] = [:]
        for (file, excerpts) in Dictionary(grouping: excerpts, by: \.file) {
            let byLine = Dictionary(excerpts.map { ($0.line, $0.text) }) { first, _ in first }
            let last = byLine.keys.max() ?? 0
            files[file] = SourceFile(path: file, text: (1...max(1, last)).map { byLine[$0] ?? "" }.joined(separator: "\n"))
        }
        return ValidationReport(diagnostics: diagnostics, files: files)
    }

    // MARK: Inputs

    /// The digest of what a run of `guidegen validate` on `content` (and `output`) reads.
    public static func inputs(content: String, output: String?, threads: Int = Parallel.defaultThreads) -> String {
        let settings = [guidegenVersion, BuildStamp.executableIdentity, "validate", "content \(content)", "output \(output ?? "-")"]
        let contentDigest = BuildStamp.digest(settings: settings, folders: [URL(fileURLWithPath: content)], threads: threads)
        guard let output else { return contentDigest }
        return BuildStamp.digest(settings: [contentDigest], folders: [URL(fileURLWithPath: output)], hiddenFolders: true, threads: threads)
    }

    // MARK: Storage

    /// Where the entry for `content` (and `output`) is kept below `cache`, named by the folders'
    /// absolute paths.
    public static func location(content: String, output: String?, cache: URL) -> URL {
        var hasher = ContentHasher()
        hasher.add(URL(fileURLWithPath: content).standardizedFileURL.path)
        hasher.add(output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "-")
        return cache.appendingPathComponent("validate-\(hasher.hex)")
    }

    /// Reads an entry; nil when there is none, it cannot be read, or another version wrote it.
    public static func load(from url: URL) -> ValidationCache? {
        guard let data = FileBytes.contents(atPath: url.path),
            let entry = try? JSONDecoder().decode(ValidationCache.self, from: data), entry.format == currentFormat
        else { return nil }
        return entry
    }

    /// Saves the entry; one that cannot be saved only makes the next run a full one.
    public func save(to url: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: .atomic)
    }

    static let currentFormat = "guidegen validate cache 1"
}
