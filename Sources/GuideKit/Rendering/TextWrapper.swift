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
        // Written as UTF-8: appending a slice of scalars to a string was a fifth of wrapping.
        let head = TextScanning.string(scalars[..<markerLength])
        let hanging = DisplayWidth.of(head)
        let units = Self.units(scalars[markerLength...])

        var lines: [String] = []
        var current = head
        var currentWidth = hanging
        var hasContent = false
        for unit in units {
            if hasContent {
                if currentWidth + unit.gap + unit.width <= width {
                    current += String(repeating: " ", count: unit.gap) + unit.text
                    currentWidth += unit.gap + unit.width
                    continue
                }
                lines.append(current)
                let indent = hanging + unit.width <= width ? hanging : 0
                current = String(repeating: " ", count: indent)
                currentWidth = indent
            } else if currentWidth > 0, currentWidth + unit.width > width, unit.width <= width {
                // Not even the first unit fits after the marker: the marker keeps its line.
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            current += unit.text
            currentWidth += unit.width
            hasContent = true
        }
        lines.append(current)
        return lines.map { Self.trimTrailingSpaces($0) }
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
        var text: String
        var width: Int
        var gap: Int
    }

    static func units(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unit] {
        var units: [Unit] = []
        // The unit being read, its text as UTF-8 bytes (a String grown scalar by scalar is slow).
        var text: [UInt8] = []
        var width = 0, gap = 0
        var isOpen = false
        func close() {
            if isOpen { units.append(Unit(text: String(decoding: text, as: UTF8.self), width: width, gap: gap)) }
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
                text.removeAll(keepingCapacity: true)
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
        return units
    }

    /// The length, in scalars, of the leading spaces and list marker a continuation hangs under.
    static func markerLength(_ scalars: [Unicode.Scalar]) -> Int {
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        func matches(_ literal: String, at position: Int) -> Bool {
            let pattern = Array(literal.unicodeScalars)
            guard position + pattern.count <= scalars.count else { return false }
            return Array(scalars[position..<position + pattern.count]) == pattern
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

    static func trimTrailingSpaces(_ line: String) -> String {
        guard let last = line.utf8.last, last == 0x20 || last == 0x09 else { return line }
        var scalars = line.unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
