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
        if let key = destination.dropPrefix("link:") {
            self = .registry(key: key)
        } else if let language = destination.dropPrefix("ui:") {
            self = .uiLabel(language: language)
        } else if destination == Self.glossDestination {
            self = .gloss
        } else if let kind = Quantity.Kind(destination: destination) {
            self = .quantity(kind)
        } else if let target = destination.dropPrefix("section:") {
            // An ASCII target (ids are) is cut at its first `#` byte; any other by characters.
            if target.utf8.allSatisfy({ $0 < 0x80 }) {
                if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
                    self = .section(id: String(target[..<hash]), step: String(target[target.utf8.index(after: hash)...]))
                } else {
                    self = .section(id: target, step: nil)
                }
                return
            }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            self = .section(id: String(parts[0]), step: parts.count > 1 ? String(parts[1]) : nil)
        } else {
            self = .raw(destination)
        }
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
    func dropPrefix(_ prefix: String) -> String? {
        assert(prefix.utf8.allSatisfy { $0 < 0x80 }, "an ASCII prefix")
        // The bytes first (most texts differ in their first byte); `hasPrefix` compares
        // characters, and decides only when a byte beyond ASCII follows the prefix's bytes (a
        // combining mark would join the prefix's last character).
        let count = prefix.utf8.count
        // Compared in place: the `utf8` views' iterators took longer than the rest of the call.
        let starts = withBytes { bytes in prefix.withBytes { prefix in bytes.count >= count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] } } }
        guard starts else { return nil }
        if count < utf8.count, utf8[utf8.index(startIndex, offsetBy: count)] >= 0x80, !hasPrefix(prefix) { return nil }
        return String(self[utf8.index(startIndex, offsetBy: count)...])
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
