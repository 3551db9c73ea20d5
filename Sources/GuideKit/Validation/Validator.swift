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
            let sectionRules = enabled.compactMap(\.sectionRule)
            let run = previous.map { SectionFindings.Run(previous: $0, load: load, guide: guide, configuration: configuration, ruleIDs: sectionRules.map(\.id)) }
            // Only the translations of sections checked again are parsed: the rest are not asked for.
            let context = ValidationContext(guide: guide, files: load.files, configuration: configuration,
                                            loaderDiagnostics: load.diagnostics, output: output, online: online, catalogs: load.catalogs,
                                            threads: threads, parses: load.parses)
            // Rules only read the context: they run side by side.
            let everyPart = [nil] + guide.sections.indices.map { $0 }
            let parts = sectionRules.map { run?.parts(for: $0) ?? everyPart }
            let (wholeGuide, bySection) = Self.check(enabled.filter { $0.sectionRule == nil }, sectionRules, parts: parts, in: context, threads: threads)
            Parallel.release(consume context)
            ruleFindings += wholeGuide
            if let run {
                let sections = run.finish(sectionRules.indices.map { (sectionRules[$0], parts[$0], bySection[$0]) })
                ruleFindings += sections.findings
                kept = sections.kept
            } else {
                for rule in bySection { for part in rule { ruleFindings += part } }
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

    /// What the rules that look at the whole guide find, and what each section rule finds about
    /// each of its parts (`parts[r]` for `sectionRules[r]`, each in guide order: nil first, then
    /// the sections). The section rules check a few sections at a time, every rule on those
    /// sections before the next few, so their texts and translations are still in the processor's
    /// caches from one rule to the next: each rule going through the whole guide in turn read all
    /// of it from memory again, and waited for it. The other rules are handed out first, then the
    /// runs of sections, to whichever thread is free.
    static func check(_ rules: [any Rule], _ sectionRules: [any SectionRule], parts: [[Int?]], in context: ValidationContext,
                      threads: Int, sectionsAtATime: Int = sectionsAtATime) -> (wholeGuide: [Diagnostic], bySection: [[[Diagnostic]]]) {
        // Every part some section rule checks, in guide order, cut into runs of a few sections.
        var checked = Set<Int?>()
        for rule in parts { checked.formUnion(rule) }
        let order = ([nil] + context.guide.sections.indices.map { $0 }).filter { checked.contains($0) }
        let runs = stride(from: 0, to: order.count, by: sectionsAtATime).map { Array(order[$0..<min($0 + sectionsAtATime, order.count)]) }
        let wanted = parts.map { Set($0) }
        assert(parts.indices.allSatisfy { parts[$0] == order.filter(wanted[$0].contains) }, "each rule's parts in guide order, once each")
        enum Work { case rule(any Rule), sections([Int?]) }
        enum Found { case rule([Diagnostic]), sections([[[Diagnostic]]]) }
        let found = Parallel.map(rules.map(Work.rule) + runs.map(Work.sections), threads: threads) { work -> Found in
            switch work {
            case .rule(let rule): .rule(rule.check(context))
            case .sections(let run): .sections(sectionRules.indices.map { sectionRules[$0].check(run.filter(wanted[$0].contains), in: context) })
            }
        }
        var wholeGuide: [Diagnostic] = []
        var bySection = [[[Diagnostic]]](repeating: [], count: sectionRules.count)
        for result in found {
            switch result {
            case .rule(let findings): wholeGuide += findings
            // Each rule's parts are in guide order, so its findings are its runs' in turn.
            case .sections(let perRule): for rule in perRule.indices { bySection[rule] += perRule[rule] }
            }
        }
        return (wholeGuide, bySection)
    }

    /// How many sections the section rules check together (see `check(_:_:parts:in:threads:sectionsAtATime:)`):
    /// at S=1000, 4 to 8 were fastest, 32 slower by a twentieth, one at a time by a twentieth too.
    static let sectionsAtATime = 8

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
