/// The catalog `guidegen l10n add LOCALE` writes: every key of the content in document order,
/// the source text above each entry as a comment for the translator, the fingerprint of that
/// text already in `source`, and an empty `text` (which counts as missing, never as an error).
/// Filling in a `text` is all a translator does; the fingerprint is already right.
public enum CatalogSkeleton {
    public static func yaml(guide: Guide, locale: String, name: String) -> String {
        let source = guide.sourceLocale.value
        var lines = [
            "# yaml-language-server: $schema=../schemas/catalog.schema.json",
            "# The \(locale) translation of the guide, started by `guidegen l10n add \(locale)`.",
            "# Each entry: the \(source) source text as a comment; `source`, its fingerprint (leave it);",
            "# `text`, the translation, inline Markdown like the source (empty: not translated yet).",
            "# Keep links, UI labels, marked numbers and {placeholders} as they are in the source.",
            "locale: \(YAMLScalar.encode(locale))",
            "name: \(YAMLScalar.encode(name))",
            "entries:",
        ]
        for text in guide.texts {
            lines += entry(key: text.key, sourceText: text.value, sourceLocale: source, fingerprint: Fingerprint.of(text.value), translation: "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One entry's lines (indented for `entries:`), with the source comment.
    static func entry(key: String, sourceText: String, sourceLocale: String, fingerprint: String, translation: String) -> [String] {
        [comment(sourceText, sourceLocale: sourceLocale)] + entryLines(key: key, fingerprint: fingerprint, translation: translation)
    }

    /// `  # tr: …` — the source text on one line.
    static func comment(_ sourceText: String, sourceLocale: String) -> String {
        let flat = sourceText.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return "  # \(sourceLocale): \(flat)"
    }

    /// `  key:` / `    source: …` / `    text: …`.
    static func entryLines(key: String, fingerprint: String, translation: String) -> [String] {
        ["  \(YAMLScalar.encode(key)):", "    source: \(fingerprint)", "    text: \(translation.isEmpty ? "\"\"" : YAMLScalar.encode(translation))"]
    }
}
