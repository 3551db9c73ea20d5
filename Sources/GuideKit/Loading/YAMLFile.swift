import Foundation
import Yams

/// Reads one YAML content file into a Yams node tree, turning every way it can fail
/// (unreadable, not UTF-8, too deep, not YAML) into a located diagnostic.
struct YAMLFile {
    /// Files larger than this are refused by their size, before a byte is read or parsed. Section
    /// files are a few kilobytes; a catalog of a help centre of a thousand sections (the benchmark's
    /// S=1000, M=10) is about 5 MB, so the limit leaves it room to grow threefold.
    static let maximumBytes = 16 * 1024 * 1024
    /// Deeper nesting than this (mappings and lists, flow or block) is refused before composing,
    /// so a hostile file cannot exhaust the stack of the recursive composer and readers.
    static let maximumDepth = 64

    let source: SourceFile
    let root: Node?

    /// Reads and parses `url`, a file that must stay inside the folder `root` (symbolic links
    /// included) when one is given; `displayPath` is what diagnostics name.
    static func read(_ url: URL, displayPath: String, within root: URL?, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        switch ConfinedFile.contents(of: url, within: root, limit: maximumBytes) {
        case .failure(let failure):
            diagnostics.append(failure.diagnostic(file: displayPath, what: "YAML file", limit: maximumBytes))
            return nil
        case .success(let data):
            return parse(data, displayPath: displayPath, diagnostics: &diagnostics)
        }
    }

    static func parse(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        if data.count > maximumBytes {
            diagnostics.append(ConfinedFile.Failure.tooLarge(bytes: data.count).diagnostic(file: displayPath, what: "YAML file", limit: maximumBytes))
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
        let problems = YAMLStructureCheck.problems(in: text, maximumDepth: maximumDepth)
        if !problems.isEmpty {
            diagnostics += problems.map { Diagnostic(id: $0.id, message: $0.message, at: SourceLocation(file: displayPath, line: $0.line, column: $0.column)) }
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
        case let .reader(problem, offset, value, _):
            // libyaml reads only printable characters: a raw control character (an ANSI escape,
            // DEL) or a noncharacter is refused where it is.
            let place = offset.map { location(ofByteOffset: $0, in: source) } ?? at(nil)
            let character = value >= 0 ? " U+\(String(value, radix: 16, uppercase: true))" : ""
            return Diagnostic(id: "invalid-character", message: "the file contains a character YAML does not allow\(character) (\(problem)): remove it or write it as an escape in double quotes", at: place)
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

    /// The line and column (in Unicode scalars) of a byte offset of the file's UTF-8 text.
    private static func location(ofByteOffset offset: Int, in source: SourceFile) -> SourceLocation {
        var remaining = offset
        for (index, line) in source.lines.enumerated() {
            let length = line.utf8.count + 1
            if remaining < length {
                let prefix = line.utf8.prefix(remaining)
                let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(file: source.path, line: index + 1, column: column)
            }
            remaining -= length
        }
        return SourceLocation(file: source.path, line: max(1, source.lines.count), column: 1)
    }

    private static func location(after prefix: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for scalar in prefix.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
