/// Triggers on section labels that do not form a well-formed sequence in guide order: numbers
/// start at 1 and rise by one; a number is split into `A`, `B`, … without gaps, in order; a
/// label is a number with at most one capital letter. A lone `4A` (a letter where the number is
/// not split) is reported too: label it `4`.
public struct SectionLabelSequenceRule: Rule {
    public let id = "section-label-sequence"
    public let summary = "section labels run 1, 2, 3, 4A, 4B, 5 … in guide order"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        typealias E = RuleExample
        return [
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"2\""),
                       "sections/c.yaml": E.section("c", label: "\"1️⃣4\"")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"2A\""),
                       "sections/c.yaml": E.section("c", label: "\"1️⃣2C\"")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"1️⃣2B\""),
                       "sections/c.yaml": E.section("c", label: "\"2️⃣2A\"")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"2\""),
                       "sections/c.yaml": E.section("c", label: "\"1️⃣2\"")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"2️⃣2A\""),
                       "sections/c.yaml": E.section("c", label: "\"1️⃣4a\"")]),
            .passes(["sections/a.yaml": E.section("a", label: "\"1\""), "sections/b.yaml": E.section("b", label: "\"2\""),
                     "sections/c.yaml": E.section("c", label: "\"3\""), "sections/d.yaml": E.section("d", label: "\"4A\""),
                     "sections/e.yaml": E.section("e", label: "\"4B\""), "sections/f.yaml": E.section("f", label: "\"5\""),
                     "sections/g.yaml": E.section("g", label: "\"6\"")]),
        ]
    }

    private struct Label: Equatable {
        var number: Int
        var letter: Unicode.Scalar?
        var text: String { "\(number)" + (letter.map { String($0) } ?? "") }

        init(number: Int, letter: Unicode.Scalar?) {
            self.number = number
            self.letter = letter
        }

        init?(_ text: String) {
            let digits = text.unicodeScalars.prefix { ("0"..."9").contains($0) }
            let rest = text.unicodeScalars.dropFirst(digits.count)
            guard !digits.isEmpty, digits.first != "0", rest.count <= 1, let number = Int(String(String.UnicodeScalarView(digits))) else { return nil }
            if let letter = rest.first {
                guard ("A"..."Z").contains(letter) else { return nil }
                self.letter = letter
            } else {
                self.letter = nil
            }
            self.number = number
        }

        func nextLetter() -> Label { Label(number: number, letter: Unicode.Scalar((letter?.value ?? 64) + 1)) }
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var previous: Label?
        var parsed: [(section: Section, label: Label)] = []
        for section in context.guide.sections {
            let at = context.valueStart(of: section.label)
            let written = section.label.value
            guard let label = Label(written) else {
                let upper = written.uppercased()
                if Label(upper) != nil {
                    findings.append(finding("the label ‘\(written)’ has a lower-case letter: write ‘\(upper)’", at: at,
                                            fix: FixIt(length: written.unicodeScalars.count, replacement: upper)))
                } else {
                    findings.append(finding("‘\(written)’ is not a section label: write a number with at most one capital letter (‘4’, ‘4A’)", at: at))
                }
                continue
            }
            defer { previous = label }
            parsed.append((section, label))
            guard let previous else {
                if label.number != 1 || (label.letter != nil && label.letter != "A") {
                    findings.append(finding("the first section is labelled ‘\(label.text)’: start at ‘1’", at: at))
                }
                continue
            }
            var expected: [Label] = [Label(number: previous.number + 1, letter: nil), Label(number: previous.number + 1, letter: "A")]
            if previous.letter != nil { expected.insert(previous.nextLetter(), at: 0) }
            if expected.contains(label) { continue }
            let expectation = expected.map { "‘\($0.text)’" }.joined(separator: " or ")
            let message: String
            if label == previous {
                message = "the label ‘\(label.text)’ repeats the previous section’s: expected \(expectation)"
            } else if label.number < previous.number || (label.number == previous.number && (label.letter?.value ?? 0) < (previous.letter?.value ?? 0)) {
                message = "‘\(label.text)’ comes after ‘\(previous.text)’: labels rise in guide order, expected \(expectation)"
            } else if label.number == previous.number, previous.letter == nil {
                message = "‘\(label.text)’ follows ‘\(previous.text)’: a split number is labelled from ‘\(previous.number)A’, expected \(expectation)"
            } else {
                message = "‘\(label.text)’ follows ‘\(previous.text)’: expected \(expectation)"
            }
            findings.append(finding(message, at: at))
        }
        // A letter only where a number is split: a lone ‘4A’ is ‘4’.
        let byNumber = Dictionary(grouping: parsed, by: \.label.number)
        for (number, group) in byNumber.sorted(by: { $0.key < $1.key }) where group.count == 1 {
            guard let only = group.first, only.label.letter != nil else { continue }
            findings.append(finding("‘\(only.label.text)’ is the only section numbered \(number): label it ‘\(number)’ (letters are for split numbers)",
                                    at: context.valueStart(of: only.section.label),
                                    fix: FixIt(length: only.label.text.unicodeScalars.count, replacement: "\(number)")))
        }
        return findings
    }
}
