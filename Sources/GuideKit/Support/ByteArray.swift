/// Appending text to an array of UTF-8 bytes, as pages, templates and JSON are built: each piece
/// is copied as one buffer, where appending a string's `utf8` view copied it through the string's
/// storage checks, and appending to a `String` checked its capacity, form and uniqueness each time.
extension [UInt8] {
    /// Appends the UTF-8 bytes of a literal.
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of a string.
    mutating func append(utf8 text: String) {
        text.withBytes { append(contentsOf: $0) }
    }
}
