/// Runs the rules over loaded content: applies the configuration's off switches and severities,
/// the inline suppressions, and reports suppressions that are wrong or silence nothing.
public struct Validator: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleRegistry.rules) { self.rules = rules }

    /// Every finding, sorted: the loader's (those a rule owns under that rule's settings) and the rules'.
    public func validate(_ load: LoadResult, configuration: ValidationConfiguration = ValidationConfiguration(),
                         output: RenderedOutput? = nil) -> [Diagnostic] {
        let ruleIDs = Set(rules.map(\.id))
        // The loader's findings under a rule's id are re-reported by that rule's `check`.
        var findings = load.diagnostics.filter { !ruleIDs.contains($0.id) }
        var ruleFindings: [Diagnostic] = []
        if let guide = load.guide {
            let context = ValidationContext(guide: guide, files: load.files, configuration: configuration,
                                            loaderDiagnostics: load.diagnostics, output: output)
            for rule in rules where configuration.isEnabled(rule.id) {
                ruleFindings += rule.check(context)
            }
        } else {
            // Without a guide the rules cannot run; what the loader found under their ids still counts.
            ruleFindings = load.diagnostics.filter { ruleIDs.contains($0.id) }
        }
        ruleFindings = ruleFindings.filter { configuration.isEnabled($0.id) }

        // Inline suppressions.
        let suppressions = load.files.keys.sorted().flatMap { Suppression.parse(load.files[$0]!) }
        var used = Set<Int>()
        var meta: [Diagnostic] = []
        let valid = suppressions.enumerated().filter { index, suppression in
            var ok = true
            for id in suppression.ruleIDs where !ruleIDs.contains(id.value) || Self.metaRuleIDs.contains(id.value) {
                ok = false
                if Self.metaRuleIDs.contains(id.value) {
                    meta.append(Diagnostic(id: InvalidSuppressionRule().id, message: "‘\(id.value)’ findings cannot be suppressed: fix or remove the suppression they are about", at: id.location))
                    continue
                }
                let suggestion = closestMatch(to: id.value, in: ruleIDs.subtracting(Self.metaRuleIDs))
                meta.append(Diagnostic(id: InvalidSuppressionRule().id,
                                       message: "no rule ‘\(id.value)’ to suppress: " + (suggestion.map { "did you mean ‘\($0)’?" } ?? "`guidegen rules` lists the rule ids"),
                                       at: id.location, fix: suggestion.map { FixIt(length: id.value.unicodeScalars.count, replacement: $0) }))
            }
            if suppression.ruleIDs.isEmpty {
                ok = false
                meta.append(Diagnostic(id: InvalidSuppressionRule().id, message: "the suppression names no rule: write `# \(Suppression.marker) rule-id — reason`", at: suppression.location))
            } else if suppression.reason == nil {
                ok = false
                meta.append(Diagnostic(id: InvalidSuppressionRule().id, message: "the suppression gives no reason: add `— why` after the rule id", at: suppression.location))
            }
            return ok
        }
        ruleFindings = ruleFindings.filter { finding in
            var silenced = false
            for (index, suppression) in valid where suppression.covers(finding) {
                used.insert(index)
                silenced = true
            }
            return !silenced
        }
        // Without a guide the rules did not run, so no suppression can have been used.
        for (index, suppression) in valid where !used.contains(index) && load.guide != nil {
            // A suppression of a rule that is off or not run here is not reported as unused.
            guard suppression.ruleIDs.allSatisfy({ configuration.isEnabled($0.value) && ruleIDs.contains($0.value) }) else { continue }
            let names = suppression.ruleIDs.map { "‘\($0.value)’" }.joined(separator: ", ")
            meta.append(Diagnostic(id: UnusedSuppressionRule().id, message: "the suppression of \(names) silences nothing here: remove it", at: suppression.location))
        }
        meta = meta.filter { ruleIDs.contains($0.id) && configuration.isEnabled($0.id) }

        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for var finding in ruleFindings + meta {
            if let rule = rulesByID[finding.id] {
                finding.severity = configuration.severity(of: finding.id, default: rule.defaultSeverity)
            }
            findings.append(finding)
        }
        return Array(Set(findings)).sorted()
    }

    /// Ids of the rules about suppressions themselves, which cannot be suppressed.
    static let metaRuleIDs: Set<String> = [InvalidSuppressionRule().id, UnusedSuppressionRule().id]
}
