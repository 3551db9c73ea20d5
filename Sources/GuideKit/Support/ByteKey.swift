import Foundation

/// A string as a dictionary key that is its UTF-8 bytes, hashed and compared as one block of
/// memory. A `String` key takes canonically equivalent spellings (`ş` as one scalar, or `s` and a
/// cedilla) as one, which is why it normalises every text beyond ASCII for each hash and
/// comparison: most of what such a table cost on Turkish text.
struct ByteKey: Hashable {
    let text: String

    /// The key of this spelling: another spelling of the same text is another key.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    /// The key of the text, whatever its spelling: its NFC form, which canonically equivalent
    /// spellings share, so two keys are equal exactly when the strings are (`==`).
    init(canonical text: String) {
        self.init(PageText.nfc(text))
    }

    static func == (one: ByteKey, other: ByteKey) -> Bool {
        // Compared as two blocks of memory: comparing the UTF-8 views byte by byte cost most
        // of a look-up.
        one.text.withBytes { a in
            other.text.withBytes { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        text.withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
