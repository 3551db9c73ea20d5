/// Formats diagnostics for people: `file:line:column: severity: message [id]`, the source line,
/// a caret under the column, and a closing count line.
public struct TextReporter {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func report(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted() {
            out += paint(diagnostic) + "\n"
            let line = files[diagnostic.location.file]?.line(diagnostic.location.line)
            if let line {
                out += "    \(line)\n    \(padding(line, column: diagnostic.location.column))^\n"
            }
            if let fix = diagnostic.fix {
                out += "    fix: \(describe(fix, at: diagnostic.location.column, in: line))\n"
            }
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    /// Why validation could not run, in the same `file:line:column: error: message [id]` form
    /// (without a location when there is none), for standard error.
    public func report(failures: [ValidationFailure], files: [String: SourceFile]) -> String {
        var out = ""
        for failure in failures {
            guard let location = failure.location else {
                out += "guidegen: error: \(failure.message) [\(failure.id)]\n"
                continue
            }
            out += paint(Diagnostic(id: failure.id, severity: .error, message: failure.message, at: location)) + "\n"
            if let line = files[location.file]?.line(location.line) {
                out += "    \(line)\n    \(padding(line, column: location.column))^\n"
            }
        }
        out += "guidegen could not run: fix the problems above and run it again\n"
        return out
    }

    /// "replace ‘http’ with ‘https’", "insert ‘https://’", "remove ‘1 ’".
    private func describe(_ fix: FixIt, at column: Int, in line: String?) -> String {
        let scalars = Array((line ?? "").unicodeScalars)
        let start = column - 1, end = start + fix.length
        guard fix.length > 0, start >= 0, end <= scalars.count else {
            return fix.length == 0 ? "insert ‘\(fix.replacement)’" : "replace \(fix.length) characters with ‘\(fix.replacement)’"
        }
        let original = String(String.UnicodeScalarView(scalars[start..<end]))
        return fix.replacement.isEmpty ? "remove ‘\(original)’" : "replace ‘\(original)’ with ‘\(fix.replacement)’"
    }

    /// The white space that puts a caret under `column`, keeping tabs so it lines up in a terminal.
    private func padding(_ line: String, column: Int) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }))
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
