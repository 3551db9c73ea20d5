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
        guard let entry = entries[text.key], !entry.isEmpty else { return .missing }
        return entry.source.value == Fingerprint.of(text.value) ? .translated : .needsReview
    }
}
