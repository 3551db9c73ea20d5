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
    /// `contentDirectory` and `outputDirectory` are named as the user named them; diagnostics use these names.
    public static func run(contentDirectory: String, outputDirectory: String? = nil, rules: [any Rule] = RuleRegistry.rules) -> ValidationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ValidationReport(diagnostics: [], failures: [ValidationFailure(id: "missing-folder", message: "no content folder at ‘\(contentDirectory)’: pass --content DIR")])
        }
        var output: RenderedOutput?
        if let outputDirectory {
            guard let scanned = RenderedOutput.scan(directory: outputDirectory) else {
                return ValidationReport(diagnostics: [], failures: [ValidationFailure(id: "missing-folder", message: "no output folder at ‘\(outputDirectory)’: render it first or pass --output DIR")])
            }
            output = scanned
        }
        let configuration = ValidationConfiguration.load(contentDirectory: contentDirectory, ruleIDs: rules.map(\.id))
        var files: [String: SourceFile] = [:]
        if let file = configuration.file { files[file.path] = file }
        guard configuration.diagnostics.isEmpty else {
            let failures = configuration.diagnostics.sorted().map { ValidationFailure(id: $0.id, message: $0.message, location: $0.location) }
            return ValidationReport(diagnostics: [], failures: failures, files: files)
        }
        let load = ContentLoader(directory: contentDirectory).load()
        files.merge(load.files) { first, _ in first }
        for page in output.map({ Array($0.pages.values) }) ?? [] { files[page.source.path] = page.source }
        let diagnostics = Validator(rules: rules).validate(load, configuration: configuration.configuration, output: output)
        return ValidationReport(diagnostics: diagnostics, files: files, rules: rules.map(\.descriptor))
    }
}
