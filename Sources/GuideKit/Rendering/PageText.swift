import Foundation

/// The shape every rendered page is given, so template whitespace never changes it: NFC, LF
/// line endings, no trailing spaces or tabs, at most one blank line in a row, no blank lines at
/// the start or the end. Works on UTF-8 bytes: the Foundation string calls it replaces (two
/// `replacingOccurrences` and a `split`) cost about a sixth of a build.
enum PageText {
    /// `text` in NFC. A string the quick check passes (nearly every page) is returned as it is;
    /// any other is composed by Foundation, as before.
    static func nfc(_ text: String) -> String {
        if isPlainlyNFC(text) { return text }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = text.utf8Span
            if span.checkForNFC(quickCheck: true) { return text }
        }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of `text` is one a page is mostly made of and NFC leaves alone
    /// wherever it stands: below U+0300 (ASCII, Latin-1, Turkish letters; the combining marks
    /// start at U+0300), U+2010–U+2027 (dashes, quotes, bullets, the ellipsis), a CJK unified
    /// ideograph (U+4E00–U+9FFF, as in Chinese UI labels) or one of `TextWrapper`'s protection
    /// marks (U+E000, U+E001: every checklist block has them until it is wrapped). Each of these
    /// has canonical combining class 0 and passes NFC's quick check (a test asks the standard
    /// library about every one), so a string of them is in NFC. A byte loop: the standard
    /// library's quick check was 2 % of a build. Any other scalar answers false, and the caller
    /// asks the standard library.
    static func isPlainlyNFC(_ text: String) -> Bool {
        text.withBytes { isPlainlyNFC($0) }
    }

    /// `isPlainlyNFC` of the text these UTF-8 bytes spell.
    static func isPlainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Eight ASCII bytes at a time: most of a page is markup.
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0xCC {
                // ASCII, or a two-byte scalar below U+0300 (a continuation byte never starts one).
                index += lead < 0x80 ? 1 : 2
            } else if lead >= 0xE0, lead < 0xF0, index + 2 < count {
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                guard (0x2010...0x2027).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) || scalar == 0xE000 || scalar == 0xE001 else { return false }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The page's lines, without their line feeds.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        scan(text) { line, blankBefore in
            if blankBefore { result.append("") }
            result.append(String(decoding: line, as: UTF8.self))
        }
        return result
    }

    /// What `lines` makes of lines handed over one at a time (each without its line feed and in
    /// NFC): trailing spaces and tabs cut, blank lines at the start and the end left out, a run
    /// of them made one.
    ///
    /// Kept as UTF-8 bytes, each line ended by a line feed, for the checklist's pages: a string
    /// made of every line checked each line's bytes again.
    struct Lines {
        private(set) var bytes: [UInt8] = []
        /// How many lines `bytes` holds.
        private(set) var count = 0
        private var pendingBlank = false

        var isEmpty: Bool { count == 0 }

        /// The lines as strings.
        var lines: [String] {
            bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        }

        mutating func append(_ line: String) {
            line.withBytes { append($0[...]) }
        }

        /// Appends the line these UTF-8 bytes spell (valid UTF-8, no line feed).
        mutating func append(_ line: Slice<UnsafeBufferPointer<UInt8>>) {
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            if end == line.startIndex {
                pendingBlank = count > 0
                return
            }
            if pendingBlank {
                bytes.append(0x0A)
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<end]))
            bytes.append(0x0A)
            count += 1
            pendingBlank = false
        }
    }

    /// The lines joined, each ended by a line feed; "" when there are none.
    static func normalise(_ text: String) -> String {
        String(decoding: normalisedBytes(text), as: UTF8.self)
    }

    /// `normalise(text)` as UTF-8 bytes, for a page's file: no second pass to make a `String`.
    static func normalisedBytes(_ text: String) -> Data {
        var composed = nfc(text)
        return composed.withUTF8 { joinedLines(of: $0) }
    }

    /// `normalisedBytes` of the text a template rendered as UTF-8 bytes (valid UTF-8: it is
    /// made of strings' bytes). Nearly every page is plainly in NFC and is read as it is; any
    /// other goes through `nfc` as a string.
    static func normalisedBytes(_ rendered: UnsafeBufferPointer<UInt8>) -> Data {
        isPlainlyNFC(rendered) ? joinedLines(of: rendered) : normalisedBytes(String(decoding: rendered, as: UTF8.self))
    }

    /// The lines of NFC text, each ended by a line feed.
    ///
    /// Written into memory from `malloc` that the data then owns: appending to `Data` line by line
    /// cost more than the rest of the scan, and gathering the lines in an array copied every page
    /// once more into its `Data`. The lines take at most the text's bytes and one: each line feed
    /// written stands for a line end or a blank line the text had, but for a last line without one.
    private static func joinedLines(of bytes: UnsafeBufferPointer<UInt8>) -> Data {
        let capacity = bytes.count + 1
        guard let memory = malloc(capacity) else { fatalError("out of memory for a page of \(capacity) bytes") }
        let out = memory.bindMemory(to: UInt8.self, capacity: capacity)
        var count = 0
        scanLines(bytes) { line, blankBefore in
            let needed = line.count + (blankBefore ? 2 : 1)
            precondition(count + needed <= capacity, "normalised lines longer than the text")
            if blankBefore {
                out[count] = 0x0A
                count += 1
            }
            if let start = line.base.baseAddress {
                (out + count).update(from: start + line.startIndex, count: line.count)
            }
            count += line.count
            out[count] = 0x0A
            count += 1
        }
        return Data(bytesNoCopy: memory, count: count, deallocator: .free)
    }

    /// Calls `body` with each line that is not blank, and whether one blank line goes before it.
    /// CR LF and a lone CR end a line like LF; leading, repeated and trailing blank lines go.
    private static func scan(_ text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>, Bool) -> Void) {
        var composed = nfc(text)
        composed.withUTF8 { scanLines($0, body) }
    }

    /// `scan` of text already in NFC, as UTF-8 bytes.
    static func scanLines(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Slice<UnsafeBufferPointer<UInt8>>, Bool) -> Void) {
        var sawContent = false
        var pendingBlank = false
        var start = 0
        var index = 0
        func line(_ lower: Int, _ upper: Int) {
            var end = upper
            while end > lower, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if end == lower {
                pendingBlank = sawContent
                return
            }
            body(bytes[lower..<end], pendingBlank)
            pendingBlank = false
            sawContent = true
        }
        // Pages with LF line ends only, as nearly all are, are cut at each LF found with `memchr`:
        // the loop below, a switch on every byte, was 2 % of a build.
        if let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil {
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                line(start, end)
                start = end + 1
            }
            line(start, bytes.count)
            return
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line(start, index)
                index += 1
                start = index
            case 0x0D:
                line(start, index)
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            default:
                index += 1
            }
        }
        line(start, bytes.count)
    }
}
