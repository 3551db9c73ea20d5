/// Triggers, in Turkish text, on a written reference to a section or step (`2. bölüm`,
/// `Bölüm 4A`, `4A.3. adım`) that is not a link: as a link (`[2. bölüm](section:ID)`) the
/// renderer keeps it pointing at the right place and `cross-reference` keeps its number right.
public struct UnlinkedReferenceRule: Rule {
    public let id = "unlinked-reference"
    public let summary = "references to sections and steps in text are links"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        typealias E = RuleExample
        return [
            .triggers([
                "sections/a.yaml": E.section("a", label: "\"1\""),
                "sections/b.yaml": E.section("b", label: "\"2\"", text: "Önce 1️⃣1. bölümü, sonra 2️⃣1.1. adımı tamamlayın"),
            ]),
            .passes([
                "sections/a.yaml": E.section("a", label: "\"1\""),
                "sections/b.yaml": E.section("b", label: "\"2\"", text: "\"Önce [1. bölümü](section:a) tamamlayın; 6 haneli kodu girin\""),
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard context.isTurkish else { return [] }
        var findings: [Diagnostic] = []
        var scan = VisibleText.Scan()
        // A phrase such as `2. bölüm` needs a digit, which the visible text has only where the
        // source has one: most texts have none.
        for text in context.texts where text.text.bytes.contains(.digit) {
            text.visible.scan(including: \.isPlain, into: &scan)
            let scalars = scan.scalars
            for phrase in LabelReferences.phrases(in: scalars) {
                guard let (section, stepIndex) = LabelReferences.resolve(phrase.token, in: context.guide) else { continue }
                var target = section.id.value
                if let stepIndex {
                    guard section.steps.indices.contains(stepIndex) else { continue }
                    target += "#" + section.steps[stepIndex].id.value
                }
                let written = String(String.UnicodeScalarView(scalars[phrase.start..<phrase.end]))
                findings.append(finding("‘\(written)’ refers to \(stepIndex == nil ? "a section" : "a step") in plain text: link it, [\(written)](section:\(target))",
                                        at: text.location(ofScalarOffset: scan.offset(at: phrase.start)),
                                        fix: scan.isVerbatim(phrase.start..<phrase.end) ? FixIt(length: written.unicodeScalars.count, replacement: "[\(written)](section:\(target))") : nil))
            }
        }
        return findings
    }
}
