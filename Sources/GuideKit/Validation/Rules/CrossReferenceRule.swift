/// Triggers on a reference whose printed number does not match its target: a link
/// `[3. bölüm](section:ID)` to a section labelled otherwise, `[2.1. adım](section:ID#STEP)` to a
/// step with another number; and, in Turkish text, on a written reference (`7. bölüm`,
/// `4A.9. adım`) to a section or step that does not exist.
public struct CrossReferenceRule: Rule {
    public let id = "cross-reference"
    public let summary = "references print the label or step number of their target"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        typealias E = RuleExample
        return [
            .triggers([
                "sections/a.yaml": E.section("a", label: "\"1\""),
                "sections/b.yaml": E.section("b", label: "\"2\"", fields: "intro: \"Önce [1️⃣3. bölümü](section:a) tamamlayın\"",
                                             text: "\"[2️⃣1.2. adımı](section:a#do-it) yapın, ayrıntılar 3️⃣7. bölümde\""),
            ]),
            .passes([
                "sections/a.yaml": E.section("a", label: "\"1\""),
                "sections/b.yaml": E.section("b", label: "\"2\"", fields: "intro: \"Önce [1. bölümü](section:a) tamamlayın\"",
                                             text: "\"[1.1. adımı](section:a#do-it) ve [a bölümünü](section:a) yapın\""),
            ]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var scan = VisibleText.Scan()
        for text in context.texts {
            for link in text.visible.links {
                guard case .section(let id, let step) = link.reference, let target = context.guide.section(id: id),
                    let token = LabelReferences.tokens(in: Array(link.text.unicodeScalars)).first else { continue }
                let stepIndex = step.flatMap { step in target.steps.firstIndex { $0.id.value == step } }
                let expected = (token.step != nil ? stepIndex.map { target.number(ofStepAt: $0) } : nil) ?? target.label.value
                let printed = token.step != nil && stepIndex != nil ? token.text : token.label
                guard printed != expected else { continue }
                let what = printed.contains(".") ? "step \(expected)" : "section \(expected)"
                findings.append(finding("the reference prints ‘\(printed)’ but its target is \(what): write ‘\(expected)’",
                                        at: text.location(ofScalarOffset: link.textOffset + token.start),
                                        fix: FixIt(length: printed.unicodeScalars.count, replacement: expected)))
            }
            // A phrase such as `2. bölüm` needs a digit, which the visible text has only where
            // the source has one: most texts have none.
            guard context.isTurkish, text.text.bytes.contains(.digit) else { continue }
            text.visible.scan(including: \.isPlain, into: &scan)
            let scalars = scan.scalars
            for phrase in LabelReferences.phrases(in: scalars) {
                let at = text.location(ofScalarOffset: scan.offset(at: phrase.token.start))
                guard let (section, stepIndex) = LabelReferences.resolve(phrase.token, in: context.guide) else {
                    findings.append(finding("there is no section ‘\(phrase.token.label)’: fix the reference, or link it with [text](section:ID)", at: at))
                    continue
                }
                if let stepIndex, !section.steps.indices.contains(stepIndex) {
                    findings.append(finding("section \(section.label.value) has no step \(phrase.token.text) (it has \(section.steps.count)): fix the reference", at: at))
                }
            }
        }
        return findings
    }
}
