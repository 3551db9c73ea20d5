/// One translatable string of the content: its text, its stable key and where it was written.
public struct SourceText: Sendable, Hashable {
    /// The text, inline Markdown (see the README's *Inline syntax*).
    public var value: String {
        didSet {
            fingerprint = Fingerprint.hash(value)
            isPlain = CommonMark.isPlain(value)
        }
    }
    /// `Fingerprint.hash(value)`, what a catalog entry made from this text records.
    public private(set) var fingerprint: UInt64
    /// `CommonMark.isPlain(value)`: the text is its own inline parse, one text node (most are).
    /// Told once here: a build asks for every format and locale it renders the text in.
    public private(set) var isPlain: Bool
    /// Stable English key derived from ids (`alipay-personal-account.steps.verify-identity.text`).
    public var key: String
    /// Where the scalar starts, and how its characters map back to the file.
    public var origin: TextOrigin

    public init(_ value: String, key: String, origin: TextOrigin) {
        self.value = value
        self.fingerprint = Fingerprint.hash(value)
        self.isPlain = CommonMark.isPlain(value)
        self.key = key
        self.origin = origin
    }

    public var location: SourceLocation { origin.start }

    /// The file position of the character `offset` Unicode scalars into `value`.
    public func location(ofScalarOffset offset: Int) -> SourceLocation {
        origin.location(ofScalarOffset: offset, in: value)
    }
}
