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

    /// Appends `value` in decimal digits. Divided by the constant 10, which the compiler makes a
    /// multiplication: dividing by a power of ten held in a variable cost a division per digit.
    mutating func append(decimal value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value, start = digits.count
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends `value` in decimal digits, after a minus sign when it is negative.
    mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        append(decimal: UInt64(value.magnitude))
    }
}
