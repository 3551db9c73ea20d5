import Foundation

/// The shape every rendered page is given (`SiteRenderer.normalise`): NFC, LF line endings, no
/// trailing spaces or tabs, at most one blank line in a row, no blank lines at the start or the
/// end. Works on UTF-8 bytes: the Foundation string calls it replaces (two
/// `replacingOccurrences` and a `split`) cost about a sixth of a build.
enum PageText {
    /// `text` in NFC. A string the quick check passes (nearly every page) is returned as it is;
    /// any other is composed by Foundation, as before.
    static func nfc(_ text: String) -> String {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = text.utf8Span
            if span.checkForNFC(quickCheck: true) { return text }
        }
        return text.precomposedStringWithCanonicalMapping
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

    /// The lines joined, each ended by a line feed; "" when there are none.
    static func normalise(_ text: String) -> String {
        var out: [UInt8] = []
        scan(text) { line, blankBefore in
            if out.isEmpty { out.reserveCapacity(text.utf8.count + 1) }
            if blankBefore { out.append(0x0A) }
            out.append(contentsOf: line)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each line that is not blank, and whether one blank line goes before it.
    /// CR LF and a lone CR end a line like LF; leading, repeated and trailing blank lines go.
    private static func scan(_ text: String, _ body: (ArraySlice<UInt8>, Bool) -> Void) {
        let bytes = Array(nfc(text).utf8)
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
