/// Triggers on a translation whose numbers are not those of its source once each is read the way
/// its locale writes numbers (Turkish `1.500,5` and `%8` are English `1,500.5` and `8%`), and on a
/// translation that does not keep a marked number (`[0.8](percent:)`) of its source as a marker.
public struct TranslationNumbersRule: SectionRule {
    public let id = "translation-numbers"
    public let summary = "a translation has the same numbers as its source, after locale formatting"
    public let defaultSeverity = Severity.error

    public let readsTranslations = true

    public init() {}

    static let source = "1.500 TL üzeri siparişlerde [0.8](percent:), diğerlerinde %1,5 ücret ödeyin"

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"1️⃣Pay 0.8% on orders over 1,500 TL and 1.5% on others\"")]),
            ]),
            RuleExample(.triggers, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"1️⃣Pay [0.8](percent:) on orders over 1,500 TL and 2.5% on others\"")]),
            ]),
            RuleExample(.passes, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"Pay [0.8](percent:) on orders over 1,500 TL and 1.5% on others\"")]),
            ]),
        ]
    }

    /// The numbers of the text's prose read the way `locale` writes them, sorted. A number starts
    /// with an ASCII digit, and most texts have none in their prose: those need no prose string,
    /// nor the locale's symbols.
    static func numbers(of text: ContentText, locale: String) -> [String] {
        guard text.text.bytes.contains(.digit),
              text.visible.containsByte(in: UInt8(ascii: "0")...UInt8(ascii: "9"), including: \.isProse) else { return [] }
        let symbols = NumberSymbols.of(locale)
        return TranslatedText.withProse(of: text) { symbols.numbers(in: $0) }.sorted()
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0), sourceLocale: context.guide.sourceLocale.value) }
    }

    private func check(_ translations: [TranslatedText], sourceLocale: String) -> [Diagnostic] {
        translations.compactMap { translated in
            let marked = TranslatedText.difference(TranslatedText.markedNumbers(of: translated.source), TranslatedText.markedNumbers(of: translated.translation))
            if !marked.missing.isEmpty || !marked.extra.isEmpty {
                let detail = marked.missing.isEmpty ? "it marks \(TranslatedText.list(marked.extra)), which the source does not" : "it does not keep \(TranslatedText.list(marked.missing))"
                return finding("the \(translated.locale) translation of ‘\(translated.key)’ changes the marked numbers of its source (\(detail)): copy each marker as it is, guidegen formats it",
                               at: translated.location)
            }
            let sourceNumbers = Self.numbers(of: translated.source, locale: sourceLocale)
            let translationNumbers = Self.numbers(of: translated.translation, locale: translated.locale)
            let plain = TranslatedText.difference(sourceNumbers, translationNumbers)
            guard !plain.missing.isEmpty || !plain.extra.isEmpty else { return nil }
            var parts: [String] = []
            if !plain.missing.isEmpty { parts.append("the source's \(TranslatedText.list(plain.missing)) is not there") }
            if !plain.extra.isEmpty { parts.append("\(TranslatedText.list(plain.extra)) is not in the source") }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ has other numbers than its source (\(parts.joined(separator: "; "))): keep the source's numbers, written the \(translated.locale) way",
                           at: translated.location)
        }
    }
}
