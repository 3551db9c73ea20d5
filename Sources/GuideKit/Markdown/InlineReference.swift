/// What a link destination in content text refers to.
public enum InlineReference: Sendable, Hashable {
    /// `link:KEY`: an entry of the link registry.
    case registry(key: String)
    /// `ui:LANG`: a UI label in language LANG.
    case uiLabel(language: String)
    /// `gloss:`: the link text translates the UI label just before it for readers of the page's
    /// language (`‘[现在去认证](ui:zh-Hans)’ [Verify now](gloss:)`), printed in parentheses.
    case gloss
    /// `section:ID` or `section:ID#STEP`.
    case section(id: String, step: String?)
    /// `number:` or `percent:`: the link text is a locale-neutral number (`[0.8](percent:)`) that
    /// each locale writes its own way.
    case quantity(Quantity.Kind)
    /// Anything else: a raw URL or an unknown scheme, which content may not use.
    case raw(String)

    /// The whole destination of a gloss.
    public static let glossDestination = "gloss:"

    public init(destination: String) {
        // Each scheme starts with a letter of its own, so the first byte tells which one prefix a
        // destination can have: trying them in turn cost a failed comparison for each (a text's
        // links are looked at every time it renders).
        switch destination.utf8.first {
        case UInt8(ascii: "l"):
            if let key = destination.dropPrefix("link:") { self = .registry(key: key); return }
        case UInt8(ascii: "u"):
            if let language = destination.dropPrefix("ui:") { self = .uiLabel(language: language); return }
        case UInt8(ascii: "g"):
            if destination == Self.glossDestination { self = .gloss; return }
        case UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "a"):
            if let kind = Quantity.Kind(destination: destination) { self = .quantity(kind); return }
        case UInt8(ascii: "s"):
            if let target = destination.dropPrefix("section:") { self = Self.section(target); return }
        default:
            break
        }
        self = .raw(destination)
    }

    /// `section:` and the rest: an ASCII target (ids are) is cut at its first `#` byte; any other by characters.
    private static func section(_ target: String) -> InlineReference {
        if target.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) else { return .section(id: target, step: nil) }
            return .section(id: String(target[..<hash]), step: String(target[target.utf8.index(after: hash)...]))
        }
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return .section(id: String(parts[0]), step: parts.count > 1 ? String(parts[1]) : nil)
    }
}

extension InlineReference {
    /// Whether this is a marked number (`number:`, `percent:`).
    public var isQuantity: Bool {
        if case .quantity = self { return true }
        return false
    }
}

extension String {
    /// The text after `prefix` (ASCII, as every caller's is), or nil when it does not start with
    /// it. Cut by the prefix's UTF-8 length: when ASCII characters match, so do their bytes, and
    /// `dropFirst(prefix.count)` broke the text into characters to count them (a fifth of
    /// locating a text's links).
    func dropPrefix(_ prefix: StaticString) -> String? {
        let count = prefix.utf8CodeUnitCount
        // On the bytes, with the literal's bytes, and the rest made from its bytes: a `String`
        // prefix, the indices and the substring cost 600 instructions a call.
        let (decided, rest): (Bool, String?) = withBytes { bytes in
            guard bytes.count >= count else { return (true, nil) }
            for index in 0..<count where bytes[index] != prefix.utf8Start[index] { return (true, nil) }
            // A byte beyond ASCII after the prefix's bytes may be a combining mark, which joins the
            // prefix's last character into another: `hasPrefix`, on characters, decides then.
            if count < bytes.count, bytes[count] >= 0x80 { return (false, nil) }
            return (true, String(decoding: UnsafeBufferPointer(rebasing: bytes[count...]), as: UTF8.self))
        }
        if decided { return rest }
        return hasPrefix(prefix.description) ? String(self[utf8.index(startIndex, offsetBy: count)...]) : nil
    }
}

extension [Inline] {
    /// Every link in these elements, depth first, with what it refers to.
    public var references: [(reference: InlineReference, destination: String, text: String)] {
        var result: [(InlineReference, String, String)] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let destination, let children):
                    result.append((InlineReference(destination: destination), destination, children.map(\.plainText).joined()))
                    visit(children)
                case .emphasis(let children), .strong(let children), .image(_, let children):
                    visit(children)
                default: break
                }
            }
        }
        visit(self)
        return result
    }
}
