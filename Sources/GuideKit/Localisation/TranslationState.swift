/// Where one string of the content stands in one catalog.
public enum TranslationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Translated from the current source text: pages show the translation.
    case translated
    /// Translated from an older source text (its fingerprint differs): pages show the source
    /// text until a translator reviews the translation.
    case needsReview
    /// No translation, or an empty one: pages show the source text.
    case missing
}

extension Catalog {
    /// The state of `text`'s translation in this catalog.
    public func state(of text: SourceText) -> TranslationState {
        state(of: text, at: entries.position(of: text.key))
    }

    /// The same, for the entry at `position` (`entries.position(of: text.key)`), for a caller
    /// that reads the entry too and so looks its key up once.
    func state(of text: SourceText, at position: Int?) -> TranslationState {
        guard let position else { return .missing }
        return entries.state(at: position, of: text)
    }
}
