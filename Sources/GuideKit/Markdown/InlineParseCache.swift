import Foundation

/// Inline Markdown parsed once per text for a whole build: a page renders each text in its
/// format and often again as plain text, every format renders it again, and titles appear on many
/// pages. Safe to share between the threads pages render on.
final class InlineParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [Spelling: [Inline]] = [:]

    /// `CommonMark.parseInline(text).inlines`, parsed the first time only.
    func inlines(of text: String) -> [Inline] {
        // A plain text (most are) is its own parse: told by one pass over its bytes, with no
        // hashing, no lock and nothing stored.
        if CommonMark.isPlain(text) { return [.text(text)] }
        let key = Spelling(text)
        if let inlines = lock.withLock({ parsed[key] }) { return inlines }
        let inlines = CommonMark.parseInline(text).inlines
        lock.withLock { parsed[key] = inlines }
        return inlines
    }

    /// A text as its UTF-8 bytes. `String`'s own `==` and hash take canonically equivalent texts
    /// (`ş` as one scalar, or `s` and a cedilla) as one, so a cache keyed by `String` would hand
    /// one spelling the parse, and so the bytes, of the other; and it normalises every non-ASCII
    /// text on every lookup, which was most of what the cache cost on Turkish text.
    private struct Spelling: Hashable {
        let text: String

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
        }

        static func == (one: Spelling, other: Spelling) -> Bool {
            // Compared as two blocks of memory: comparing the UTF-8 views byte by byte cost
            // most of a lookup.
            var first = one.text, second = other.text
            return first.withUTF8 { a in
                second.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
