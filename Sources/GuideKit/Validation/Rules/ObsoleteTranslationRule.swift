/// Triggers on a catalog key the content no longer has (its section, step or field was renamed
/// or removed): the translation is never shown. Reported at the key in the catalog.
public struct ObsoleteTranslationRule: Rule {
    public let id = "obsolete-translation"
    public let summary = "every catalog key is a string of the content"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            RuleExample(.triggers, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "Visit [1688.com](link:1688-home)"),
                .init("1️⃣example.steps.sign-in.text", source: "Giriş yapın", text: "Sign in"),
            ])]),
            RuleExample(.passes, files: [RuleExample.catalog([
                .init(RuleExample.baseStepKey, source: RuleExample.baseStepText, text: "Visit [1688.com](link:1688-home)"),
            ])]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var keys: [String]?  // for the hints, made when there is a finding
        for (catalog, positions) in zip(context.catalogs, context.obsoleteEntries) {
            for position in positions {
                let key = catalog.entries[position].key
                if keys == nil { keys = context.texts.map(\.text.key) }
                let hint = closestMatch(to: key.value, in: keys!).map { "; did you mean ‘\($0)’?" } ?? ""
                findings.append(finding("the content has no string ‘\(key.value)’ (renamed or removed): remove the entry or move its translation to the new key\(hint)",
                                        at: key.location))
            }
        }
        return findings
    }
}
