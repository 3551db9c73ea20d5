import Foundation
#if canImport(CGlibcExtras)
import CGlibcExtras
#endif

/// The text of one content file, kept so diagnostics can point inside multi-line strings and
/// reporters can show the offending line.
public final class SourceFile: Sendable {
    /// The path as the user named it, e.g. `Content/sections/1688-account.yaml`.
    public let path: String
    /// The file's lines without their line terminators.
    public let lines: Lines

    public init(path: String, text: String) {
        self.path = path
        self.lines = Lines(text)
    }

    /// Whether the file's text contains `text` anywhere (compared as UTF-8 bytes).
    public func contains(_ text: String) -> Bool {
        lines.contains(bytes: Array(text.utf8))
    }

    /// `body`'s result for the file's text as UTF-8 bytes, read where they are kept.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { lines.withBytes(body) }

    /// The 1-based line, or nil past the end.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The lines of a text (split on LF, CRLF and CR, empty ones kept), held as the text and
    /// where each line lies in its UTF-8 bytes; a line becomes a `String` when it is read. Every
    /// content file is kept for diagnostics, and a `String` per line was a tenth of a large
    /// build's peak memory (268,000 lines at S=1000); a `Range<Int>` per line was still 16 bytes.
    public struct Lines: RandomAccessCollection, Sendable {
        /// The text itself, read in place: a copy of its bytes was, for a 5 MB catalog, 5 MB more
        /// to copy while it loaded.
        private let text: String
        /// Where each line starts, as a byte offset (content files are far below 4 GB); a line
        /// ends where the next one starts, before its line break.
        private let starts: [UInt32]

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
            starts = text.withBytes { $0.lineStarts() }
        }

        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { text.withBytes(body) }

        /// Whether `needle` occurs in the text's bytes. `memmem` (glibc's looks for a pair of
        /// bytes with vector instructions): `memchr` for the needle's first byte stopped at every
        /// `g` of a file when `Suppression` looked for `guidegen-ignore:`, milliseconds on one
        /// thread at the end of a large validation.
        func contains(bytes needle: [UInt8]) -> Bool {
            guard !needle.isEmpty else { return true }
            return withBytes { haystack in
                guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
                return needle.withUnsafeBufferPointer { memmem(base, haystack.count, $0.baseAddress!, needle.count) != nil }
            }
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { starts.count }

        public subscript(position: Int) -> String {
            withBytes { bytes in
                let start = Int(starts[position])
                var end = bytes.count
                if position + 1 < starts.count {
                    // Before the LF, CR or CR LF that ends the line.
                    end = Int(starts[position + 1]) - 1
                    if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`: `memchr` on the bytes, where `utf8.contains` steps
    /// an iterator byte by byte.
    func containsByte(_ byte: UInt8) -> Bool {
        withBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text's UTF-8 holds a byte in `range` (e.g. an ASCII digit), looked for in the
    /// bytes rather than through the iterator of `utf8`.
    func containsByte(in range: ClosedRange<UInt8>) -> Bool {
        // One byte is `memchr`'s; a range is one unsigned comparison a byte, in a plain loop
        // (`contains { range.contains($0) }` took about 6 cycles a byte).
        if range.lowerBound == range.upperBound { return containsByte(range.lowerBound) }
        let lower = range.lowerBound, span = range.upperBound &- range.lowerBound
        return withBytes { bytes in
            for byte in bytes where byte &- lower <= span { return true }
            return false
        }
    }

    /// Calls `body` with each Unicode scalar of the text, decoded from its UTF-8 bytes in place:
    /// iterating `unicodeScalars` holds a copy of the text (a retain and a release each time),
    /// and the rules that scan every text do this for each of them.
    func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        withBytes { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                guard lead >= 0x80 else {
                    body(Unicode.Scalar(lead))
                    index += 1
                    continue
                }
                // A Swift string is valid UTF-8: the lead byte gives the length, 2 to 4.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead & (0x7F >> length))
                for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                body(Unicode.Scalar(value).unsafelyUnwrapped)
                index += length
            }
        }
    }

    /// `body`'s result for the text's UTF-8 bytes, read where they are: `withUTF8` is mutating,
    /// and the copy it needs retains and releases the text (rules ask this of every text).
    /// Every string guidegen makes is native, so the fallback is for a bridged one.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return text.withUTF8(body)
    }

    /// `replacingOccurrences(of: placeholder, with: replacement)` for a placeholder such as
    /// `{count}` (ASCII lower-case letters between braces), done on the UTF-8 bytes: Foundation's
    /// goes through `NSString`, about 20,000 instructions a call. Where `placeholderMatches`
    /// cannot tell, Foundation is asked.
    func replacingPlaceholder(_ placeholder: String, with replacement: String) -> String {
        guard let matches = placeholderMatches(placeholder) else { return replacingOccurrences(of: placeholder, with: replacement) }
        guard !matches.isEmpty else { return self }
        return withBytes { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + matches.count * replacement.utf8.count)
            var copied = 0
            for match in matches {
                out.append(contentsOf: bytes[copied..<match.lowerBound])
                out.append(utf8: replacement)
                copied = match.upperBound
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `contains(placeholder)` for a placeholder such as `{list}`, on the UTF-8 bytes by the same
    /// rules (Foundation's `contains` was 9,000 instructions a call).
    func containsPlaceholder(_ placeholder: String) -> Bool {
        placeholderMatches(placeholder).map { !$0.isEmpty } ?? contains(placeholder)
    }

    /// Where a placeholder of ASCII lower-case letters between braces stands in the text's UTF-8
    /// bytes, or nil when Foundation must decide: for a placeholder of any other form, or when a
    /// match has a byte beyond ASCII beside it. Foundation compares whole characters, so a
    /// placeholder with a combining mark after it (or a prepended mark before it) is no match for
    /// it; two ASCII characters always stand apart, so where every match has an ASCII byte or the
    /// text's end on each side the two agree.
    private func placeholderMatches(_ placeholder: String) -> [Range<Int>]? {
        let needle = Array(placeholder.utf8)
        guard needle.count >= 3, needle.first == UInt8(ascii: "{"), needle.last == UInt8(ascii: "}"),
              needle.dropFirst().dropLast().allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else {
            return nil
        }
        return withBytes { bytes -> [Range<Int>]? in
            var matches: [Range<Int>] = []
            var index = 0
            while index + needle.count <= bytes.count {
                guard bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) else {
                    index += 1
                    continue
                }
                let end = index + needle.count
                if index > 0 && bytes[index - 1] >= 0x80 || end < bytes.count && bytes[end] >= 0x80 { return nil }
                matches.append(index..<end)
                index = end
            }
            return matches
        }
    }

    /// Splits on LF, CRLF and CR, keeping empty lines (unlike `split`).
    func enumerateLinesKeepingEmpty(_ body: (String) -> Void) {
        let bytes = Array(utf8)
        bytes.enumerateLines { body(String(decoding: bytes[$0], as: UTF8.self)) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where each line starts (see `enumerateLines`). Files with LF line breaks only, as nearly
    /// all are, are split with `memchr`: a loop over every byte was 3 % of a `validate`.
    func lineStarts() -> [UInt32] {
        guard let base = baseAddress, memchr(base, 0x0D, count) == nil else {
            var starts: [UInt32] = []
            Array(self).enumerateLines { starts.append(UInt32($0.lowerBound)) }
            return starts
        }
        var starts: [UInt32] = [0]
        var index = 0
        while index < count, let hit = memchr(base + index, 0x0A, count - index) {
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(UInt32(index))
        }
        return starts
    }
}

extension [UInt8] {

    /// Where each line of this UTF-8 text lies, without its LF, CRLF or CR, empty lines kept.
    /// Works on bytes (line breaks are single bytes that never occur inside a multi-byte
    /// character): appending scalar by scalar cost nearly as much as parsing the YAML.
    func enumerateLines(_ body: (Range<Int>) -> Void) {
        var start = 0
        var index = 0
        while index < count {
            let byte = self[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            body(start..<index)
            index += byte == 0x0D && index + 1 < count && self[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        body(start..<count)
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

extension SourceFile {
    /// How many bytes at the start of `bytes` are valid UTF-8, when not all are: where the first
    /// invalid byte is. Nil when all are valid.
    static func invalidUTF8Offset(_ bytes: some Sequence<UInt8>) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var valid = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): valid += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return valid
            }
        }
    }
}
