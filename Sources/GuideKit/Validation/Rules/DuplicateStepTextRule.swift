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

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var first: [String: (section: Section, step: Step)] = [:]
        var findings: [Diagnostic] = []
        for section in context.guide.sections {
            for step in section.steps {
                let key = step.text.value.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
                guard let earlier = first[key] else {
                    first[key] = (section, step)
                    continue
                }
                let place = earlier.section.id == section.id ? "step ‘\(earlier.step.id.value)’ of this section"
                    : "step ‘\(earlier.step.id.value)’ of ‘\(earlier.section.id.value)’ (\(earlier.step.text.location.file):\(earlier.step.text.location.line))"
                findings.append(finding("the same text as \(place): reuse that step or make the difference clear", at: step.text.location(ofScalarOffset: 0)))
            }
        }
        return findings
    }
}
