import Foundation

/// Wraps plain text to a number of display columns (see `DisplayWidth`) for the checklist.
///
/// Rules, applied to every line on its own:
/// - A line breaks only at spaces, or between two East Asian wide characters (Chinese and Japanese
///   have no spaces); never inside a word, so a URL or an email address is never broken.
/// - Text between `protect(_:)`'s marks (UI labels) is one unbreakable unit, spaces included;
///   the marks are removed from the result.
/// - Continuation lines hang under the text after the line's leading marker: the leading spaces
///   plus `[ ] `, `[x] `, `- `, `* ` or `• `, then a step number such as `4A.3 `.
/// - A unit wider than the room after that indent starts at column 1 when it fits there;
///   a unit wider than the whole line (a very long URL) stays whole on a line of its own.
/// - Trailing spaces are removed.
public struct TextWrapper: Sendable {
    public var width: Int

    public init(width: Int = 80) { self.width = width }

    static let protectStart: Unicode.Scalar = "\u{E000}"
    static let protectEnd: Unicode.Scalar = "\u{E001}"

    /// Marks text that must not be broken across lines.
    public static func protect(_ text: String) -> String {
        // Written as bytes into the string's buffer: appending the marks as scalars cost more
        // than the text (U+E000 is EE 80 80 and U+E001 is EE 80 81 in UTF-8).
        text.withBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 6) { buffer in
                buffer[0] = 0xEE
                buffer[1] = 0x80
                buffer[2] = 0x80
                _ = UnsafeMutableBufferPointer(rebasing: buffer[3...]).initialize(fromContentsOf: bytes)
                buffer[bytes.count + 3] = 0xEE
                buffer[bytes.count + 4] = 0x80
                buffer[bytes.count + 5] = 0x81
                return bytes.count + 6
            }
        }
    }

    /// The text without protection marks.
    public static func unprotect(_ text: String) -> String {
        // Both marks start with the byte EE: a text without one (most) is returned as it is.
        guard text.containsByte(0xEE) else { return text }
        return Escape.rewrite(text) { $0 == protectStart.value || $0 == protectEnd.value ? .drop : .keep }
    }

    /// Wraps every line of `text` (lines separated by LF).
    public func wrap(_ text: String) -> String {
        Self.lines(of: text).flatMap { wrapLine($0) }.joined(separator: "\n")
    }

    /// The lines of a checklist block: `PageText.lines(wrap(PageText.normalise(text)))`, in one
    /// pass over the text's bytes. That chain made a string of the normalised text, cut it into
    /// lines, joined the wrapped lines and cut them again (3 % of a build); here each line the
    /// page scan finds is wrapped and kept as it comes.
    func pageLines(_ text: String) -> [String] {
        pageBlock(text).lines
    }

    /// `pageLines` as the UTF-8 bytes of the lines, each ended by a line feed.
    func pageBlock(_ text: String) -> PageText.Lines {
        var composed = PageText.nfc(text)
        return composed.withUTF8 { pageBlock(ofNFC: $0) }
    }

    /// `pageBlock` of the text a template rendered as UTF-8 bytes (valid UTF-8: it is made of
    /// strings' bytes). Nearly every block is plainly in NFC and is read as it is, without first
    /// being made a string; any other goes through `nfc` as a string.
    func pageBlock(_ rendered: UnsafeBufferPointer<UInt8>) -> PageText.Lines {
        PageText.isPlainlyNFC(rendered) ? pageBlock(ofNFC: rendered) : pageBlock(String(decoding: rendered, as: UTF8.self))
    }

    private func pageBlock(ofNFC bytes: UnsafeBufferPointer<UInt8>) -> PageText.Lines {
        var lines = PageText.Lines()
        PageText.scanLines(bytes) { line, blankBefore in
            if blankBefore { lines.append("") }
            if fitsAsItIs(line) {
                // A line of NFC text, with no trailing space (the scan cut it) and nothing
                // wrapping changes: its bytes as they are.
                lines.append(line)
            } else {
                // Taking out protection marks can leave a combining mark next to a letter it
                // composes with: such a line is composed again, as the page's text was.
                for wrapped in wrapByUnits(line) { lines.append(PageText.nfc(wrapped)) }
            }
        }
        return lines
    }

    /// `text` split at each LF, as `split(separator: "\n")` splits it (a CR LF pair is one
    /// character there, so it does not split), but on UTF-8 bytes rather than characters.
    static func lines(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
        lines.append(String(decoding: bytes[start...], as: UTF8.self))
        return lines
    }

    /// One line, wrapped into as many as it needs.
    public func wrapLine(_ line: String) -> [String] {
        fitsAsItIs(line) ? [line] : wrapByUnits(line)
    }

    /// `wrapLine` without its shortcut: the line cut into units and laid out again.
    func wrapByUnits(_ line: String) -> [String] {
        line.withBytes { wrapByUnits($0[...]) }
    }

    /// `wrapByUnits` of the line these UTF-8 bytes spell. On bytes: an array of the line's
    /// scalars, and each scalar's bytes worked out again from it, were half of wrapping.
    func wrapByUnits(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> [String] {
        let bytes = UnsafeBufferPointer(rebasing: line)
        let markerLength = Self.markerLength(bytes)
        // Lines are laid out as UTF-8 bytes and made strings once, trailing spaces cut: growing
        // strings unit by unit, and each unit's own string, were most of wrapping.
        var current: [UInt8] = []
        current.reserveCapacity(bytes.count + width)
        current.append(contentsOf: bytes[..<markerLength])
        let hanging = Self.width(of: bytes[..<markerLength])
        let (text, units) = Self.units(bytes[markerLength...])

        var lines: [String] = []
        var currentWidth = hanging
        var hasContent = false
        func startLine(indent: Int) {
            lines.append(Self.lineWithoutTrailingSpaces(current))
            current.removeAll(keepingCapacity: true)
            current.append(contentsOf: repeatElement(0x20, count: indent))
            currentWidth = indent
        }
        for unit in units {
            if hasContent {
                if currentWidth + unit.gap + unit.width <= width {
                    current.append(contentsOf: repeatElement(0x20, count: unit.gap))
                    current.append(contentsOf: text[unit.bytes])
                    currentWidth += unit.gap + unit.width
                    continue
                }
                startLine(indent: hanging + unit.width <= width ? hanging : 0)
            } else if currentWidth > 0, currentWidth + unit.width > width, unit.width <= width {
                // Not even the first unit fits after the marker: the marker keeps its line.
                startLine(indent: 0)
            }
            current.append(contentsOf: text[unit.bytes])
            currentWidth += unit.width
            hasContent = true
        }
        lines.append(Self.lineWithoutTrailingSpaces(current))
        return lines
    }

    /// Columns of the text these UTF-8 bytes spell.
    static func width(of bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let bytes = UnsafeBufferPointer(rebasing: bytes)
        var total = 0
        var index = 0
        while index < bytes.count {
            let (scalar, length) = Escape.scalar(at: index, in: bytes)
            total += DisplayWidth.of(codePoint: scalar)
            index += length
        }
        return total
    }

    /// `bytes` as a string, without the spaces and tabs at its end.
    static func lineWithoutTrailingSpaces(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Whether wrapping would return the line unchanged: it fits in the width, has no protection
    /// marks to remove, no trailing space to trim and no run of spaces after its text begins (the
    /// spaces after a list marker are made one). Most checklist lines are such; this answers for
    /// them without cutting the line into units.
    func fitsAsItIs(_ line: String) -> Bool {
        line.withBytes { fitsAsItIs($0[...]) }
    }

    /// `fitsAsItIs` of the line these UTF-8 bytes spell, read byte by byte where they are ASCII
    /// (most are): going through the string's scalars was 1.6 % of a build.
    func fitsAsItIs(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: line)
        var total = 0
        var previous: UInt32 = 0
        var inText = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isNarrowWordByte(byte) {
                // Printable ASCII but the space, without decoding it: one column.
                inText = true
                total += 1
                if total > width { return false }
                previous = UInt32(byte)
                index += 1
                continue
            }
            let (scalar, length) = Escape.scalar(at: index, in: bytes)
            index += length
            if scalar == Self.protectStart.value || scalar == Self.protectEnd.value { return false }
            if scalar == 0x20 {
                if inText, previous == 0x20 { return false }
            } else {
                inText = true
            }
            total += DisplayWidth.of(codePoint: scalar)
            if total > width { return false }
            previous = scalar
        }
        return previous != 0x20 && previous != 0x09
    }

    /// A piece of a line that is never broken, and the number of spaces before it.
    struct Unit: Equatable {
        /// Where its UTF-8 bytes are in the text `units(_:)` returns with it.
        var bytes: Range<Int>
        var width: Int
        var gap: Int
    }

    /// The units of the text these UTF-8 bytes spell, and the bytes of all of them, one after the
    /// other (the protection marks and the spaces between units left out).
    static func units(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> (text: [UInt8], units: [Unit]) {
        let bytes = UnsafeBufferPointer(rebasing: slice)
        var units: [Unit] = []
        // A unit and the space after it take two bytes at least; most words take more.
        units.reserveCapacity(bytes.count / 4 + 1)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        // The unit being read: where its bytes start, its width and the spaces before it.
        var start = 0, width = 0, gap = 0
        var isOpen = false
        var spaces = 0
        func open() {
            guard !isOpen else { return }
            start = text.count
            width = 0
            gap = spaces
            spaces = 0
            isOpen = true
        }
        func close() {
            if isOpen { units.append(Unit(bytes: start..<text.count, width: width, gap: gap)) }
            isOpen = false
        }
        var protected = false
        var previousWide = false
        var index = 0
        while index < bytes.count {
            if Self.isNarrowWordByte(bytes[index]) {
                // A run of printable ASCII but the space (most of a line), without decoding it:
                // one column a byte, never wide, appended at once.
                open()
                var end = index + 1
                while end < bytes.count, Self.isNarrowWordByte(bytes[end]) { end += 1 }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                width += end - index
                previousWide = false
                index = end
                continue
            }
            let (scalar, length) = Escape.scalar(at: index, in: bytes)
            defer { index += length }
            if scalar == protectStart.value { protected = true; continue }
            if scalar == protectEnd.value { protected = false; continue }
            if scalar == 0x20, !protected {
                close()
                spaces += 1
                previousWide = false
                continue
            }
            let scalarWidth = DisplayWidth.of(codePoint: scalar)
            let wide = scalarWidth == 2 && !protected
            if wide, previousWide {
                // A break opportunity between two wide characters, with no space to drop.
                close()
            }
            open()
            // Byte by byte: an append of a buffer per scalar went through a generic call.
            for offset in index..<index + length { text.append(bytes[offset]) }
            width += scalarWidth
            previousWide = wide
        }
        close()
        return (text, units)
    }

    /// Whether a byte is printable ASCII other than the space: a character of one column that
    /// belongs to the unit around it.
    @inline(__always)
    private static func isNarrowWordByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// The length, in UTF-8 bytes, of the leading spaces and list marker a continuation hangs
    /// under.
    static func markerLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        // Compared byte by byte in place: arrays of each marker and of each slice were most of
        // what wrapping a line cost.
        func matches(_ literal: StaticString, at position: Int) -> Bool {
            guard position + literal.utf8CodeUnitCount <= bytes.count else { return false }
            return memcmp(literal.utf8Start, bytes.baseAddress! + position, literal.utf8CodeUnitCount) == 0
        }
        for marker: StaticString in ["[ ] ", "[x] ", "[X] ", "- ", "* ", "• "] where matches(marker, at: index) {
            index += marker.utf8CodeUnitCount
            break
        }
        // A step number: a label, then one or more `.digits`, then a space (`4A.3 `, `2.1.1 `).
        func isDigit(_ position: Int) -> Bool { (0x30...0x39).contains(bytes[position]) }
        var end = index
        while end < bytes.count, (0x41...0x5A).contains(bytes[end]) || isDigit(end) { end += 1 }
        guard end > index, end < bytes.count, isDigit(index) else { return index }
        var dots = 0
        while end + 1 < bytes.count, bytes[end] == 0x2E, isDigit(end + 1) {
            end += 1
            while end < bytes.count, isDigit(end) { end += 1 }
            dots += 1
        }
        if dots > 0, end < bytes.count, bytes[end] == 0x20 {
            return end + 1
        }
        return index
    }
}
