/// Triggers on text that is not one paragraph of inline Markdown: raw HTML (never rendered),
/// an image (screenshots go in `screenshot`), or block structure such as a heading, a bullet
/// list or a second paragraph. A text starting with a typed number, which Markdown reads as a
/// numbered list, is left to `typed-step-number`.
public struct InlineMarkupRule: SectionRule {
    public let id = "inline-markup"
    public let summary = "texts are one paragraph of inline Markdown without HTML or images"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u 1️⃣<b>hemen</b> ziyaret edin"
                  - id: sign-in
                    kind: action
                    text: "2️⃣- Hesabınıza giriş yapın"
                  - id: look
                    kind: result
                    text: "Ana sayfa açılır 3️⃣![ekran](home.png)"

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u *hemen* ziyaret edin, `Ctrl+T` ile **yeni sekmede** açabilirsiniz"

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        eachText(of: parts, in: context) { text, findings in
            if let block = text.document.unexpectedBlock {
                let startsWithNumber = text.text.value.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
                if !(block == "list" && startsWithNumber) {
                    findings.append(finding("the text holds a \(block), not one paragraph: write one line of inline text (escape a leading ‘-’, ‘#’ or ‘>’ with ‘\\’)",
                                            at: text.location(ofScalarOffset: 0)))
                }
                return
            }
            // One finding per text: an opening tag usually has its closing tag.
            if let run = text.visible.runs.first(where: { $0.kind == .html }) {
                findings.append(finding("raw HTML ‘\(run.text)’ is not rendered: use *emphasis* or **strong**", at: text.location(ofScalarOffset: run.offset)))
            }
            for link in text.visible.links where link.isImage {
                findings.append(finding("an image in text is not rendered: put it in the step’s `screenshot`", at: text.location(ofScalarOffset: max(0, link.textOffset - 2))))
            }
        }
    }
}
