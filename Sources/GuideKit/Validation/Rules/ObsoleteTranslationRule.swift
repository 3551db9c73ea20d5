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
        let keys = Set(context.texts.map(\.text.key))
        var findings: [Diagnostic] = []
        for catalog in context.catalogs {
            // By position: iterating the entries copied every one of them (seven strings retained and released).
            for position in catalog.entries.indices where !catalog.entries.withEntry(at: position, { keys.contains($0.key.value) }) {
                let entry = catalog.entries[position]
                let hint = closestMatch(to: entry.key.value, in: Array(keys)).map { "; did you mean ‘\($0)’?" } ?? ""
                findings.append(finding("the content has no string ‘\(entry.key.value)’ (renamed or removed): remove the entry or move its translation to the new key\(hint)",
                                        at: entry.key.location))
            }
        }
        return findings
    }
}
