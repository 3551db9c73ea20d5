import Foundation
import Mustache

/// The Mustache templates of one output format, parsed and checked before anything is rendered:
/// syntax errors, partials or parents that do not exist and partials that include themselves are
/// reported with the template's file, line and column.
public struct TemplateSet: Sendable {
    public let format: OutputFormat
    private let library: MustacheLibrary
    /// Template names (path below the format folder without `.mustache`).
    public let names: [String]
    /// Every `strings.KEY`, `attr.KEY` and `upper.KEY` the templates use, where they use it.
    public let stringReferences: [Located<String>]

    /// Views hold fragments already escaped for their format, so Mustache must not escape again:
    /// every template starts in the TEXT content type.
    static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    /// Templates larger than this are refused before they are read.
    static let maximumBytes = 1024 * 1024

    /// Loads `<format>/**/*.mustache` from the folders; `required` names must exist.
    public static func load(_ format: OutputFormat, from folders: TemplateFolders, required: [String],
                            diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> TemplateSet? {
        var library = MustacheLibrary()
        var sources: [String: (file: TemplateFolders.File, text: String)] = [:]
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
                library.register(try MustacheTemplate(string: pragma + text), named: name)
                sources[name] = (file, text)
            } catch let error as MustacheTemplate.ParserError {
                var column = error.context.columnNumber
                if error.context.lineNumber == 1 { column = max(1, column - pragma.count) }
                diagnostics.append(Diagnostic(id: "template-syntax", message: "\(describe(error.error)): fix the template",
                                              at: SourceLocation(file: file.display, line: error.context.lineNumber, column: column)))
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
            let (file, text) = sources[name]!
            for reference in partialReferences(in: text) {
                if sources[reference.name] == nil {
                    let kind = reference.isParent ? "parent template" : "partial"
                    diagnostics.append(Diagnostic(id: "unknown-partial", message: "no \(kind) ‘\(reference.name)’ (\(format.templateFolder)/\(reference.name).mustache): fix the name or add the file",
                                                  at: SourceLocation(file: file.display, line: reference.line, column: reference.column)))
                    failed = true
                } else {
                    graph[name, default: []].append(reference.name)
                }
            }
        }
        if let cycle = firstCycle(graph) {
            let (file, _) = sources[cycle[0]]!
            diagnostics.append(Diagnostic(id: "partial-cycle", message: "the templates include each other without end (\(cycle.joined(separator: " → "))): break the cycle",
                                          at: SourceLocation(file: file.display, line: 1, column: 1)))
            failed = true
        }
        let strings = sources.keys.sorted().flatMap { name in
            let (file, text) = sources[name]!
            return stringReferences(in: text).map { Located($0.name, at: SourceLocation(file: file.display, line: $0.line, column: $0.column)) }
        }
        return failed ? nil : TemplateSet(format: format, library: library, names: sources.keys.sorted(), stringReferences: strings)
    }

    /// Renders a view with the named template.
    public func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// A tag of a template (`{{…}}`, without the braces) and where it starts.
    struct Tag {
        var content: String
        var line: Int
        var column: Int
    }

    /// Every tag, with 1-based positions (columns in Unicode scalars). Templates that change the
    /// delimiters are scanned with the default ones only.
    static func tags(in text: String) -> [Tag] {
        var result: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var line = 1, column = 1
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                advance(to: index + 1)
                continue
            }
            var close = index + 2
            while close + 1 < scalars.count, !(scalars[close] == "}" && scalars[close + 1] == "}") { close += 1 }
            guard close + 1 < scalars.count else { break }
            result.append(Tag(content: String(String.UnicodeScalarView(scalars[(index + 2)..<close])), line: line, column: column))
            advance(to: close + 2)
        }
        return result
    }

    struct PartialReference: Equatable {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// `{{> name}}` and `{{< name}}` tags.
    static func partialReferences(in text: String) -> [PartialReference] {
        tags(in: text).compactMap { tag in
            let content = tag.content.trimmingCharacters(in: .whitespaces)
            guard let kind = content.first, kind == ">" || kind == "<" else { return nil }
            let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.hasPrefix("*") else { return nil }
            return PartialReference(name: name, isParent: kind == "<", line: tag.line, column: tag.column)
        }
    }

    /// `strings.KEY`, `attr.KEY` and `upper.KEY` used in tags (comments aside).
    static func stringReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        for tag in tags(in: text) {
            var content = tag.content.trimmingCharacters(in: .whitespaces)
            guard !content.hasPrefix("!") else { continue }
            while let first = content.first, "#^/&{".contains(first) { content.removeFirst() }
            content = content.trimmingCharacters(in: CharacterSet(charactersIn: " }"))
            for prefix in ["strings.", "attr.", "upper."] where content.hasPrefix(prefix) {
                let name = String(content.dropFirst(prefix.count))
                if !name.isEmpty { result.append((name, tag.line, tag.column)) }
            }
        }
        return result
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

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "cannot parse the template" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "unfinished tag"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside a {{<parent}} section"
        case .textInsideInheritSection: return "only {{$block}} overrides may appear inside a {{<parent}} section"
        case .invalidConfigVariableSyntax: return "invalid pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        @unknown default: return "cannot parse the template"
        }
    }
}
