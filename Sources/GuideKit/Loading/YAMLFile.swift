import Foundation

/// Reads one YAML content file into a `YAMLNode` tree, turning every way it can fail
/// (unreadable, not UTF-8, too deep, not YAML) into a located diagnostic.
struct YAMLFile {
    /// Files larger than this are refused by their size, before a byte is read or parsed. Section
    /// files are a few kilobytes; a catalog of a help centre of a thousand sections (the benchmark's
    /// S=1000, M=10) is about 5 MB, so the limit leaves it room to grow threefold.
    static let maximumBytes = 16 * 1024 * 1024
    /// Deeper nesting than this (mappings and lists, flow or block) is refused, so a hostile file
    /// cannot exhaust the stack of the recursive readers.
    static let maximumDepth = 64

    let source: SourceFile
    /// Nil when the file holds no document (empty, or only comments).
    let root: YAMLNode?

    /// Reads and parses `url`, a file that must stay inside the folder `root` (symbolic links
    /// included) when one is given; `displayPath` is what diagnostics name.
    static func read(_ url: URL, displayPath: String, within root: URL?, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        guard let data = contents(url, displayPath: displayPath, within: root, diagnostics: &diagnostics) else { return nil }
        return parse(data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// The bytes of `url` (see `read`), or nil with the reason in `diagnostics`.
    static func contents(_ url: URL, displayPath: String, within root: URL?, diagnostics: inout [Diagnostic]) -> Data? {
        contents(atPath: url.path, displayPath: displayPath, within: root?.path, diagnostics: &diagnostics)
    }

    /// The same for paths (see `ConfinedFile.contents(atPath:within:limit:)`).
    static func contents(atPath path: String, displayPath: String, within root: String?, diagnostics: inout [Diagnostic]) -> Data? {
        switch ConfinedFile.contents(atPath: path, within: root, limit: maximumBytes) {
        case .failure(let failure):
            diagnostics.append(failure.diagnostic(file: displayPath, what: "YAML file", limit: maximumBytes))
            return nil
        case .success(let data):
            return data
        }
    }

    /// The text of a file's bytes as `parse` reads it: UTF-8, a byte order mark left out; nil
    /// when they are not UTF-8.
    static func text(of data: Data) -> String? { String(validating: withoutByteOrderMark(data), as: UTF8.self) }

    private static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
    }

    static func parse(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> YAMLFile? {
        guard let (text, source) = checkedText(data, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        let composed = YAMLComposer.compose(text, maximumDepth: maximumDepth)
        if !composed.problems.isEmpty {
            diagnostics += composed.problems.map { Diagnostic(id: $0.id, message: $0.message, at: SourceLocation(file: displayPath, line: $0.line, column: $0.column)) }
            return nil
        }
        if let failure = composed.failure {
            diagnostics.append(diagnostic(for: failure, source: source))
            return nil
        }
        return YAMLFile(source: source, root: composed.root)
    }

    /// The catalog in `data` and its file, read without a tree (`BlockYAMLReader.catalog`); nil
    /// when the catalog is not written the usual way or has a problem, for `parse` and
    /// `Catalog.read` to read and report.
    static func catalog(_ data: Data, displayPath: String, expectedLocale: String) -> (catalog: Catalog, source: SourceFile)? {
        var ignored: [Diagnostic] = []
        guard let (text, source) = checkedText(data, displayPath: displayPath, diagnostics: &ignored) else { return nil }
        return text.withBytes { bytes in
            BlockYAMLReader.catalog(bytes, file: source, expectedLocale: expectedLocale).map { ($0, source) }
        }
    }

    /// The text of `data` and its file, when it is not too large, is UTF-8 and has no NUL.
    private static func checkedText(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> (String, SourceFile)? {
        if data.count > maximumBytes {
            diagnostics.append(ConfinedFile.Failure.tooLarge(bytes: data.count).diagnostic(file: displayPath, what: "YAML file", limit: maximumBytes))
            return nil
        }
        let bytes = withoutByteOrderMark(data)
        guard let text = text(of: data) else {
            // Placed after the valid text before the first invalid byte.
            let valid = String(decoding: bytes.prefix(SourceFile.invalidUTF8Offset(bytes) ?? bytes.count), as: UTF8.self)
            diagnostics.append(Diagnostic(id: "invalid-utf8", message: "the file is not valid UTF-8: save it as UTF-8", at: location(after: valid, file: displayPath)))
            return nil
        }
        let source = SourceFile(path: displayPath, text: text)
        // Looked for with `memchr` in the UTF-8 bytes (`containsByte`; NUL is one byte, never part
        // of another character): walking the scalars of a 5 MB catalog for it took a twentieth of
        // loading, and `firstIndex(of:)` on the bytes a twentieth of reading a catalog. Where it
        // is is worked out only for a file that has one.
        if text.containsByte(0), let nul = text.utf8.firstIndex(of: 0) {
            let prefix = String(text.unicodeScalars[..<nul])
            diagnostics.append(Diagnostic(id: "invalid-character", message: "the file contains a NUL character: remove it", at: location(after: prefix, file: displayPath)))
            return nil
        }
        return (text, source)
    }

    private static func diagnostic(for failure: YAMLComposer.Failure, source: SourceFile) -> Diagnostic {
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: source.path, line: max(1, line), column: max(1, column)) }
        switch failure {
        case let .syntax(problem, line, column):
            return Diagnostic(id: "yaml-syntax", message: "not valid YAML: \(problem): fix the syntax here", at: at(line, column))
        case let .duplicateKeys(names, line, column):
            let list = names.map { "‘\($0)’" }.joined(separator: ", ")
            let message = names.count == 1 ? "the key \(list) appears twice in one mapping: keep one" : "the keys \(list) each appear twice in one mapping: keep one of each"
            return Diagnostic(id: "duplicate-key", message: message, at: at(line, column))
        case let .character(problem, offset, value):
            // libyaml reads only printable characters: a raw control character (an ANSI escape,
            // DEL) or a noncharacter is refused where it is.
            let character = value >= 0 ? " U+\(String(value, radix: 16, uppercase: true))" : ""
            return Diagnostic(id: "invalid-character", message: "the file contains a character YAML does not allow\(character) (\(problem)): remove it or write it as an escape in double quotes", at: location(ofByteOffset: offset, in: source))
        case .outOfMemory:
            return Diagnostic(id: "yaml-syntax", message: "cannot parse the file as YAML: Memory error", at: at(1, 1))
        }
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
