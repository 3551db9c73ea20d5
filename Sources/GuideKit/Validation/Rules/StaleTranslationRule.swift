/// Triggers on a catalog entry translated from an older source text: its `source` fingerprint is
/// not the fingerprint of the current text, so pages show the source text until a translator
/// reviews the translation. The fix sets the current fingerprint (after the review).
public struct StaleTranslationRule: Rule {
    public let id = "stale-translation"
    public let summary = "a translation was made from the current source text (it does not need review)"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [RuleExample.File(path: "locales/en.yaml", text: """
                locale: en
                name: English
                entries:
                  \(RuleExample.baseStepKey):
                    source: 1️⃣\(Fingerprint.of("[1688.com](link:1688-home) adresini ziyaret edin"))
                    text: Go to [1688.com](link:1688-home)

                """)]),
            RuleExample(.passes, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "Visit [1688.com](link:1688-home)"),
                .init("example.title", source: "Örnek bölüm", text: "\"\""),
            ])]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (catalog, states) in zip(context.catalogs, context.translationStates) {
            // By index: zipping the texts with the states retained every text, for the few whose
            // translation needs review.
            for index in states.indices where states[index] == .needsReview {
                let text = context.texts[index]
                guard let entry = catalog.entries[text.text.key] else { continue }
                let current = Fingerprint.of(text.text.value)
                findings.append(finding("the source text of ‘\(text.text.key)’ changed after this \(catalog.locale.value) translation was made: review the translation, then set `source` to \(current)",
                                        at: context.valueStart(of: entry.source), fix: FixIt(length: entry.source.value.unicodeScalars.count, replacement: current)))
            }
        }
        return findings
    }
}
