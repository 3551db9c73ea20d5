/// The text of one content file, kept so diagnostics can point inside multi-line strings and
/// reporters can show the offending line.
public final class SourceFile: Sendable {
    /// The path as the user named it, e.g. `Content/sections/1688-account.yaml`.
    public let path: String
    /// The file's lines without their line terminators.
    public let lines: [String]

    public init(path: String, text: String) {
        self.path = path
        var lines: [String] = []
        text.enumerateLinesKeepingEmpty { lines.append($0) }
        self.lines = lines
    }

    /// The 1-based line, or nil past the end.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

extension String {
    /// Splits on LF, CRLF and CR, keeping empty lines (unlike `split`). Works on UTF-8 bytes
    /// (line breaks are single bytes that never occur inside a multi-byte character): appending
    /// scalar by scalar cost nearly as much as parsing the YAML.
    func enumerateLinesKeepingEmpty(_ body: (String) -> Void) {
        let bytes = Array(utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            body(String(decoding: bytes[start..<index], as: UTF8.self))
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        body(String(decoding: bytes[start...], as: UTF8.self))
    }
}

/// How a YAML scalar was written, so offsets in its value can be mapped back to the file.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// Where a string value starts in its file and how it was written.
public struct TextOrigin: Sendable, Hashable {
    public let start: SourceLocation
    public let style: ScalarStyle
    public let file: SourceFile?

    public init(start: SourceLocation, style: ScalarStyle, file: SourceFile?) {
        self.start = start
        self.style = style
        self.file = file
    }

    public static func == (lhs: TextOrigin, rhs: TextOrigin) -> Bool {
        lhs.start == rhs.start && lhs.style == rhs.style
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(style)
    }

    /// Walks the file and the value side by side: a space or line break in the value may stand
    /// for a line break plus indentation in the file (folding), and quotes or block headers are skipped.
    public func location(ofScalarOffset offset: Int, in value: String) -> SourceLocation {
        guard let file, offset > 0 else {
            return offset <= 0 ? firstContentLocation() : SourceLocation(file: start.file, line: start.line, column: start.column + offset)
        }
        var line = start.line
        var column = start.column  // 1-based, scalars
        var lineScalars = Array((file.line(line) ?? "").unicodeScalars)
        func current() -> Unicode.Scalar? { column - 1 < lineScalars.count ? lineScalars[column - 1] : nil }
        func nextLine() -> Bool {
            guard line < file.lines.count else { return false }
            line += 1
            lineScalars = Array(file.lines[line - 1].unicodeScalars)
            column = 1
            while let c = current(), c == " " || c == "\t" { column += 1 }
            return true
        }
        switch style {
        case .singleQuoted, .doubleQuoted: column += 1
        case .literal, .folded: if !nextLine() { return start }
        case .plain: break
        }
        for scalar in value.unicodeScalars.prefix(offset) {
            if current() == nil {
                // End of a line in the file: the value's space or line break stands for it.
                if !nextLine() { break }
                if scalar == " " || scalar == "\n" { continue }
            }
            if style == .doubleQuoted, current() == "\\" { column += 1 }
            if style == .singleQuoted, current() == "'", scalar == "'" { column += 1 }
            column += 1
        }
        return SourceLocation(file: start.file, line: line, column: column)
    }

    private func firstContentLocation() -> SourceLocation {
        switch style {
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: start.file, line: start.line, column: start.column + 1)
        case .literal, .folded:
            guard let file, let next = file.line(start.line + 1) else { return start }
            let indent = next.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            return SourceLocation(file: start.file, line: start.line + 1, column: indent + 1)
        case .plain:
            return start
        }
    }
}
