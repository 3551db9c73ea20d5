/// The fingerprint a catalog entry records of the source text it was translated from.
///
/// FNV-1a, 64 bits, over the text's UTF-8 bytes, as 16 lower-case hex digits. Not a security
/// hash: it only tells whether the source text changed since the translation was made.
public enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func of(_ text: String) -> String {
        let value = hash(text)
        // The 16 digits written straight into the string: `String(radix:)` padded with zeros made
        // three strings per fingerprint, and validation takes one of every text for every catalog.
        return String(unsafeUninitializedCapacity: 16) { digits in
            for index in 0..<16 {
                digits[index] = hexDigits[Int(truncatingIfNeeded: value >> (60 - 4 * index)) & 0xF]
            }
            return 16
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The number a fingerprint writes, or nil when it is not well formed. A catalog entry keeps
    /// its own, and a source text its hash (`SourceText.fingerprint`), so that telling whether a
    /// translation is current compares two numbers: a build asks it of every text for every
    /// format and locale, and hashing the text each time was 1 % of a large build.
    public static func number(_ fingerprint: String) -> UInt64? {
        // Read on the bytes in one pass: checking them and then `UInt64(_:radix:)` was two, the
        // second through the generic parser (every catalog entry has a fingerprint).
        fingerprint.withBytes { bytes -> UInt64? in
            guard bytes.count == 16 else { return nil }
            var value: UInt64 = 0
            for byte in bytes {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
    }

    /// The FNV-1a hash of the text's UTF-8 bytes: the number its fingerprint writes.
    public static func hash(_ text: String) -> UInt64 {
        text.withBytes { bytes in
            var hash = offsetBasis
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
            return hash
        }
    }

    /// Whether `value` has the form of a fingerprint (16 lower-case hex digits).
    public static func isWellFormed(_ value: String) -> Bool {
        value.withBytes { bytes in bytes.count == 16 && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }
    }
}
