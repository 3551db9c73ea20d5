/// Triggers on a step, sub-step or answer item whose text starts with a typed number (`1 ‘…’`,
/// `2. …`, `3) …`, `2.1 …`): numbers are derived from the order, so a typed one is at best
/// repeated and at worst wrong, as in the seed's section 4A where two steps were both `1`. The
/// message says when the typed number disagrees with the item's place, which is how sub-steps
/// out of order show. A count followed by a word in lower case (`6 haneli kod`) passes.
public struct TypedStepNumberRule: SectionRule {
    public let id = "typed-step-number"
    public let summary = "step and sub-step texts do not start with a typed number"
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
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                  - id: authorise
                    kind: action
                    text: 1️⃣1 ‘[Authorise 1688.com accounts](ui:en)’a tıklayın
                    substeps:
                      - id: open-settings
                        text: 2️⃣2. Ayarlara tıklayın
                      - id: translate
                        text: 3️⃣1) Çeviriyi açın

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                  - id: enter-code
                    kind: input
                    text: 6 haneli doğrulama kodunu girin
                  - id: open-account
                    kind: action
                    text: 1688 hesabınızı açın

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        parts.map { part in
            guard let part else { return [] }
            // The section and its steps read in place: copying them retained every text they hold.
            let sections = context.guide.sections
            var findings: [Diagnostic] = []
            for stepIndex in sections[part].steps.indices {
                if let finding = check(sections[part].steps[stepIndex].text, place: "step \(sections[part].number(ofStepAt: stepIndex))", position: stepIndex + 1) {
                    findings.append(finding)
                }
                for (index, substep) in sections[part].steps[stepIndex].substeps.enumerated() {
                    if let finding = check(substep.text, place: "sub-step \(sections[part].number(ofStepAt: stepIndex)).\(index + 1)", position: index + 1) {
                        findings.append(finding)
                    }
                }
                for question in sections[part].steps[stepIndex].questions {
                    for (index, item) in question.items.enumerated() {
                        if let text = item.text, let finding = check(text, place: "item \(index + 1) of its list", position: index + 1) { findings.append(finding) }
                    }
                }
            }
            return findings
        }
    }

    /// `place` is worked out only for a finding: few texts have one.
    private func check(_ text: SourceText, place: @autoclosure () -> String, position: Int) -> Diagnostic? {
        guard let typed = Self.typedNumber(in: text.value) else { return nil }
        let lastNumber = typed.number.split(separator: ".").last.flatMap { Int($0) }
        let agreement = lastNumber == position ? "" : ", but this is \(place())"
        return finding("the text starts with the typed number ‘\(typed.number)’\(agreement): remove it, numbers come from the order of the items",
                       at: text.location(ofScalarOffset: 0), fix: FixIt(length: typed.length, replacement: ""))
    }

    /// A number typed at the start of a text, and how many scalars it and the space after it take.
    static func typedNumber(in text: String) -> (number: String, length: Int)? {
        // Most texts do not start with a digit: told by the first byte, before the scalars are copied.
        guard let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        let s = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }
        var i = 0
        guard isDigit(0) else { return nil }
        // 1, 12, 4A, 2.1, 4A.3
        while isDigit(i) { i += 1 }
        guard i <= 2 else { return nil }
        if i < s.count, ("A"..."Z").contains(s[i]) { i += 1 }
        while i + 1 < s.count, s[i] == ".", isDigit(i + 1) {
            i += 1
            let start = i
            while isDigit(i) { i += 1 }
            guard i - start <= 2 else { return nil }
        }
        let number = String(String.UnicodeScalarView(s[..<i]))
        var delimited = false
        if i < s.count, s[i] == "." || s[i] == ")" {
            i += 1
            delimited = true
        }
        guard i < s.count, s[i] == " " || s[i] == "\t" else { return nil }
        var end = i
        while end < s.count, s[end] == " " || s[end] == "\t" { end += 1 }
        // Without a delimiter, a count in running text ("6 haneli") is followed by a lower-case word.
        if !delimited, end < s.count, s[end].properties.isLowercase || ("0"..."9").contains(s[end]) { return nil }
        return (number, end)
    }
}
