/// A set of ASCII bytes as 128 bits in two words (bytes 0–63, then 64–127), for loops that stop
/// at any of a few bytes: copied into a local, the words stay in registers, where a table in an
/// array cost a bounds check and a load for every byte.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes where byte < 0x80 {
            if byte < 0x40 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 0x40) }
        }
    }

    /// Whether `byte` is in the set; never for a byte of 0x80 or more.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 0x40 ? (low &>> UInt64(byte)) & 1 != 0 : byte < 0x80 && (high &>> UInt64(byte - 0x40)) & 1 != 0
    }

    /// Whether `scalar` is one of the set's bytes; never for a scalar beyond ASCII.
    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && contains(UInt8(scalar.value))
    }
}

extension UInt8 {
    /// The byte with an ASCII capital letter made small (`A`–`Z` to `a`–`z`), any other byte as
    /// it is: for comparing ASCII text without regard to case on its UTF-8 bytes.
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes from `offset` on start with `prefix` (ASCII, in lower case), in either
    /// case: a scheme or `www.` looked for without lower-casing a copy of the text.
    func hasASCIIPrefixIgnoringCase(_ prefix: StaticString, at offset: Int = 0) -> Bool {
        let length = prefix.utf8CodeUnitCount
        return count - offset >= length && (0..<length).allSatisfy { self[offset + $0].lowercasedASCII == prefix.utf8Start[$0] }
    }
}
