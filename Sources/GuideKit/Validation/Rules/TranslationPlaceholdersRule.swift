/// Triggers on a translation whose `{placeholders}` (`{list}`, where guidegen puts a list's items)
/// are not those of its source: one missing leaves the items out of the page.
public struct TranslationPlaceholdersRule: SectionRule {
    public let id = "translation-placeholders"
    public let summary = "a translation has the same {placeholders} as its source"
    public let defaultSeverity = Severity.error

    public let readsTranslations = true

    public init() {}

    static func section(_ sentence: String) -> String {
        """
        id: example
        label: "1"
        title: Örnek bölüm
        steps:
          - id: pay
            kind: action
            text: Para biriminizi seçin
            lists:
              - id: currencies
                kind: currencies
                text: \(sentence)
                items: [USD, EUR]

        """
    }

    static let source = "{list} ile ödeyebilirsiniz."

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [
                RuleExample.File(path: "sections/example.yaml", text: Self.section("\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.pay.lists.currencies.text", source: Self.source, text: "\"1️⃣You can pay in {currencies}.\"")]),
            ]),
            RuleExample(.passes, files: [
                RuleExample.File(path: "sections/example.yaml", text: Self.section("\"\(Self.source)\"")),
                RuleExample.catalog([.init("example.steps.pay.lists.currencies.text", source: Self.source, text: "\"You can pay in {list}.\"")]),
            ]),
        ]
    }

    /// `{name}` placeholders in the text outside code spans, sorted.
    static func placeholders(of text: ContentText) -> [String] {
        let isScanned: (VisibleText.Kind) -> Bool = { $0 != .code && $0 != .html }
        // Most texts have no `{` in the runs scanned, so no placeholder: they need no scalar array.
        guard text.text.bytes.contains(.openingBrace),
              text.visible.containsByte(in: UInt8(ascii: "{")...UInt8(ascii: "{"), including: isScanned) else { return [] }
        let scalars = text.visible.scalars(including: isScanned)
        var result: [String] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{" {
                var end = index + 1
                while end < scalars.count, TextScanning.isAlphabetic(scalars[end]) || ("0"..."9").contains(scalars[end]) || scalars[end] == "_" || scalars[end] == "-" { end += 1 }
                if end > index + 1, end < scalars.count, scalars[end] == "}" {
                    result.append(TextScanning.string(scalars[index...end]))
                    index = end + 1
                    continue
                }
            }
            index += 1
        }
        return result.sorted()
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { check(context.translations(in: $0)) }
    }

    private func check(_ translations: [TranslatedText]) -> [Diagnostic] {
        translations.compactMap { translated in
            let (missing, extra) = TranslatedText.difference(Self.placeholders(of: translated.source), Self.placeholders(of: translated.translation))
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("it lacks \(TranslatedText.list(missing))") }
            if !extra.isEmpty { parts.append("it has \(TranslatedText.list(extra)), which guidegen does not fill") }
            return finding("the \(translated.locale) translation of ‘\(translated.key)’ changes the placeholders of its source (\(parts.joined(separator: "; "))): keep each placeholder as it is",
                           at: translated.location)
        }
    }
}
