/// A translation made from the current source text, beside that source: what the translation
/// rules compare (links, UI labels, numbers, placeholders, markup).
public struct TranslatedText: Sendable {
    /// The catalog's locale (`en`).
    public var locale: String
    /// The source text in the content.
    public var source: ContentText
    /// The translation; its locations point into the catalog file.
    public var translation: ContentText

    /// The translation key.
    public var key: String { source.text.key }

    /// Where findings about the translation go: the start of its text in the catalog.
    public var location: SourceLocation { translation.location(ofScalarOffset: 0) }

    /// Link targets of the text's links (registry keys and section references), as written, sorted.
    public static func linkTargets(of text: ContentText) -> [String] {
        text.visible.links.compactMap { link -> String? in
            switch link.reference {
            case .registry, .section: link.destination
            case .uiLabel, .gloss, .quantity, .raw: nil
            }
        }.sorted()
    }

    /// The UI labels of the text, `text (ui:LANG)`, sorted.
    public static func uiLabels(of text: ContentText) -> [String] {
        text.visible.links.compactMap { link -> String? in
            if case .uiLabel = link.reference { return "\(link.text) (\(link.destination))" }
            return nil
        }.sorted()
    }

    /// The marked numbers of the text, `[0.8](percent:)`, sorted.
    public static func markedNumbers(of text: ContentText) -> [String] {
        text.visible.links.compactMap { link -> String? in
            if case .quantity = link.reference { return "[\(link.text)](\(link.destination))" }
            return nil
        }.sorted()
    }

    /// `body`'s result for the prose a reader sees (plain text and link texts), UI labels, code
    /// and marked numbers left out (each stands as one placeholder character); the prose is lent
    /// rather than returned (see `VisibleText.withString`).
    public static func withProse<Result>(of text: ContentText, _ body: (String) -> Result) -> Result {
        text.visible.withString(including: \.isProse, body)
    }

    /// What `source` has that `translation` lacks, and the other way round (multisets).
    public static func difference(_ source: [String], _ translation: [String]) -> (missing: [String], extra: [String]) {
        var remaining = translation
        var missing: [String] = []
        for item in source {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { missing.append(item) }
        }
        return (missing, remaining)
    }

    /// `‘a’, ‘b’` for messages.
    public static func list(_ items: [String]) -> String { items.map { "‘\($0)’" }.joined(separator: ", ") }
}
