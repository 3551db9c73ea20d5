/// Runs the rules over loaded content: applies the configuration's off switches and severities,
/// the inline suppressions, and reports suppressions that are wrong or silence nothing.
public struct Validator: Sendable {
    public var rules: [any Rule]

    /// Threads the rules run on; the findings are the same for any number.
    public var threads = Parallel.defaultThreads

    public init(rules: [any Rule] = RuleRegistry.rules) { self.rules = rules }

    /// Every finding, sorted: the loader's (those a rule owns under that rule's settings) and the rules'.
    public func validate(_ load: LoadResult, configuration: ValidationConfiguration = ValidationConfiguration(),
                         output: RenderedOutput? = nil, online: LinkCheckReport? = nil) -> [Diagnostic] {
        validate(load, configuration: configuration, output: output, online: online, reusing: nil).diagnostics
    }

    /// The same, taking from `previous` the findings of the section rules about each section whose
    /// inputs did not change (see `SectionFindings`), and giving the section rules' findings to
    /// keep for the next run: nil when `previous` is nil or the rules could not run.
    public func validate(_ load: LoadResult, configuration: ValidationConfiguration = ValidationConfiguration(),
                         output: RenderedOutput? = nil, online: LinkCheckReport? = nil,
                         reusing previous: SectionFindings?) -> (diagnostics: [Diagnostic], sections: SectionFindings?) {
        let ruleIDs = Set(rules.map(\.id))
        // The loader's findings under a rule's id are re-reported by that rule's `check`.
        var findings = load.diagnostics.filter { !ruleIDs.contains($0.id) }
        var ruleFindings: [Diagnostic] = []
        var kept: SectionFindings?
        if let guide = load.guide {
            let enabled = rules.filter { configuration.isEnabled($0.id) }
            let sectionRules = enabled.compactMap { $0 as? any SectionRule }
            let run = previous.map { SectionFindings.Run(previous: $0, load: load, guide: guide, configuration: configuration, ruleIDs: sectionRules.map(\.id)) }
            // Only the translations of sections checked again are read (the rest are not asked for).
            let translating = run.map { run in guide.sections.indices.map { !run.isKept($0, translations: true) } }
            let context = ValidationContext(guide: guide, files: load.files, configuration: configuration,
                                            loaderDiagnostics: load.diagnostics, output: output, online: online, catalogs: load.catalogs,
                                            threads: threads, parses: load.parses, translating: translating)
            // Rules only read the context: they run side by side, their findings kept in rule order.
            let checked = Parallel.map(enabled, threads: threads) { rule -> Checked in
                guard let run, let rule = rule as? any SectionRule else { return .all(rule.check(context)) }
                let parts = run.parts(for: rule)
                return .parts(rule, parts, rule.check(parts, in: context))
            }
            Parallel.release(consume context)
            var bySection: [(rule: any SectionRule, parts: [Int?], findings: [[Diagnostic]])] = []
            for result in checked {
                switch result {
                case .all(let found): ruleFindings += found
                case .parts(let rule, let parts, let found): bySection.append((rule, parts, found))
                }
            }
            if let run {
                let sections = run.finish(bySection)
                ruleFindings += sections.findings
                kept = sections.kept
            }
        } else {
            // Without a guide the rules cannot run; what the loader found under their ids still counts.
            ruleFindings = load.diagnostics.filter { ruleIDs.contains($0.id) }
        }
        ruleFindings = ruleFindings.filter { configuration.isEnabled($0.id) }

        // Inline suppressions: a wrong one silences nothing and is reported.
        var meta: [Diagnostic] = []
        var valid: [Suppression] = []
        for suppression in load.files.keys.sorted().flatMap({ Suppression.parse(load.files[$0]!) }) {
            let problems = problems(in: suppression, ruleIDs: ruleIDs)
            if problems.isEmpty { valid.append(suppression) } else { meta += problems }
        }
        var used = Array(repeating: false, count: valid.count)
        ruleFindings.removeAll { finding in
            let covering = valid.indices.filter { valid[$0].covers(finding) }
            for index in covering { used[index] = true }
            return !covering.isEmpty
        }
        // Without a guide the rules did not run, so no suppression can have been used; and a
        // suppression of a rule that is off or not run here is not reported as unused.
        for (index, suppression) in valid.enumerated() where !used[index] && load.guide != nil
            && suppression.ruleIDs.allSatisfy({ configuration.isEnabled($0.value) && ruleIDs.contains($0.value) }) {
            let names = suppression.ruleIDs.map { "‘\($0.value)’" }.joined(separator: ", ")
            meta.append(UnusedSuppressionRule().finding("the suppression of \(names) silences nothing here: remove it", at: suppression.location))
        }
        meta = meta.filter { ruleIDs.contains($0.id) && configuration.isEnabled($0.id) }

        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for var finding in ruleFindings + meta {
            // The configured severity replaces the rule's default; findings a rule gives another
            // severity on purpose (the online rules' notes at each use of a link) keep theirs.
            if let rule = rulesByID[finding.id], finding.severity == rule.defaultSeverity {
                finding.severity = configuration.severity(of: finding.id, default: rule.defaultSeverity)
            }
            findings.append(finding)
        }
        return (Array(Set(findings)).sorted(), kept)
    }

    /// What one rule found: everything, or (a section rule reusing kept findings) each part it checked.
    private enum Checked {
        case all([Diagnostic])
        case parts(any SectionRule, [Int?], [[Diagnostic]])
    }

    /// What is wrong with a suppression: unknown or unsuppressable rule ids, no ids, no reason.
    private func problems(in suppression: Suppression, ruleIDs: Set<String>) -> [Diagnostic] {
        let rule = InvalidSuppressionRule()
        let suppressable = ruleIDs.subtracting(Self.metaRuleIDs)
        var problems: [Diagnostic] = []
        for id in suppression.ruleIDs where !suppressable.contains(id.value) {
            if Self.metaRuleIDs.contains(id.value) {
                problems.append(rule.finding("‘\(id.value)’ findings cannot be suppressed: fix or remove the suppression they are about", at: id.location))
            } else if let suggestion = closestMatch(to: id.value, in: suppressable) {
                problems.append(rule.finding("no rule ‘\(id.value)’ to suppress: did you mean ‘\(suggestion)’?", at: id.location,
                                             fix: FixIt(length: id.value.unicodeScalars.count, replacement: suggestion)))
            } else {
                problems.append(rule.finding("no rule ‘\(id.value)’ to suppress: `guidegen rules` lists the rule ids", at: id.location))
            }
        }
        if suppression.ruleIDs.isEmpty {
            problems.append(rule.finding("the suppression names no rule: write `# \(Suppression.marker) rule-id — reason`", at: suppression.location))
        } else if suppression.reason == nil {
            problems.append(rule.finding("the suppression gives no reason: add `— why` after the rule id", at: suppression.location))
        }
        return problems
    }

    /// Ids of the rules about suppressions themselves, which cannot be suppressed.
    static let metaRuleIDs: Set<String> = [InvalidSuppressionRule().id, UnusedSuppressionRule().id]
}
