import Foundation

/// Formats a validation report as JSON for tools. The structure is stable (documented in the
/// README, "Validation"); new fields may be added, existing ones keep their meaning.
///
/// ```json
/// { "version": 1, "tool": { "name": "guidegen", "version": "0.1.0" }, "ran": true,
///   "summary": { "errors": 1, "warnings": 0, "notes": 0 },
///   "diagnostics": [ { "ruleId": "https-only", "severity": "error", "message": "…",
///                      "file": "Content/links.yaml", "line": 13, "column": 10,
///                      "fix": { "length": 4, "replacement": "https" } } ],
///   "failures": [] }
/// ```
public struct JSONReporter {
    public init() {}

    public struct Document: Codable, Sendable, Hashable {
        /// The version of this structure.
        public var version: Int
        public var tool: Tool
        /// False when validation could not run (see `failures`).
        public var ran: Bool
        public var summary: Summary
        /// Sorted by file, line, column.
        public var diagnostics: [Entry]
        /// Why validation could not run; empty when it ran.
        public var failures: [Failure]
    }

    public struct Tool: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
    }

    public struct Summary: Codable, Sendable, Hashable {
        public var errors: Int
        public var warnings: Int
        public var notes: Int
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var ruleId: String
        public var severity: Severity
        public var message: String
        public var file: String
        public var line: Int
        /// 1-based, in Unicode scalars.
        public var column: Int
        public var fix: FixIt?
    }

    public struct Failure: Codable, Sendable, Hashable {
        public var id: String
        public var message: String
        public var file: String?
        public var line: Int?
        public var column: Int?
    }

    public func document(_ report: ValidationReport) -> Document {
        Document(
            version: 1, tool: Tool(name: "guidegen", version: guidegenVersion), ran: report.failures.isEmpty,
            summary: Summary(errors: report.errorCount, warnings: report.warningCount, notes: report.noteCount),
            diagnostics: report.diagnostics.sorted().map {
                Entry(ruleId: $0.id, severity: $0.severity, message: $0.message, file: $0.location.file, line: $0.location.line,
                      column: $0.location.column, fix: $0.fix)
            },
            failures: report.failures.map {
                Failure(id: $0.id, message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column)
            })
    }

    public func report(_ report: ValidationReport) -> String {
        Self.encode(document(report))
    }

    /// Pretty-printed JSON with sorted keys, so output is stable and diffs are readable.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
