/// What a render produced, in memory: nothing has touched the disk yet.
public struct RenderedSite: Sendable {
    /// Sorted by path.
    public var files: [OutputFile]
    /// The parts of the output folder this render owns (`html/en/`, `checklists/en.txt` …):
    /// a file guidegen wrote there before and did not produce now is stale.
    public var roots: [String]
    public var diagnostics: [Diagnostic]
    /// Strings shown in another language than their page.
    public var fallbacks: [FallbackUse]
    public var locales: [String]
    public var formats: [OutputFormat]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
