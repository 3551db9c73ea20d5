import Foundation

/// Why validation could not run at all (exit code 2), kept apart from findings in the content:
/// a missing folder, an invalid `guidegen.yaml`.
public struct ValidationFailure: Sendable, Hashable, Codable {
    /// Stable kebab-case id: `missing-folder`, `unknown-rule` …
    public var id: String
    public var message: String
    public var location: SourceLocation?

    public init(id: String, message: String, location: SourceLocation? = nil) {
        self.id = id
        self.message = message
        self.location = location
    }
}

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

/// The outcome of `guidegen validate`: the findings, or why it could not run, with what the
/// reporters need (the files for source lines, the rules for metadata).
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Why validation could not run; empty when it ran.
    public var failures: [ValidationFailure]
    /// Every file read, by display path, for reporters that show source lines.
    public var files: [String: SourceFile]
    /// The rules that exist, for reporters that describe them.
    public var rules: [RuleDescriptor]
    /// Problems of the run itself that did not stop it (e.g. the link cache could not be written).
    public var warnings: [String] = []
    /// The section rules' findings to keep for the next run, when this one was asked to reuse them.
    public var sectionFindings: SectionFindings?

    public init(diagnostics: [Diagnostic], failures: [ValidationFailure] = [], files: [String: SourceFile] = [:], rules: [RuleDescriptor] = RuleRegistry.descriptors) {
        self.diagnostics = diagnostics
        self.failures = failures
        self.files = files
        self.rules = rules
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }
}

/// Loads content (and rendered output), reads the configuration and runs the validator: the
/// library side of `guidegen validate`.
public enum ValidationRun {
    /// `contentDirectory` and `outputDirectory` are named as the user named them; diagnostics use
    /// these names. `cache` keeps parsed section files and catalogs for the next run; the
    /// section rules' findings in `sectionFindings` are reused where their inputs did not change,
    /// and the report holds those to keep (see `SectionFindings`).
    public static func run(contentDirectory: String, outputDirectory: String? = nil, rules: [any Rule] = RuleRegistry.rules,
                           cache: ParsedFileCache? = nil, sectionFindings: SectionFindings? = nil) -> ValidationReport {
        let prepared: Prepared
        switch prepare(contentDirectory: contentDirectory, outputDirectory: outputDirectory, rules: rules, cache: cache) {
        case .failure(let failed): return failed.report
        case .success(let ready): prepared = ready
        }
        let report = prepared.finish(online: nil, reusing: sectionFindings)
        // The content as loaded (every section, catalog and node) is freed off the run's path.
        Parallel.release(consume prepared)
        return report
    }

    /// The same, and the registry's URLs checked online once the content has loaded: what
    /// `guidegen validate --online` runs. The options are the configuration's `online:` settings,
    /// changed by `adjust` (e.g. `--no-cache`). `transport` is the network unless a test or an
    /// example gives canned answers.
    public static func run(contentDirectory: String, outputDirectory: String? = nil, rules: [any Rule] = RuleRegistry.rules,
                           cache: ParsedFileCache? = nil, online adjust: (inout OnlineCheckOptions) -> Void, transport: (any HTTPTransport)? = nil,
                           now: @escaping @Sendable () -> Date) async -> ValidationReport {
        switch prepare(contentDirectory: contentDirectory, outputDirectory: outputDirectory, rules: rules, cache: cache) {
        case .failure(let failed):
            return failed.report
        case .success(let prepared):
            guard let guide = prepared.load.guide else { return prepared.finish(online: nil) }
            var options = prepared.configuration.online
            adjust(&options)
            let checker: LinkChecker
            do {
                checker = try transport.map { try LinkChecker(options: options, transport: $0, now: now) } ?? LinkChecker(options: options, now: now)
            } catch {
                let id = if case OnlineCheckError.networkUnavailable = error { "online-unavailable" } else { "online-options" }
                return ValidationReport(diagnostics: [], failures: [ValidationFailure(id: id, message: "\(error)")], files: prepared.files)
            }
            let report = await checker.check(guide.links)
            var finished = prepared.finish(online: report)
            finished.warnings = report.cacheIssues.map(\.description)
            return finished
        }
    }

    /// Everything before the rules run: the folders exist, the configuration is valid, the content
    /// and the output are read.
    private static func prepare(contentDirectory: String, outputDirectory: String?, rules: [any Rule], cache: ParsedFileCache?) -> Result<Prepared, FailedRun> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(FailedRun(ValidationReport(diagnostics: [], failures: [ValidationFailure(id: "missing-folder", message: "no content folder at ‘\(contentDirectory)’: pass --content DIR")])))
        }
        var output: RenderedOutput?
        if let outputDirectory {
            guard let scanned = RenderedOutput.scan(directory: outputDirectory) else {
                return .failure(FailedRun(ValidationReport(diagnostics: [], failures: [ValidationFailure(id: "missing-folder", message: "no output folder at ‘\(outputDirectory)’: render it first or pass --output DIR")])))
            }
            output = scanned
        }
        let configuration = ValidationConfiguration.load(contentDirectory: contentDirectory, ruleIDs: rules.map(\.id))
        var files: [String: SourceFile] = [:]
        if let file = configuration.file { files[file.path] = file }
        guard configuration.diagnostics.isEmpty else {
            let failures = configuration.diagnostics.sorted().map { ValidationFailure(id: $0.id, message: $0.message, location: $0.location) }
            return .failure(FailedRun(ValidationReport(diagnostics: [], failures: failures, files: files)))
        }
        // The catalogs are checked with the content: their own problems, and the translation
        // rules. The two load together, as for a build.
        var contentLoader = ContentLoader(directory: contentDirectory), catalogLoader = CatalogLoader(directory: contentDirectory)
        contentLoader.cache = cache
        catalogLoader.cache = cache
        // The texts with links the loader parses are not parsed again for the rules.
        contentLoader.parses = InlineParseCache()
        let (content, catalogs) = ContentAndCatalogs.load(contentLoader, catalogLoader, threads: Parallel.defaultThreads)
        var load = content
        load.catalogs = catalogs.catalogs
        load.diagnostics = (load.diagnostics + catalogs.diagnostics).sorted()
        load.files.merge(catalogs.files) { first, _ in first }
        files.merge(load.files) { first, _ in first }
        for page in output.map({ Array($0.pages.values) }) ?? [] { files[page.source.path] = page.source }
        return .success(Prepared(rules: rules, configuration: configuration.configuration, load: load, output: output, files: files))
    }

    /// A run that could not start, as its report.
    private struct FailedRun: Error {
        let report: ValidationReport
        init(_ report: ValidationReport) { self.report = report }
    }

    private struct Prepared {
        let rules: [any Rule]
        let configuration: ValidationConfiguration
        let load: LoadResult
        let output: RenderedOutput?
        let files: [String: SourceFile]

        func finish(online: LinkCheckReport?, reusing previous: SectionFindings? = nil) -> ValidationReport {
            let (diagnostics, sections) = Validator(rules: rules).validate(load, configuration: configuration, output: output, online: online, reusing: previous)
            var report = ValidationReport(diagnostics: diagnostics, files: files, rules: rules.map(\.descriptor))
            report.sectionFindings = sections
            return report
        }
    }
}
