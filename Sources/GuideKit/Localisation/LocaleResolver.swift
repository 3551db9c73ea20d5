/// Where a resolved string came from.
public enum Provenance: Sendable, Hashable {
    /// The page is in the source locale: the source text itself.
    case source
    /// A translation whose fingerprint matches the current source text.
    case translated
    /// No translation: the source text stands in.
    case missing
    /// A translation made from an older source text: the current source text stands in.
    case stale(translation: SourceText)

    /// Whether the text is in another language than the page.
    public var isFallback: Bool {
        switch self {
        case .source, .translated: false
        case .missing, .stale: true
        }
    }
}

/// One content string as a page in some locale shows it: never empty, never a key.
public struct ResolvedText: Sendable, Hashable {
    /// The text to show; its origin is where it was written (source file or catalog).
    public var text: SourceText
    /// The language the text is in (the page's locale, or the source locale for a fallback).
    public var language: String
    public var provenance: Provenance

    public var isFallback: Bool { provenance.isFallback }
    public var value: String { text.value }
}

/// Resolves the guide's strings for one locale: the catalog's translation when it was made from
/// the current source text, otherwise the source text, marked as a fallback.
public struct LocaleResolver: Sendable {
    /// The locale pages are rendered in.
    public let locale: String
    public let sourceLocale: String
    private let catalog: Catalog?

    /// A resolver for the source locale, which needs no catalog.
    public init(sourceLocale: String) {
        self.locale = sourceLocale
        self.sourceLocale = sourceLocale
        self.catalog = nil
    }

    /// A resolver for a translated locale.
    public init(catalog: Catalog, sourceLocale: String) {
        self.locale = catalog.locale.value
        self.sourceLocale = sourceLocale
        self.catalog = catalog
    }

    public var isSource: Bool { catalog == nil }

    public func resolve(_ text: SourceText) -> ResolvedText {
        var hint = 0
        return resolve(text, hint: &hint)
    }

    /// The same, looking first at the catalog entry at `hint`, which is then set after the entry
    /// found. A page asks for its texts in the content's order, and a catalog usually lists them
    /// in that order too: looking a key up in a table of tens of thousands of entries was a
    /// twentieth of a large build's time, most of it waiting for memory.
    public func resolve(_ text: SourceText, hint: inout Int) -> ResolvedText {
        guard let catalog else { return ResolvedText(text: text, language: sourceLocale, provenance: .source) }
        guard let position = catalog.entries.position(of: text.key, hint: hint) else { return ResolvedText(text: text, language: sourceLocale, provenance: .missing) }
        hint = position + 1
        switch catalog.entries.state(at: position, of: text) {
        case .missing: return ResolvedText(text: text, language: sourceLocale, provenance: .missing)
        case .needsReview: return ResolvedText(text: text, language: sourceLocale, provenance: .stale(translation: catalog.entries.text(at: position)))
        case .translated: return ResolvedText(text: catalog.entries.text(at: position), language: locale, provenance: .translated)
        }
    }
}
