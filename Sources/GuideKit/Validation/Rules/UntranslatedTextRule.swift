/// Triggers on a translation that is its source text again: the same prose (outside UI labels,
/// code and marked numbers) with at least one word that starts in lower case. A text that is only
/// UI labels, or only names (`World Pay`, `Email`, capitalised words), may stay as it is.
public struct UntranslatedTextRule: SectionRule {
    public let id = "untranslated-text"
    public let summary = "a translation is not the source text copied, outside UI labels and proper nouns"
    public let defaultSeverity = Severity.warning

    public let readsTranslations = true

    public init() {}

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "\"1️⃣\(RuleExample.baseStepText)\""),
            ])]),
            RuleExample(.passes, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "\"Visit [1688.com](link:1688-home)\""),
                .init("support.phone.label", source: "Telefon", text: "Phone"),
            ])]),
            RuleExample(.passes, files: [
                RuleExample.File(path: "guide.yaml", text: RuleExample.guideYAML(replacing: "    label: E-posta", with: "    label: Email")),
                RuleExample.catalog([.init("support.email.label", source: "Email", text: "Email")]),
            ]),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0)) }
    }

    private func check(_ translations: [TranslatedText]) -> [Diagnostic] {
        translations.compactMap { translated in
            let same = TranslatedText.withProse(of: translated.source) { source in
                TranslatedText.withProse(of: translated.translation) { $0 == source } && Self.hasCommonWord(source)
            }
            guard same else { return nil }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ is the source text itself: translate it (UI labels and names stay as they are)",
                           at: translated.location)
        }
    }

    /// Whether the prose has a word (two letters or more) starting in lower case: not only names.
    static func hasCommonWord(_ prose: String) -> Bool {
        prose.split { !$0.isLetter }.contains { word in word.count >= 2 && word.first?.isLowercase == true }
    }
}
