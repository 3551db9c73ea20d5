/// What a render produced. `File` is what the render kept of each file: the file itself
/// (`RenderedSite`, all in memory, nothing has touched the disk), or what a build keeps after
/// handing each file to the output folder as it rendered (see `OutputStaging`).
public struct Rendered<File> {
    /// Sorted by path.
    public var files: [File]
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

extension Rendered: Sendable where File: Sendable {}

/// A render held in memory.
public typealias RenderedSite = Rendered<OutputFile>
