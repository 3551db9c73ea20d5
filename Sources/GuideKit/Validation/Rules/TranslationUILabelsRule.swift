/// Triggers on a translation whose UI labels (`[现在去认证](ui:zh-Hans)`) are not exactly those of
/// its source: a label translated, dropped, added or given another language. A UI label is what
/// the reader must find on screen, so it is never translated (a gloss may follow it).
public struct TranslationUILabelsRule: SectionRule {
    public let id = "translation-ui-labels"
    public let summary = "a translation keeps the UI labels of its source verbatim"
    public let defaultSeverity = Severity.error

    public let readsTranslations = true

    public init() {}

    static let source = "‘[现在去认证](ui:zh-Hans)’e tıklayın"

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"1️⃣Click ‘[Verify now](ui:en)’\"")]),
            ]),
            RuleExample(.passes, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"Click ‘[现在去认证](ui:zh-Hans)’ (“Verify now”)\"")]),
            ]),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0)) }
    }

    private func check(_ translations: [TranslatedText]) -> [Diagnostic] {
        translations.compactMap { translated in
            // Most texts have no links on either side, so nothing to compare.
            guard !translated.source.visible.links.isEmpty || !translated.translation.visible.links.isEmpty else { return nil }
            let (missing, extra) = TranslatedText.difference(TranslatedText.uiLabels(of: translated.source), TranslatedText.uiLabels(of: translated.translation))
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("it lacks \(TranslatedText.list(missing))") }
            if !extra.isEmpty { parts.append("it has \(TranslatedText.list(extra)) instead") }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ changes the UI labels of its source (\(parts.joined(separator: "; "))): copy each UI label exactly, a gloss may follow it",
                           at: translated.location)
        }
    }
}
