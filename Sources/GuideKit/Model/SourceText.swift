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
        let bytes = ByteClasses(of: value)
        self.isPlain = CommonMark.isPlain(value, bytes: bytes)
        self.bytes = bytes
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
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// An ASCII digit, `0`–`9`.
    public static let digit = ByteClasses(rawValue: 1 << 0)
    /// `{`, which starts a placeholder.
    public static let openingBrace = ByteClasses(rawValue: 1 << 1)
    /// A byte of a character beyond ASCII.
    public static let nonASCII = ByteClasses(rawValue: 1 << 2)
    /// `/`, `w` or `W`: what a URL written out needs (`://`, a path or `www.`); or `&`, which
    /// may start a reference to one of them (`&#47;`).
    public static let urlByte = ByteClasses(rawValue: 1 << 3)
    /// `.` or `/`: what a host written out needs (a domain's dot, or a URL's `://`); or `&`, which
    /// may start a reference to one of them (`&period;`).
    public static let hostByte = ByteClasses(rawValue: 1 << 4)
    /// A byte that keeps a text from being plain to `CommonMark.isPlain`: a character with a
    /// meaning inside a paragraph, a control character or DEL.
    public static let plainStop = ByteClasses(rawValue: 1 << 5)
    /// A byte HTML text changes (`Escape.htmlText`): `&`, `<`, `>`, a control character or DEL.
    public static let htmlStop = ByteClasses(rawValue: 1 << 6)
    /// A byte Markdown text changes (`Escape.markdown`).
    public static let markdownStop = ByteClasses(rawValue: 1 << 7)
    /// A control character or DEL, which printed plain text changes (`InlineRenderer.plain`).
    public static let controlByte = ByteClasses(rawValue: 1 << 8)
    /// The first byte of a character escaping may drop or be unsure of (`Escape.keepsEveryScalar`):
    /// C2 (C1 controls), E2 (bidirectional controls), EE (guidegen's protection marks), EF
    /// (noncharacters) and a four-byte character's.
    public static let droppableLead = ByteClasses(rawValue: 1 << 9)

    /// The kinds of bytes `text` holds.
    public init(of text: String) {
        // A table of each byte's kinds: every text of the content and the catalogs passes through
        // here once, and the plain-text check (`isPlain`) was a second pass over each.
        rawValue = text.withBytes { bytes in
            Self.table.withUnsafeBufferPointer { table in
                var found: UInt16 = 0
                for byte in bytes { found |= table[Int(byte)] }
                return found
            }
        }
    }

    /// The kinds of one byte.
    static func of(byte: UInt8) -> ByteClasses {
        var kinds: ByteClasses = []
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { kinds.insert(.digit) }
        if byte == UInt8(ascii: "{") { kinds.insert(.openingBrace) }
        if byte >= 0x80 { kinds.insert(.nonASCII) }
        if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W") || byte == UInt8(ascii: "&") { kinds.insert(.urlByte) }
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "&") { kinds.insert(.hostByte) }
        if CommonMark.plainStops.contains(byte) { kinds.insert(.plainStop) }
        if Escape.htmlTextStops.contains(byte) { kinds.insert(.htmlStop) }
        if Escape.markdownStops.contains(byte) { kinds.insert(.markdownStop) }
        if InlineRenderer.plainStops.contains(byte) { kinds.insert(.controlByte) }
        if [0xC2, 0xE2, 0xEE, 0xEF].contains(byte) || byte >= 0xF0 { kinds.insert(.droppableLead) }
        return kinds
    }

    private static let table: [UInt16] = (0...255).map { of(byte: UInt8($0)).rawValue }
}
