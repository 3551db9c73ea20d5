import Foundation
@testable import GuideKit
import Testing

/// A validation that reuses the section rules' findings kept by the run before reports what a
/// full run reports, after any kind of change, and checks again only the sections whose inputs
/// changed.
@Suite struct SectionFindingsTests {
    /// One change to a copy of the content: a file and what replaces what in it.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var old: String
        var new: String
        /// The sections (by file name) whose findings of each kind are checked again.
        var sources: Set<String>
        var translations: Set<String>

        var testDescription: String { name }
    }

    static let all: Set<String> = [
        "1688-account", "alipay-personal-account", "authorise-worldfirst", "order-on-1688", "pay-on-1688", "top-up-world-account", "worldfirst-account",
    ]

    /// Changes to the repository's content (which has a catalog, `en`) and what they make stale.
    static let edits = [
        Edit(name: "an English sentence in a step", file: "sections/1688-account.yaml", old: "text: websitesini ziyaret edin",
             new: "text: websitesini ziyaret edin. Then click on your basket.", sources: ["1688-account"], translations: ["1688-account"]),
        Edit(name: "a line inserted at the top of a section file", file: "sections/top-up-world-account.yaml", old: "id: top-up-world-account",
             new: "# moved down a line\nid: top-up-world-account", sources: ["top-up-world-account"], translations: ["top-up-world-account"]),
        Edit(name: "a currency no longer allowed", file: "guidegen.yaml", old: "currencies: [CNH]", new: "currencies: []", sources: all, translations: all),
        Edit(name: "a registry URL on a look-alike host", file: "links.yaml", old: "https://portal.worldfirst.com/register",
             new: "https://portal.worldfirts.com/register", sources: all, translations: all),
        Edit(name: "a translation without its UI label", file: "locales/en.yaml", old: "Select ‘[现在去认证](ui:zh-Hans)’ [Verify now](gloss:) to verify",
             new: "Select “Verify now” to verify", sources: [], translations: all),
        Edit(name: "a section left out of the guide", file: "guide.yaml", old: "  - order-on-1688\n", new: "", sources: all, translations: all),
    ]

    /// The content copied, validated once to keep findings, then changed.
    private func validatedThenEdited(_ edit: Edit) throws -> (folder: TemporaryDirectory, content: URL, kept: SectionFindings) {
        let folder = try TemporaryDirectory()
        let content = try folder.copy(Repository.content, as: "Content")
        let first = ValidationRun.run(contentDirectory: content.path, sectionFindings: SectionFindings())
        let kept = try #require(first.sectionFindings)
        #expect(Set(kept.sources.keys) == Set(Self.all.map { "\(content.path)/sections/\($0).yaml" }))
        let file = content.appendingPathComponent(edit.file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(edit.old), "the edit \(edit.name) finds its text")
        try Data(text.replacingOccurrences(of: edit.old, with: edit.new).utf8).write(to: file)
        return (folder, content, kept)
    }

    @Test(arguments: edits)
    func aRunReusingKeptFindingsReportsWhatAFullRunReports(edit: Edit) throws {
        let (folder, content, kept) = try validatedThenEdited(edit)
        let full = ValidationRun.run(contentDirectory: content.path)
        let reusing = ValidationRun.run(contentDirectory: content.path, sectionFindings: kept)
        #expect(reusing.diagnostics == full.diagnostics)
        #expect(reusing.failures.isEmpty)
        // The change shows (the content has no findings before it), except where it only moves lines.
        if edit.name != "a line inserted at the top of a section file" && edit.name != "a section left out of the guide" {
            #expect(!full.diagnostics.isEmpty, "\(edit.name) makes a finding")
        }
        // What is kept now is what a run from nothing keeps.
        let fresh = ValidationRun.run(contentDirectory: content.path, sectionFindings: SectionFindings())
        #expect(reusing.sectionFindings == fresh.sectionFindings)
        withExtendedLifetime(folder) {}  // the copy stays until the end
    }

    @Test(arguments: edits)
    func onlyTheSectionsWhoseInputsChangedAreCheckedAgain(edit: Edit) throws {
        let (folder, content, kept) = try validatedThenEdited(edit)
        var loader = ContentLoader(directory: content.path)
        loader.threads = 1
        var load = loader.load()
        let catalogs = CatalogLoader(directory: content.path).load()
        load.catalogs = catalogs.catalogs
        load.files.merge(catalogs.files) { first, _ in first }
        let guide = try #require(load.guide)
        let ruleIDs = RuleRegistry.rules.compactMap { $0 as? any SectionRule }.map(\.id)
        let run = SectionFindings.Run(previous: kept, load: load, guide: guide, configuration: ValidationConfiguration.load(contentDirectory: content.path, ruleIDs: RuleRegistry.rules.map(\.id)).configuration, ruleIDs: ruleIDs)
        func checked(translations: Bool) -> Set<String> {
            Set(guide.sections.indices.filter { !run.isKept($0, translations: translations) }.map { guide.sections[$0].id.value })
        }
        let remaining = edit.name == "a section left out of the guide" ? Self.all.subtracting(["order-on-1688"]) : Self.all
        #expect(checked(translations: false) == edit.sources.intersection(remaining))
        #expect(checked(translations: true) == edit.translations.intersection(remaining))
        withExtendedLifetime(folder) {}  // the copy stays until the end
    }

    /// A finding planted in what was kept shows that a section whose inputs did not change is not
    /// checked again, and that one whose file changed is.
    @Test func keptFindingsStandForTheSectionsTheyWereFoundIn() throws {
        let edit = Self.edits[0]
        let (folder, content, kept) = try validatedThenEdited(edit)
        var planted = kept
        for name in ["alipay-personal-account", "1688-account"] {
            let file = "\(content.path)/sections/\(name).yaml"
            planted.sources[file]?.findings.append(Diagnostic(id: "english-text", severity: .warning, message: "planted in \(name)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let reusing = ValidationRun.run(contentDirectory: content.path, sectionFindings: planted)
        let messages = reusing.diagnostics.map(\.message)
        #expect(messages.contains("planted in alipay-personal-account"))
        #expect(!messages.contains("planted in 1688-account"), "the edited section is checked again")
        #expect(messages.contains { $0.hasPrefix("this sentence is English") })
        withExtendedLifetime(folder) {}  // the copy stays until the end
    }

    @Test func findingsAreReadBackAsTheyWereSaved() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.copy(Repository.fixture("seed-defects"), as: "Content")
        let content = folder.url.appendingPathComponent("Content").path
        let kept = try #require(ValidationRun.run(contentDirectory: content, sectionFindings: SectionFindings()).sectionFindings)
        let findings = kept.sources.values.flatMap(\.findings)
        #expect(findings.contains { $0.fix != nil } && findings.contains { $0.fix == nil } && findings.contains { $0.severity == .warning })
        let url = folder.url.appendingPathComponent("cache/sections")
        kept.save(to: url)
        #expect(SectionFindings.load(from: url) == kept)
        // Damaged, cut short or missing: nothing is reused.
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count - 3] ^= 0x20
        try bytes.write(to: url)
        #expect(SectionFindings.load(from: url) == SectionFindings())
        try bytes.prefix(bytes.count / 2).write(to: url)
        #expect(SectionFindings.load(from: url) == SectionFindings())
        #expect(SectionFindings.load(from: folder.url.appendingPathComponent("cache/none")) == SectionFindings())
    }
}

/// Every `SectionRule` finds about a section what it finds in a guide of that section alone, and
/// reports it in that section's file (or a catalog): what lets its findings be kept per section.
@Suite struct SectionRuleTests {
    /// The repository's content with its catalog, and the seed's defects (no catalog).
    static func contexts() throws -> [ValidationContext] {
        try [Repository.content, Repository.fixture("seed-defects")].map { folder in
            var load = ContentLoader(directory: folder.path).load()
            let catalogs = CatalogLoader(directory: folder.path).load()
            load.catalogs = catalogs.catalogs
            load.files.merge(catalogs.files) { first, _ in first }
            let configuration = ValidationConfiguration.load(contentDirectory: folder.path, ruleIDs: RuleRegistry.rules.map(\.id)).configuration
            return ValidationContext(guide: try #require(load.guide), files: load.files, configuration: configuration, catalogs: load.catalogs)
        }
    }

    /// The same context with only the section at `index` in its guide.
    static func alone(_ index: Int, in context: ValidationContext) -> ValidationContext {
        var guide = context.guide
        guide.sections = [guide.sections[index]]
        return ValidationContext(guide: guide, files: context.files, configuration: context.configuration, catalogs: context.catalogs)
    }

    /// Whether `check` finds about each section what it finds with that section alone.
    static func findsTheSameAlone(_ check: (ValidationContext, Int) -> [Diagnostic], in context: ValidationContext) -> Bool {
        context.guide.sections.indices.allSatisfy { index in
            Set(check(context, index)) == Set(check(alone(index, in: context), 0))
        }
    }

    @Test func eachSectionIsCheckedAsIfItWereAlone() throws {
        let contexts = try Self.contexts()
        let rules = RuleRegistry.rules.compactMap { $0 as? any SectionRule }
        #expect(rules.count >= 15)
        var found = 0
        for context in contexts {
            for rule in rules {
                #expect(Self.findsTheSameAlone({ rule.check([$1], in: $0)[0] }, in: context), "\(rule.id)")
                found += context.guide.sections.indices.map { rule.check([$0], in: context)[0].count }.reduce(0, +)
            }
        }
        // The seed's defects in sections: a typed step number, an English sentence, a look-alike
        // host in text, a decimal point and a repeated currency (the rest are in links.yaml, or
        // are apostrophes, which are judged across sections).
        #expect(found == 5, "the seed's defects are found section by section")
    }

    /// The validator runs the section rules a few sections at a time: each rule finds about each
    /// of its parts what it finds checking all its parts at once, however many sections go
    /// together and whatever parts each rule is given (a run reusing kept findings gives each rule
    /// its own); the other rules find what they find alone.
    @Test(arguments: [1, 2, 3, 100])
    func sectionRulesCheckedAFewSectionsAtATimeFindWhatTheyFindAtOnce(sectionsAtATime: Int) throws {
        let rules = RuleRegistry.rules.compactMap { $0 as? any SectionRule }
        let others = RuleRegistry.rules.filter { !($0 is any SectionRule) }
        for context in try Self.contexts() {
            let sections = context.guide.sections.indices.map { Optional($0) }
            // Every part for some rules; for others every second section, the last, or none.
            let parts: [[Int?]] = rules.indices.map { index in
                switch index % 4 {
                case 0: [nil] + sections
                case 1: [nil] + sections.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                case 2: [nil] + sections.suffix(1)
                default: [nil]
                }
            }
            for threads in [1, 2] {
                let (wholeGuide, bySection) = Validator.check(others, rules, parts: parts, in: context, threads: threads, sectionsAtATime: sectionsAtATime)
                #expect(wholeGuide == others.flatMap { $0.check(context) })
                for index in rules.indices {
                    #expect(bySection[index] == rules[index].check(parts[index], in: context), "\(rules[index].id), \(threads) threads")
                }
            }
        }
    }

    /// The comparison tells a rule that looks across sections: the apostrophe style of one
    /// section is judged against the whole guide's.
    @Test func aRuleThatComparesSectionsIsToldApart() throws {
        let seed = try Self.contexts()[1]
        let rule = ApostropheStyleRule()
        #expect(!(rule is any SectionRule))
        let bySection: (ValidationContext, Int) -> [Diagnostic] = { context, index in
            rule.check(context).filter { $0.location.file == context.guide.sections[index].file }
        }
        #expect(!Self.findsTheSameAlone(bySection, in: seed))
    }

    @Test func findingsAreInTheirSectionsFileOrACatalog() throws {
        for context in try Self.contexts() {
            let catalogs = Set(context.catalogs.map(\.file))
            let sectionFiles = Set(context.guide.sections.map(\.file))
            for rule in RuleRegistry.rules.compactMap({ $0 as? any SectionRule }) {
                let parts: [Int?] = [nil] + context.guide.sections.indices.map { $0 }
                for (part, findings) in zip(parts, rule.check(parts, in: context)) {
                    for finding in findings {
                        if let part {
                            let file = context.guide.sections[part].file
                            #expect(finding.location.file == file || (rule.readsTranslations && catalogs.contains(finding.location.file)), "\(rule.id): \(finding)")
                        } else {
                            #expect(!sectionFiles.contains(finding.location.file), "\(rule.id): \(finding)")
                        }
                    }
                }
            }
        }
    }
}
