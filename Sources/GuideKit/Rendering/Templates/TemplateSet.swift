import Foundation

/// The Mustache templates of one output format, compiled and checked before anything is rendered:
/// syntax errors, partials or parents that do not exist and partials that include themselves are
/// reported with the template's file, line and column.
public struct TemplateSet: Sendable {
    public let format: OutputFormat
    /// Every compiled template (and indented copies of partials), which partials and parents point
    /// into, laid out for rendering.
    private let program: TemplateProgram
    /// Each template's index in the program's table (`TemplateProgram.templates`).
    private let indices: [String: Int]
    /// Template names (path below the format folder without `.mustache`).
    public let names: [String]
    /// Every `strings.KEY`, `attr.KEY` and `upper.KEY` the templates use, where they use it (the tag's start).
    public let stringReferences: [Located<String>]

    /// Templates larger than this are refused before they are read.
    static let maximumBytes = 1024 * 1024

    /// Loads `<format>/**/*.mustache` from the folders; `required` names must exist.
    public static func load(_ format: OutputFormat, from folders: TemplateFolders, required: [String],
                            diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> TemplateSet? {
        var sources: [String: (file: TemplateFolders.File, text: String, scanned: TemplateParser.Scanned)] = [:]
        var failed = false
        for file in folders.files(under: format.templateFolder) where file.relative.hasSuffix(".mustache") {
            let name = String(file.relative.dropFirst(format.templateFolder.count + 1).dropLast(".mustache".count))
            let start = SourceLocation(file: file.display, line: 1, column: 1)
            let data: Data
            switch ConfinedFile.contents(of: file.url, within: file.root, limit: maximumBytes) {
            case .success(let bytes): data = bytes
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(file: file.display, what: "template", limit: maximumBytes))
                failed = true
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(Diagnostic(id: "invalid-utf8", message: "the template is not valid UTF-8: save it as UTF-8", at: start))
                failed = true
                continue
            }
            files[file.display] = SourceFile(path: file.display, text: text)
            do {
                sources[name] = (file, text, try TemplateParser.scan(text))
            } catch let error as TemplateParser.SyntaxError {
                diagnostics.append(Diagnostic(id: "template-syntax", message: "\(error.message): fix the template",
                                              at: SourceLocation(file: file.display, line: error.line, column: error.column)))
                failed = true
            } catch {
                diagnostics.append(Diagnostic(id: "template-syntax", message: "cannot parse the template (\(error)): fix it", at: start))
                failed = true
            }
        }
        for name in required where sources[name] == nil && !failed {
            let display = folders.builtin.display + "/\(format.templateFolder)/\(name).mustache"
            diagnostics.append(Diagnostic(id: "missing-template", message: "no template ‘\(format.templateFolder)/\(name).mustache’: restore the built-in one or add your own",
                                          at: SourceLocation(file: display, line: 1, column: 1)))
            failed = true
        }
        // Partials and parents that do not exist would silently render as nothing.
        var graph: [String: [String]] = [:]
        for name in sources.keys.sorted() {
            let (file, _, scanned) = sources[name]!
            for reference in scanned.references where reference.kind != .value {
                if sources[reference.name] == nil {
                    let kind = reference.kind == .parent ? "parent template" : "partial"
                    diagnostics.append(Diagnostic(id: "unknown-partial", message: "no \(kind) ‘\(reference.name)’ (\(format.templateFolder)/\(reference.name).mustache): fix the name or add the file",
                                                  at: SourceLocation(file: file.display, line: reference.line, column: reference.column)))
                    failed = true
                } else {
                    graph[name, default: []].append(reference.name)
                }
            }
        }
        if let cycle = firstCycle(graph) {
            let file = sources[cycle[0]]!.file
            diagnostics.append(Diagnostic(id: "partial-cycle", message: "the templates include each other without end (\(cycle.joined(separator: " → "))): break the cycle",
                                          at: SourceLocation(file: file.display, line: 1, column: 1)))
            failed = true
        }
        // Chrome strings: `strings.KEY`, `attr.KEY` and `upper.KEY` in variable and section tags.
        let strings = sources.keys.sorted().flatMap { name in
            let (file, _, scanned) = sources[name]!
            return scanned.references.compactMap { reference -> Located<String>? in
                guard reference.kind == .value, let key = chromeKey(reference.name) else { return nil }
                return Located(key, at: SourceLocation(file: file.display, line: reference.line, column: reference.column))
            }
        }
        guard !failed else { return nil }
        // Compile every template, and the partials and parents they use, into one table.
        let linker = TemplateLinker(sources: sources.mapValues(\.text), scanned: sources.mapValues(\.scanned))
        var indices: [String: Int] = [:]
        for name in sources.keys.sorted() {
            do {
                indices[name] = try linker.index(of: name, indentation: "")
            } catch let error as TemplateLinker.LinkError {
                let file = sources[error.template]?.file ?? sources[name]!.file
                let (line, column) = TemplateParser.position(of: error.offset, in: (sources[error.template]?.text ?? "").unicodeScalars)
                diagnostics.append(Diagnostic(id: error.id, message: error.message, at: SourceLocation(file: file.display, line: line, column: column)))
                return nil
            } catch {
                diagnostics.append(Diagnostic(id: "template-syntax", message: "cannot compile the template (\(error)): fix it",
                                              at: SourceLocation(file: sources[name]!.file.display, line: 1, column: 1)))
                return nil
            }
        }
        return TemplateSet(format: format, program: TemplateProgram(linker.templates), indices: indices, names: sources.keys.sorted(), stringReferences: strings)
    }

    /// `body`'s result for the UTF-8 bytes of the view rendered with the named template (none
    /// when there is no such template), read where the renderer wrote them: a page's file is
    /// made from them, so they are not copied into an array first.
    func withRendered<Result>(_ view: some TemplateValueConvertible, template name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let index = indices[name] else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        var renderer = TemplateRenderer(program: program, view: view.templateValue)
        renderer.render(template: index)
        return renderer.withOutput(body)
    }

    /// `KEY` of a chrome-string name (`strings.KEY`, `attr.KEY`, `upper.KEY`).
    static func chromeKey(_ name: String) -> String? {
        for prefix in ["strings.", "attr.", "upper."] where name.hasPrefix(prefix) && name.count > prefix.count {
            return String(name.dropFirst(prefix.count))
        }
        return nil
    }

    static func firstCycle(_ graph: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if state[node] == 2 { return nil }
            if state[node] == 1 {
                let start = path.firstIndex(of: node)!
                return Array(path[start...]) + [node]
            }
            state[node] = 1
            path.append(node)
            for next in graph[node] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[node] = 2
            return nil
        }
        for node in graph.keys.sorted() {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }
}
