/// Compiles templates into one table, each partial or parent once per indentation it is used
/// with, so a compiled tree points at what it includes by index.
final class TemplateLinker {
    /// A partial or parent that does not exist, or that includes itself: `TemplateSet` finds
    /// these before it links, unless a changed delimiter hid the tag from its scan.
    struct LinkError: Error {
        let id: String
        let message: String
        /// The template holding the tag, and where the tag starts in it.
        let template: String
        let offset: Int
    }

    let sources: [String: String]
    /// Templates already scanned (as `TemplateSet` checked them), compiled without scanning again.
    let scanned: [String: TemplateParser.Scanned]
    private(set) var templates: [[TemplateNode]] = []
    private var indices: [String: Int] = [:]
    private var compiling: Set<String> = []

    init(sources: [String: String], scanned: [String: TemplateParser.Scanned] = [:]) {
        self.sources = sources
        self.scanned = scanned
    }

    /// The index of template `name` with `indentation` before each of its lines.
    func index(of name: String, indentation: String) throws -> Int {
        let key = indentation.isEmpty ? name : name + "\u{0}" + indentation
        if let index = indices[key] { return index }
        guard let source = sources[name] else {
            throw LinkError(id: "unknown-partial", message: "no template ‘\(name)’: fix the name or add the file", template: name, offset: 0)
        }
        guard compiling.insert(key).inserted else {
            throw LinkError(id: "partial-cycle", message: "the templates include each other without end (‘\(name)’): break the cycle", template: name, offset: 0)
        }
        defer { compiling.remove(key) }
        let template = try indentation.isEmpty ? scanned[name] ?? TemplateParser.scan(source) : TemplateParser.scan(TemplateParser.indent(source, by: indentation))
        // The indented copy's own standalone tags already carry the indentation in their whitespace.
        let nodes = try TemplateParser.compile(template) { partial, partialIndentation, offset in
            guard self.sources[partial] != nil else {
                throw LinkError(id: "unknown-partial", message: "no partial or parent template ‘\(partial)’: fix the name or add the file", template: name, offset: offset)
            }
            return try self.index(of: partial, indentation: partialIndentation)
        }
        templates.append(nodes)
        indices[key] = templates.count - 1
        return templates.count - 1
    }
}
