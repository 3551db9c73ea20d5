/// Formats diagnostics for people: `file:line:column: severity: message [id]`, the source line,
/// a caret under the column, and a closing count line.
public struct TextReporter {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func report(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted() {
            out += paint(diagnostic) + "\n"
            if let line = files[diagnostic.location.file]?.line(diagnostic.location.line) {
                let prefix = line.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
                // Keep tabs so the caret lines up under the same column in a terminal.
                let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
                out += "    \(line)\n    \(padding)^\n"
            }
            if let fix = diagnostic.fix {
                out += "    fix: replace with ‘\(fix.replacement)’\n"
            }
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let counts = Dictionary(grouping: diagnostics, by: \.severity).mapValues(\.count)
        let errors = counts[.error, default: 0], warnings = counts[.warning, default: 0], notes = counts[.note, default: 0]
        if diagnostics.isEmpty { return "no problems found" }
        return "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings"), \(notes) \(notes == 1 ? "note" : "notes")"
    }

    private func paint(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let code: String
        switch diagnostic.severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .note: code = "36"
        }
        return "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \u{1B}[\(code)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message) [\(diagnostic.id)]"
    }
}
