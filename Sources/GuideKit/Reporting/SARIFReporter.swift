/// Formats a validation report as SARIF 2.1.0 for code-scanning tools: one run, the rules with
/// their metadata, results with 1-based lines and columns counted in Unicode scalars
/// (`columnKind: unicodeCodePoints`), file paths relative to `%SRCROOT%` (the folder guidegen
/// ran in), and fixes where a diagnostic has one. A run that could not start has
/// `executionSuccessful: false` and its reasons as notifications.
public struct SARIFReporter {
    public static let sourceRoot = "%SRCROOT%"

    public init() {}

    public func log(_ report: ValidationReport) -> SARIFLog {
        var descriptors = report.rules
        let known = Set(descriptors.map(\.id))
        // Loader findings that no rule owns (`wrong-type`, `yaml-syntax` …) still need a rule entry.
        for id in Set(report.diagnostics.map(\.id)).subtracting(known).sorted() {
            descriptors.append(RuleDescriptor(id: id, summary: "the content could not be read as the content format says (see the message)", defaultSeverity: .error))
        }
        let index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let examples = Dictionary(RuleRegistry.rules.map { ($0.id, $0.examples) }, uniquingKeysWith: { first, _ in first })
        let rules = descriptors.map { descriptor in
            SARIFLog.ReportingDescriptor(
                id: descriptor.id,
                shortDescription: .init(text: descriptor.summary),
                fullDescription: nil,
                help: examples[descriptor.id].map { help(descriptor, examples: $0) },
                defaultConfiguration: .init(enabled: nil, level: level(descriptor.defaultSeverity)))
        }
        let results = report.diagnostics.sorted().map { diagnostic in
            let artifact = artifactLocation(diagnostic.location.file)
            let region = SARIFLog.Region(startLine: diagnostic.location.line, startColumn: diagnostic.location.column, endColumn: nil)
            return SARIFLog.Result(
                ruleId: diagnostic.id, ruleIndex: index[diagnostic.id]!, level: level(diagnostic.severity), message: .init(text: diagnostic.message),
                locations: [.init(physicalLocation: .init(artifactLocation: artifact, region: region))],
                fixes: diagnostic.fix.map { fix in
                    [SARIFLog.Fix(
                        description: .init(text: fix.replacement.isEmpty ? "remove the text" : "replace with ‘\(fix.replacement)’"),
                        artifactChanges: [.init(artifactLocation: artifact, replacements: [
                            .init(deletedRegion: .init(startLine: diagnostic.location.line, startColumn: diagnostic.location.column,
                                                       endColumn: diagnostic.location.column + fix.length),
                                  insertedContent: .init(text: fix.replacement)),
                        ])])]
                })
        }
        let notifications = report.failures.map { failure in
            SARIFLog.Notification(
                descriptor: .init(id: failure.id), message: .init(text: failure.message), level: .error,
                locations: failure.location.map { location in
                    [.init(physicalLocation: .init(artifactLocation: artifactLocation(location.file),
                                                   region: .init(startLine: location.line, startColumn: location.column, endColumn: nil)))]
                })
        }
        let run = SARIFLog.Run(
            tool: .init(driver: .init(name: "guidegen", version: guidegenVersion, semanticVersion: guidegenVersion, rules: rules)),
            invocations: [.init(executionSuccessful: report.failures.isEmpty, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            originalUriBaseIds: [Self.sourceRoot: .init(uri: nil, uriBaseId: nil, description: .init(text: "The folder guidegen validate ran in (the repository root in CI)."))],
            results: results,
            columnKind: "unicodeCodePoints")
        return SARIFLog(runs: [run])
    }

    public func report(_ report: ValidationReport) -> String { JSONReporter.encode(log(report)) }

    private func level(_ severity: Severity) -> SARIFLog.Level {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }

    private func help(_ descriptor: RuleDescriptor, examples: [RuleExample]) -> SARIFLog.MultiformatMessageString {
        var markdown = descriptor.summary + "\n"
        for example in examples {
            markdown += "\n" + (example.expectation == .triggers ? "Reported (at each marker):" : "Not reported:") + "\n"
            for file in example.files {
                markdown += "\n`\(file.path)`\n\n```\n\(file.text.trimmingSuffixNewlines())\n```\n"
            }
        }
        return .init(text: descriptor.summary, markdown: markdown)
    }

    /// A path relative to where guidegen ran becomes a relative URI under `%SRCROOT%`; an
    /// absolute path becomes a `file:` URI.
    func artifactLocation(_ path: String) -> SARIFLog.ArtifactLocation {
        if path.hasPrefix("/") {
            return .init(uri: "file://" + Self.percentEncoded(path), uriBaseId: nil, description: nil)
        }
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return .init(uri: Self.percentEncoded(relative), uriBaseId: Self.sourceRoot, description: nil)
    }

    /// Percent-encodes everything but unreserved characters and `/` (RFC 3986).
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if URIReference.isAlpha(scalar) || URIReference.isDigit(scalar) || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
