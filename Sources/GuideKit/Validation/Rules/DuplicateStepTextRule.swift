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
        var first: [String: FirstStep] = [:]
        var findings: [Diagnostic] = []
        for section in context.guide.sections {
            for step in section.steps {
                let key = Self.comparisonKey(step.text.value)
                guard let earlier = first[key] else {
                    first[key] = FirstStep(sectionID: section.id, stepID: step.id.value, textLocation: step.text.location)
                    continue
                }
                let place = earlier.sectionID == section.id ? "step ‘\(earlier.stepID)’ of this section"
                    : "step ‘\(earlier.stepID)’ of ‘\(earlier.sectionID.value)’ (\(earlier.textLocation.file):\(earlier.textLocation.line))"
                findings.append(finding("the same text as \(place): reuse that step or make the difference clear", at: step.text.location(ofScalarOffset: 0)))
            }
        }
        return findings
    }

    /// What two step texts are compared by: runs of white space made one space, the ends
    /// trimmed, lower-cased. It is `text.split(whereSeparator: \.isWhitespace).joined(separator:
    /// " ").lowercased()`, worked out on Unicode scalars rather than characters (grapheme
    /// clusters), with ASCII lower-cased in place: the characters cost a tenth of a large
    /// validate's rules. The two split alike unless white space shares a character with its
    /// neighbour: a mark after it (` \u{301}`) or a prepended sign before it (`\u{600} `). Whether
    /// it does depends on the two scalars alone, so each non-ASCII neighbour is asked, and when
    /// one does the key is made from the characters.
    static func comparisonKey(_ text: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var spacePending = false
        var previous: Unicode.Scalar?
        var previousIsWhitespace = false
        for scalar in text.unicodeScalars {
            let isWhitespace = TextScanning.isWhitespace(scalar)
            if let previous, isWhitespace != previousIsWhitespace, !previous.isASCII || !scalar.isASCII,
                String(String.UnicodeScalarView([previous, scalar])).count == 1 {
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            }
            previous = scalar
            previousIsWhitespace = isWhitespace
            if isWhitespace {
                spacePending = !key.isEmpty
                continue
            }
            if spacePending {
                key.append(0x20)
                spacePending = false
            }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            } else {
                key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}
