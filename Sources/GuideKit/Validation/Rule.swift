/// One check of the content: a small type with a stable id, a one-line summary, a default
/// severity and examples that are both its documentation and its tests.
///
/// Every rule writes its `id` out as a string literal. It is public API (configuration files,
/// inline suppressions, SARIF consumers and CI scripts match on it), so it never changes when the
/// type is renamed, and it is never derived from the type name.
public protocol Rule: Sendable {
    /// Stable kebab-case id, e.g. `https-only`.
    var id: String { get }
    /// One line, lower case, no full stop: what the rule reports.
    var summary: String { get }
    /// The severity of its findings unless `guidegen.yaml` says otherwise.
    var defaultSeverity: Severity { get }
    /// Content that triggers the rule (with a marker `1️⃣` … at every expected finding) and content
    /// that must not. `RuleExample.tree` says what the snippets are added to.
    var examples: [RuleExample] { get }
    /// The findings in the content; severities are applied afterwards by the `Validator`.
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// The rule as a `SectionRule`, or nil: what `as? any SectionRule` answers, without the cast,
    /// whose first use for each rule type searched the binary's conformance records (2 % of a
    /// small validation's instructions, at the start of the run). Given by the extensions below.
    var sectionRule: (any SectionRule)? { get }
}

extension Rule {
    public var sectionRule: (any SectionRule)? { nil }

    /// A finding of this rule: its id and default severity, the message saying what to do, and
    /// the replacement when the fix is obvious.
    public func finding(_ message: String, at location: SourceLocation, fix: FixIt? = nil) -> Diagnostic {
        Diagnostic(id: id, severity: defaultSeverity, message: message, at: location, fix: fix)
    }

    /// What `guidegen rules` and the reporters show about the rule.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, summary: summary, defaultSeverity: defaultSeverity)
    }
}

/// A rule whose every finding is about one section, or about what belongs to no section, and
/// depends only on that: the section's own file, the files all sections share (`guide.yaml`,
/// `links.yaml`, `guidegen.yaml`) and, when `readsTranslations`, the catalogs. It never looks at
/// another section. So after a change only the sections whose files changed are checked again
/// (`SectionFindings` keeps the others' findings), as an editor validating on save needs.
///
/// A finding about a section is reported in that section's file, or in a catalog when the rule
/// reads translations; `SectionRuleTests` checks every such rule on guides cut down to one section.
public protocol SectionRule: Rule {
    /// Whether the findings depend on the catalogs too (the rules comparing translations).
    var readsTranslations: Bool { get }
    /// The findings about each part of `parts`, in that order: a part is a section, by its index
    /// in `context.guide.sections`, or nil for what belongs to no section (the guide's title and
    /// support contact, the link registry).
    func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]]
}

extension SectionRule {
    public var readsTranslations: Bool { false }
    public var sectionRule: (any SectionRule)? { self }

    /// `check(_:in:)` for a rule that looks at each text by itself: `body` adds the findings about
    /// one text, and they are gathered part by part.
    func eachText(of parts: [Int?], in context: ValidationContext, _ body: (ContentText, inout [Diagnostic]) -> Void) -> [[Diagnostic]] {
        parts.map { part in
            var findings: [Diagnostic] = []
            for text in context.texts(in: part) { body(text, &findings) }
            return findings
        }
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        check([nil] + context.guide.sections.indices.map { $0 }, in: context).flatMap { $0 }
    }
}

/// The metadata of a rule, as reporters and `guidegen rules` print it.
public struct RuleDescriptor: Sendable, Hashable, Codable {
    public var id: String
    public var summary: String
    public var defaultSeverity: Severity

    public init(id: String, summary: String, defaultSeverity: Severity) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
    }
}
