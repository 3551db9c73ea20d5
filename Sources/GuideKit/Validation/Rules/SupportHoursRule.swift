/// Triggers on support hours that are not a valid range: `opens` and `closes` not 24-hour
/// `HH:MM` (`closes` may be `24:00`), or closing not after opening.
public struct SupportHoursRule: Rule {
    public let id = "support-hours"
    public let summary = "support hours are HH:MM times with closing after opening"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers(RuleExample.guideYAML(replacing: "opens: \"09:00\"", with: "opens: \"1️⃣9:00\""), in: "guide.yaml"),
            .triggers(RuleExample.guideYAML(replacing: "closes: \"17:00\"", with: "closes: \"1️⃣08:30\""), in: "guide.yaml"),
            .passes(RuleExample.guideYAML(replacing: "closes: \"17:00\"", with: "closes: \"24:00\""), in: "guide.yaml"),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let support = context.guide.support
        var findings: [Diagnostic] = []
        let opens = Self.minutes(support.opens.value, allowingMidnightEnd: false)
        let closes = Self.minutes(support.closes.value, allowingMidnightEnd: true)
        for (value, minutes) in [(support.opens, opens), (support.closes, closes)] where minutes == nil {
            let fix = Self.padded(value.value).map { FixIt(length: value.value.unicodeScalars.count, replacement: $0) }
            findings.append(finding("‘\(value.value)’ is not a 24-hour time: write HH:MM\(fix.map { ", ‘\($0.replacement)’" } ?? "")",
                                    at: context.valueStart(of: value), fix: fix))
        }
        if let opens, let closes, closes <= opens {
            findings.append(finding("support closes at \(support.closes.value), not after it opens at \(support.opens.value): fix the hours",
                                    at: context.valueStart(of: support.closes)))
        }
        return findings
    }

    static func minutes(_ time: String, allowingMidnightEnd: Bool) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            parts.joined().allSatisfy({ $0.isASCII && $0.isNumber }), (0...59).contains(minutes) else { return nil }
        if hours == 24, minutes == 0, allowingMidnightEnd { return 24 * 60 }
        return (0...23).contains(hours) ? hours * 60 + minutes : nil
    }

    private static func padded(_ time: String) -> String? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, parts[0].count == 1, let candidate = Optional("0" + time), minutes(candidate, allowingMidnightEnd: true) != nil else { return nil }
        return candidate
    }
}
