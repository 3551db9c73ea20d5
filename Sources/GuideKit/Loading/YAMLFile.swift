import Foundation
import Yams

/// Reads one YAML content file into a Yams node tree, turning every way it can fail
/// (unreadable, not UTF-8, too deep, not YAML) into a located diagnostic.
struct YAMLFile {
    /// Files larger than this are refused before parsing.
    static let maximumBytes = 8 * 1024 * 1024
    /// Deeper nesting than this (flow brackets or indentation levels) is refused before parsing,
    /// so a hostile file cannot exhaust the stack of the recursive parser.
    static let maximumDepth = 64

    let source: SourceFile
    let root: Node?

    /// Reads and parses `url`; `displayPath` is what diagnostics name.
    static func read(_ url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(id: "missing-file", message: "file not found: create it or fix the name that refers to it", at: start))
            return nil
        }
        if isDirectory.boolValue {
            diagnostics.append(Diagnostic(id: "unreadable-file", message: "expected a YAML file but found a folder: remove the folder or rename it", at: start))
            return nil
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.append(Diagnostic(id: "unreadable-file", message: "cannot read the file (\(error.localizedDescription)): check its permissions", at: start))
            return nil
        }
        return parse(data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    static func parse(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        if data.count > maximumBytes {
            diagnostics.append(Diagnostic(id: "file-too-large", message: "file is \(data.count) bytes, more than the \(maximumBytes) a content file may have: split it", at: start))
            return nil
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(Diagnostic(id: "invalid-utf8", message: "the file is not valid UTF-8: save it as UTF-8", at: invalidUTF8Location(bytes, file: displayPath)))
            return nil
        }
        let source = SourceFile(path: displayPath, text: text)
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let prefix = String(text.unicodeScalars[..<nul])
            diagnostics.append(Diagnostic(id: "invalid-character", message: "the file contains a NUL character: remove it", at: location(after: prefix, file: displayPath)))
            return nil
        }
        if let deep = tooDeep(source) {
            diagnostics.append(Diagnostic(id: "too-deep", message: "nesting is deeper than \(maximumDepth) levels: content never needs this much, flatten it", at: deep))
            return nil
        }
        do {
            let root = try Yams.compose(yaml: text, .guidegen)
            return YAMLFile(source: source, root: root)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, source: source))
            return nil
        } catch {
            diagnostics.append(Diagnostic(id: "yaml-syntax", message: "cannot parse the file as YAML: \(error)", at: start))
            return nil
        }
    }

    private static func diagnostic(for error: YamlError, source: SourceFile) -> Diagnostic {
        let file = source.path
        func at(_ mark: Mark?) -> SourceLocation { SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1)) }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(id: "yaml-syntax", message: "not valid YAML: \(problem): fix the syntax here", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "‘\($0)’" }.joined(separator: ", ")
            let second = duplicates.first.flatMap { secondOccurrence(of: $0, after: context.mark, in: source) }
            return Diagnostic(id: "duplicate-key", message: "the key \(names) appears twice in one mapping: keep one", at: second ?? at(context.mark))
        case let .reader(problem, _, _, _):
            return Diagnostic(id: "invalid-utf8", message: "cannot read the file: \(problem)", at: at(nil))
        default:
            return Diagnostic(id: "yaml-syntax", message: "cannot parse the file as YAML: \(error)", at: at(nil))
        }
    }

    /// Yams points at the first of two equal keys; the second is the one to remove. It is the next
    /// line that has the same key at the same column (the same mapping, in block style).
    private static func secondOccurrence(of key: String, after mark: Mark, in source: SourceFile) -> SourceLocation? {
        guard mark.line >= 1 else { return nil }
        for number in (mark.line + 1)..<(source.lines.count + 1) {
            let scalars = Array(source.lines[number - 1].unicodeScalars)
            guard scalars.count >= mark.column - 1 else { continue }
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(mark.column - 1)))
            let before = scalars.prefix(mark.column - 1)
            guard before.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            if rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return SourceLocation(file: source.path, line: number, column: mark.column)
            }
            // A line indented less than the key closes the mapping.
            let indent = scalars.prefix { $0 == " " }.count
            if indent < mark.column - 1, !scalars.allSatisfy({ $0 == " " }), scalars.first != "#" { return nil }
        }
        return nil
    }

    /// The line and column of the first byte that is not part of valid UTF-8.
    static func invalidUTF8Location(_ bytes: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func location(after prefix: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for scalar in prefix.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// A quick scan for nesting deeper than `maximumDepth`: open flow brackets outside quotes,
    /// and block indentation levels.
    private static func tooDeep(_ source: SourceFile) -> SourceLocation? {
        var depth = 0
        var indents: [Int] = []
        for (index, line) in source.lines.enumerated() {
            var column = 0
            var quote: Unicode.Scalar?
            var leading = true
            var indent = 0
            for scalar in line.unicodeScalars {
                column += 1
                if leading {
                    if scalar == " " || scalar == "-" { indent += 1; continue }
                    leading = false
                    if scalar == "#" { break }
                    while let last = indents.last, last >= indent { indents.removeLast() }
                    indents.append(indent)
                    if indents.count > maximumDepth {
                        return SourceLocation(file: source.path, line: index + 1, column: column)
                    }
                }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "\"", "'": if depth > 0 { quote = scalar }
                case "[", "{":
                    depth += 1
                    if depth > maximumDepth { return SourceLocation(file: source.path, line: index + 1, column: column) }
                case "]", "}": depth = max(0, depth - 1)
                case "#" where depth == 0: break
                default: break
                }
            }
        }
        return nil
    }
}
