/// One translatable string of the content: its text, its stable key and where it was written.
///
/// A class of constants, not a struct: sections, steps, catalog entries and the validator's
/// texts all hold texts, and each copy of the struct retained its four references (the text, the
/// key, the file's path and the file) one by one, as did each copy of a step for every text in
/// it. On two cores retains and releases were a quarter of a validation's samples, and these
/// copies their largest named source. Shared, a copy is one reference; equality and hashing are
/// still of the value, key and origin.
public final class SourceText: Sendable, Hashable {
    /// The text, inline Markdown (see the README's *Inline syntax*).
    public let value: String
    /// `Fingerprint.hash(value)`, what a catalog entry made from this text records.
    public let fingerprint: UInt64
    /// `CommonMark.isPlain(value)`: the text is its own inline parse, one text node (most are).
    /// Told once here: a build asks for every format and locale it renders the text in.
    public let isPlain: Bool
    /// Which kinds of bytes `value` has: rules look here before they look for a digit, a brace or
    /// a character beyond ASCII in the text, which most texts do not have. Scanning every text
    /// again for each such rule was about 40 % of what those rules cost on a large guide.
    public let bytes: ByteClasses
    /// Stable English key derived from ids (`alipay-personal-account.steps.verify-identity.text`).
    public let key: String
    /// Where the scalar starts, and how its characters map back to the file.
    public let origin: TextOrigin

    public init(_ value: String, key: String, origin: TextOrigin) {
        self.value = value
        self.fingerprint = Fingerprint.hash(value)
        self.isPlain = CommonMark.isPlain(value)
        self.bytes = ByteClasses(of: value)
        self.key = key
        self.origin = origin
    }

    /// The same text with another value, key and origin kept.
    public func withValue(_ value: String) -> SourceText {
        SourceText(value, key: key, origin: origin)
    }

    public var location: SourceLocation { origin.start }

    /// The file position of the character `offset` Unicode scalars into `value`.
    public func location(ofScalarOffset offset: Int) -> SourceLocation {
        origin.location(ofScalarOffset: offset, in: value)
    }

    public static func == (lhs: SourceText, rhs: SourceText) -> Bool {
        lhs === rhs || (lhs.value == rhs.value && lhs.key == rhs.key && lhs.origin == rhs.origin)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(key)
        hasher.combine(origin)
    }
}

/// Kinds of bytes a text's UTF-8 may hold (`SourceText.bytes`): a kind that is not in the set is
/// nowhere in the text.
public struct ByteClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// An ASCII digit, `0`–`9`.
    public static let digit = ByteClasses(rawValue: 1 << 0)
    /// `{`, which starts a placeholder.
    public static let openingBrace = ByteClasses(rawValue: 1 << 1)
    /// A byte of a character beyond ASCII.
    public static let nonASCII = ByteClasses(rawValue: 1 << 2)
    /// `/`, `w` or `W`: what a URL written out needs (`://`, a path or `www.`).
    public static let urlByte = ByteClasses(rawValue: 1 << 3)
    /// `.` or `/`: what a host written out needs (a domain's dot, or a URL's `://`).
    public static let hostByte = ByteClasses(rawValue: 1 << 4)

    /// The kinds of bytes `text` holds.
    public init(of text: String) {
        // Without branches, so the loop runs on vectors: every text of the content and the
        // catalogs passes through here once.
        rawValue = text.withBytes { bytes in
            var found: UInt8 = 0
            for byte in bytes {
                let digit: UInt8 = byte &- UInt8(ascii: "0") < 10 ? 1 : 0
                let brace: UInt8 = byte == UInt8(ascii: "{") ? 2 : 0
                let url: UInt8 = byte == UInt8(ascii: "/") || byte | 0x20 == UInt8(ascii: "w") ? 8 : 0
                let host: UInt8 = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") ? 16 : 0
                found |= digit | brace | (byte >> 7) << 2 | url | host
            }
            return found
        }
    }
}
