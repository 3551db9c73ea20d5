/// Formats a validation report as GitHub Actions workflow commands, which the Actions runner
/// shows as annotations on the pull request's files:
/// `::error file=Content/links.yaml,line=13,col=10,title=https-only::message`.
public struct GitHubReporter {
    public init() {}

    public func report(_ report: ValidationReport) -> String {
        var out = ""
        for failure in report.failures {
            var properties = ["title=" + Self.escapeProperty("guidegen \(failure.id)")]
            if let location = failure.location {
                properties.insert(contentsOf: ["file=" + Self.escapeProperty(location.file), "line=\(location.line)", "col=\(location.column)"], at: 0)
            }
            out += "::error \(properties.joined(separator: ","))::\(Self.escapeData(failure.message))\n"
        }
        for diagnostic in report.diagnostics.sorted() {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message
            if let fix = diagnostic.fix { message += fix.replacement.isEmpty ? " (fix: remove it)" : " (fix: ‘\(fix.replacement)’)" }
            let properties = [
                "file=" + Self.escapeProperty(diagnostic.location.file), "line=\(diagnostic.location.line)",
                "col=\(diagnostic.location.column)", "title=" + Self.escapeProperty(diagnostic.id),
            ]
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// A command's message: `%`, CR and LF are encoded (the runner decodes them).
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A property value: also `:` and `,`, which would end the value.
    static func escapeProperty(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces each listed character in one pass, so a replacement is never replaced again.
    /// Works on Unicode scalars, so CR LF (one `Character`) is two replacements.
    func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
