import Foundation

/// Triggers, in Turkish text, on numbers written the English way: a decimal point (`1.5`,
/// `%0.8`) where Turkish writes a comma (`1,5`, `%0,8`), and a percent sign after the number
/// (`0,8%`, `8%`) where Turkish puts it first (`%8`). Thousands (`1.500`), dates (`27.11.2026`),
/// step numbers (`2.3. adım`), UI labels, code and marked numbers (`[0.8](percent:)`, which
/// guidegen formats per locale) are left alone. The message suggests the marker, so the number is
/// written once for every language.
public struct TurkishNumberFormatRule: SectionRule {
    public let id = "turkish-number-format"
    public let summary = "numbers and percentages in Turkish text use a decimal comma and a leading %"
    public let defaultSeverity = Severity.warning

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
                    detail: World Pay için 1️⃣%0.8, kredi kartı için 2️⃣1.5% ve banka havalesi için 3️⃣2% oranında ücret uygulanır; limit 4️⃣2.5 kat artar.

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                    detail: "World Pay için %0,8 ücret uygulanır; 1.500 TL üzeri siparişlerde 27.11.2026 tarihine kadar 09:00–17:00 arası, 2.3. adımdaki ‘[Fee 0.8%](ui:en)’ yazısına bakın."
                  - id: pay
                    kind: action
                    text: "Kart için [1.5](percent:), [2500](number:) TL üzeri için [0.8](percent:) ücret ödeyin"

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        guard context.isTurkish else { return parts.map { _ in [] } }
        var scan = VisibleText.Scan()
        return eachText(of: parts, in: context) { text, findings in
            // Every finding is about an ASCII digit, which most texts do not have.
            guard text.text.bytes.contains(.digit) else { return }
            text.visible.scan(including: \.isProse, into: &scan)
            let s = scan.scalars
            func isDigit(_ i: Int) -> Bool { i >= 0 && i < s.count && ("0"..."9").contains(s[i]) }
            func isLetter(_ i: Int) -> Bool { i >= 0 && i < s.count && s[i].properties.isAlphabetic }
            /// The number starting at `start`: digits with `.` or `,` groups; its end.
            func number(at start: Int) -> Int {
                var end = start
                while isDigit(end) || ((s[safe: end] == "." || s[safe: end] == ",") && isDigit(end + 1)) { end += 1 }
                return end
            }
            func report(_ start: Int, _ end: Int, _ replacement: String, _ why: String) {
                let written = String(String.UnicodeScalarView(s[start..<end]))
                findings.append(finding("‘\(written)’ \(why): write ‘\(replacement)’, or mark it so every locale formats it: \(Self.marker(for: replacement))", at: text.location(ofScalarOffset: scan.offset(at: start)),
                                        fix: scan.isVerbatim(start..<end) ? FixIt(length: end - start, replacement: replacement) : nil))
            }
            var i = 0
            while i < s.count {
                if s[i] == "%", isDigit(i + 1) {
                    let end = number(at: i + 1)
                    let value = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                    if Self.hasDecimalPoint(value), !isLetter(end), s[safe: end] != "." || !isDigit(end + 1) {
                        report(i, end, "%" + value.replacingDecimalPoint(), "has a decimal point")
                    }
                    i = end
                    continue
                }
                guard isDigit(i), !(isDigit(i - 1) || isLetter(i - 1) || s[safe: i - 1] == "." || s[safe: i - 1] == "," || s[safe: i - 1] == "%") else { i += 1; continue }
                let end = number(at: i)
                let value = String(String.UnicodeScalarView(s[i..<end]))
                var percent = end
                if s[safe: percent] == " " { percent += 1 }
                if s[safe: percent] == "%" {
                    report(i, percent + 1, "%" + (Self.hasDecimalPoint(value) ? value.replacingDecimalPoint() : value), "puts the percent sign last")
                    i = percent + 1
                    continue
                }
                if Self.hasDecimalPoint(value), !isLetter(end), s[safe: end] != "." {
                    report(i, end, value.replacingDecimalPoint(), "has a decimal point")
                }
                i = end
            }
        }
    }

    /// The marker for a Turkish-written number: `%0,8` → `[0.8](percent:)`.
    static func marker(for turkish: String) -> String {
        let isPercent = turkish.hasPrefix("%")
        let value = (isPercent ? String(turkish.dropFirst()) : turkish).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return "[\(value)](\(isPercent ? Quantity.Kind.percent.destination : Quantity.Kind.number.destination))"
    }

    /// One `.` whose fraction is not a group of three (thousands), and no `,`.
    static func hasDecimalPoint(_ number: String) -> Bool {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count != 3 && !number.contains(",")
    }
}

extension String {
    fileprivate func replacingDecimalPoint() -> String { String(map { $0 == "." ? "," : $0 }) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
