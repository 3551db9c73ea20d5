/// Triggers on a translation whose links (`link:KEY`, `section:ID#STEP`) are not those of its
/// source text: a link dropped, added or pointed elsewhere. Reported at the translation in the
/// catalog, naming the key.
public struct TranslationLinkKeysRule: SectionRule {
    public let id = "translation-link-keys"
    public let summary = "a translation links to the same registry keys and sections as its source"
    public let defaultSeverity = Severity.error

    public let readsTranslations = true

    public init() {}

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "\"1️⃣Visit [1688.com](section:example)\""),
            ])]),
            RuleExample(.passes, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "Visit [1688.com](link:1688-home)"),
            ])]),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0)) }
    }

    private func check(_ translations: [TranslatedText]) -> [Diagnostic] {
        translations.compactMap { translated in
            // Most texts have no links on either side, so nothing to compare.
            guard !translated.source.visible.links.isEmpty || !translated.translation.visible.links.isEmpty else { return nil }
            let (missing, extra) = TranslatedText.difference(TranslatedText.linkTargets(of: translated.source), TranslatedText.linkTargets(of: translated.translation))
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("it lacks \(TranslatedText.list(missing))") }
            if !extra.isEmpty { parts.append("it adds \(TranslatedText.list(extra))") }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ does not link where its source does (\(parts.joined(separator: "; "))): keep the source's links",
                           at: translated.location)
        }
    }
}
