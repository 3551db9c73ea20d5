/// Triggers on a translation whose inline Markdown structure differs from its source's: another
/// number of emphasised or strong stretches, or other code spans (code stays verbatim).
public struct TranslationMarkupRule: SectionRule {
    public let id = "translation-markup"
    public let summary = "a translation has the emphasis, strong text and code spans of its source"
    public let defaultSeverity = Severity.warning

    public let readsTranslations = true

    public init() {}

    static let source = "Kodu **tek seferde** girin: `123456`"

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"1️⃣Enter the code *at once*: 123456\"")]),
            ]),
            RuleExample(.passes, files: [
                RuleExample.File(path: "sections/example.yaml", text: RuleExample.section("example", label: "\"1\"", text: "\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.do-it.text", source: Self.source, text: "\"Enter the code **in one go**: `123456`\"")]),
            ]),
        ]
    }

    /// The text's markup: `emphasis`, `strong` for each stretch, and each code span's code.
    static func markup(of inlines: [Inline]) -> [String] {
        var result: [String] = []
        for inline in inlines {
            switch inline {
            case .emphasis(let children): result += ["emphasis"] + markup(of: children)
            case .strong(let children): result += ["strong"] + markup(of: children)
            case .code(let code): result.append("`\(code)`")
            case .link(_, let children), .image(_, let children): result += markup(of: children)
            default: break
            }
        }
        return result
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0)) }
    }

    private func check(_ translations: [TranslatedText]) -> [Diagnostic] {
        translations.compactMap { translated in
            let source = Self.markup(of: translated.source.document.inlines).sorted()
            let translation = Self.markup(of: translated.translation.document.inlines).sorted()
            let (missing, extra) = TranslatedText.difference(source, translation)
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("it lacks \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("it adds \(extra.joined(separator: ", "))") }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ has other markup than its source (\(parts.joined(separator: "; "))): keep the source's emphasis, strong text and code spans",
                           at: translated.location)
        }
    }
}
