/// Every rule, listed by hand in the order `guidegen rules` and the README show them: links,
/// then ordering and structure, content sanity, Turkish text, translations, and suppressions. A new rule is
/// added here; one parameterised test runs the examples of every rule in this list.
public enum RuleRegistry {
    public static let rules: [any Rule] = [
        // Links
        UrlWellFormedRule(),
        HttpsOnlyRule(),
        RawUrlRule(),
        InlineLinkTargetRule(),
        NearMissHostRule(),
        UnknownLinkRule(),
        UnusedLinkRule(),
        DuplicateUrlRule(),
        LinkServiceRule(),
        RenderedLinksRule(),
        LinkBrokenRule(),
        LinkUnverifiableRule(),
        LinkRedirectedRule(),
        // Ordering and structure
        SectionLabelSequenceRule(),
        DuplicateIdRule(),
        EmptySectionRule(),
        UnknownSectionRule(),
        UnknownStepRule(),
        PrerequisiteOrderRule(),
        CrossReferenceRule(),
        UnlinkedReferenceRule(),
        TypedStepNumberRule(),
        InlineMarkupRule(),
        // Content sanity
        DuplicateListItemRule(),
        CurrencyCodeRule(),
        PhoneNumberRule(),
        EmailAddressRule(),
        SupportHoursRule(),
        DuplicateStepTextRule(),
        CompatibilityCharacterRule(),
        // Turkish source text
        TurkishNumberFormatRule(),
        EnglishTextRule(),
        ApostropheStyleRule(),
        // Translations (the catalogs of Content/locales/)
        StaleTranslationRule(),
        ObsoleteTranslationRule(),
        TranslationLinkKeysRule(),
        TranslationUILabelsRule(),
        TranslationNumbersRule(),
        TranslationPlaceholdersRule(),
        TranslationMarkupRule(),
        UntranslatedTextRule(),
        // Suppressions
        InvalidSuppressionRule(),
        UnusedSuppressionRule(),
    ]

    public static var descriptors: [RuleDescriptor] { rules.map(\.descriptor) }

    public static func rule(id: String) -> (any Rule)? { rules.first { $0.id == id } }
}

extension RuleRegistry {
    /// The README's rule table: id, default severity, summary.
    public static var markdownTable: String {
        var table = "| rule | default severity | checks that |\n| --- | --- | --- |\n"
        for rule in rules { table += "| `\(rule.id)` | \(rule.defaultSeverity.rawValue) | \(rule.summary) |\n" }
        return table
    }
}
