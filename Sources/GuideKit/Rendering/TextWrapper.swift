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
        var out = String(protectStart)
        out += text
        out.unicodeScalars.append(protectEnd)
        return out
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == protectStart || scalar == protectEnd }

    /// The text without protection marks.
    public static func unprotect(_ text: String) -> String {
        Escape.rewrite(text) { $0 == protectStart.value || $0 == protectEnd.value ? .drop : .keep }
    }

    /// Wraps every line of `text` (lines separated by LF).
    public func wrap(_ text: String) -> String {
        Self.lines(of: text).flatMap { wrapLine($0) }.joined(separator: "\n")
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
        let scalars = Array(line.unicodeScalars)
        let markerLength = Self.markerLength(scalars)
        // Lines are laid out as UTF-8 bytes and made strings once, trailing spaces cut: growing
        // strings unit by unit, and each unit's own string, were most of wrapping.
        var current: [UInt8] = []
        current.reserveCapacity(line.utf8.count + width)
        for scalar in scalars[..<markerLength] { current.append(contentsOf: scalar.utf8) }
        let hanging = scalars[..<markerLength].reduce(0) { $0 + DisplayWidth.of($1) }
        let (text, units) = Self.units(scalars[markerLength...], capacity: line.utf8.count)

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
        var total = 0
        var previous: Unicode.Scalar = "\0"
        var inText = false
        for scalar in line.unicodeScalars {
            if Self.isMark(scalar) { return false }
            if scalar == " " {
                if inText, previous == " " { return false }
            } else {
                inText = true
            }
            total += DisplayWidth.of(scalar)
            if total > width { return false }
            previous = scalar
        }
        return previous != " " && previous != "\t"
    }

    /// A piece of a line that is never broken, and the number of spaces before it.
    struct Unit: Equatable {
        /// Where its UTF-8 bytes are in the text `units(_:capacity:)` returns with it.
        var bytes: Range<Int>
        var width: Int
        var gap: Int
    }

    /// The units of `scalars`, and the UTF-8 bytes of all of them, one after the other (the
    /// protection marks and the spaces between units left out). `capacity` bounds the bytes.
    static func units(_ scalars: ArraySlice<Unicode.Scalar>, capacity: Int) -> (text: [UInt8], units: [Unit]) {
        var units: [Unit] = []
        var text: [UInt8] = []
        text.reserveCapacity(capacity)
        // The unit being read: where its bytes start, its width and the spaces before it.
        var start = 0, width = 0, gap = 0
        var isOpen = false
        func close() {
            if isOpen { units.append(Unit(bytes: start..<text.count, width: width, gap: gap)) }
            isOpen = false
        }
        var spaces = 0
        var protected = false
        var previousWide = false
        for scalar in scalars {
            if scalar == protectStart { protected = true; continue }
            if scalar == protectEnd { protected = false; continue }
            if scalar == " ", !protected {
                close()
                spaces += 1
                previousWide = false
                continue
            }
            let scalarWidth = DisplayWidth.of(scalar)
            let wide = scalarWidth == 2 && !protected
            if wide, previousWide {
                // A break opportunity between two wide characters, with no space to drop.
                close()
            }
            if !isOpen {
                start = text.count
                width = 0
                gap = spaces
                spaces = 0
                isOpen = true
            }
            if scalar.isASCII { text.append(UInt8(scalar.value)) } else { text.append(contentsOf: scalar.utf8) }
            width += scalarWidth
            previousWide = wide
        }
        close()
        return (text, units)
    }

    /// The length, in scalars, of the leading spaces and list marker a continuation hangs under.
    static func markerLength(_ scalars: [Unicode.Scalar]) -> Int {
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        // Compared scalar by scalar in place: arrays of each marker and of each slice were
        // most of what wrapping a line cost.
        func matches(_ literal: String, at position: Int) -> Bool {
            var index = position
            for scalar in literal.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { return false }
                index += 1
            }
            return true
        }
        for marker in ["[ ] ", "[x] ", "[X] ", "- ", "* ", "• "] where matches(marker, at: index) {
            index += marker.unicodeScalars.count
            break
        }
        // A step number: a label, then one or more `.digits`, then a space (`4A.3 `, `2.1.1 `).
        var end = index
        while end < scalars.count, ("A"..."Z").contains(scalars[end]) || ("0"..."9").contains(scalars[end]) { end += 1 }
        guard end > index, end < scalars.count, ("0"..."9").contains(scalars[index]) else { return index }
        var dots = 0
        while end + 1 < scalars.count, scalars[end] == ".", ("0"..."9").contains(scalars[end + 1]) {
            end += 1
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            dots += 1
        }
        if dots > 0, end < scalars.count, scalars[end] == " " {
            return end + 1
        }
        return index
    }
}
