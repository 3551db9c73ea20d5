/// The outputs guidegen renders; each has its own folder in `Output/` and in the templates.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Help-centre articles: `html/<locale>/<section-id>.html`.
    case html
    /// Markdown pages: `markdown/<locale>/<section-id>.md`.
    case markdown
    /// One printable plain-text checklist per locale: `checklists/<locale>.txt`.
    case checklist

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The folder of this format's templates under the templates folder, and of its output.
    public var templateFolder: String { rawValue }
}
