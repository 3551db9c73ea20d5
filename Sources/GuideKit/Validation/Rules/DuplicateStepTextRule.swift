/// Triggers on a step whose text is the same as an earlier step's (ignoring white space and
/// case), a hint that one step could be reused or that a copy was not edited.
public struct DuplicateStepTextRule: Rule {
    public let id = "duplicate-step-text"
    public let summary = "steps do not repeat another step’s text (a note suggesting reuse)"
    public let defaultSeverity = Severity.note

    public init() {}

    public var examples: [RuleExample] {
        typealias E = RuleExample
        return [
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\"", text: "Hesabınızı doğrulayın"),
                       "sections/b.yaml": E.section("b", label: "\"2\"", text: "1️⃣Hesabınızı  doğrulayın")]),
            .passes(["sections/a.yaml": E.section("a", label: "\"1\"", text: "Alipay hesabınızı doğrulayın"),
                     "sections/b.yaml": E.section("b", label: "\"2\"", text: "1688 hesabınızı doğrulayın")]),
        ]
    }

    /// The first step with a text: what a finding about a later copy names. Only these three
    /// values, not the whole section and step, which made the table of every step's text large.
    private struct FirstStep {
        var sectionID: Located<String>
        var stepID: String
        var textLocation: SourceLocation
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var first: [ByteKey: FirstStep] = [:]
        first.reserveCapacity(context.guide.sections.reduce(0) { $0 + $1.steps.count })
        var findings: [Diagnostic] = []
        let sections = context.guide.sections
        // Steps read in place, by index: `for step in section.steps` copied every step, retaining
        // each of its texts and lists (with both threads retaining the same objects).
        for s in sections.indices {
            for t in sections[s].steps.indices {
                let text = sections[s].steps[t].text
                let key = ByteKey(canonical: TextScanning.comparisonKey(text.value))
                guard let earlier = first[key] else {
                    first[key] = FirstStep(sectionID: sections[s].id, stepID: sections[s].steps[t].id.value, textLocation: text.location)
                    continue
                }
                let place = earlier.sectionID == sections[s].id ? "step ‘\(earlier.stepID)’ of this section"
                    : "step ‘\(earlier.stepID)’ of ‘\(earlier.sectionID.value)’ (\(earlier.textLocation.file):\(earlier.textLocation.line))"
                findings.append(finding("the same text as \(place): reuse that step or make the difference clear", at: text.location(ofScalarOffset: 0)))
            }
        }
        return findings
    }
}
