import Foundation
@testable import GuideKit
import Testing

/// What `ValidationContext` gives the rules: the same texts and translations however many
/// threads parse them, each translation beside the very source text the rules read.
@Suite struct ValidationContextTests {
    /// What a rule can read of a text, compared as a whole.
    struct Parsed: Equatable {
        var text: SourceText
        var role: ContentText.Role
        var section: Int?
        var step: Int?
        var document: InlineDocument
        var visible: VisibleText

        init(_ text: ContentText) {
            self.text = text.text
            self.role = text.role
            self.section = text.sectionIndex
            self.step = text.stepIndex
            self.document = text.document
            self.visible = text.visible
        }
    }

    /// The repository's content with a second catalog (`de`, a copy of `en` whose first entry
    /// was made from an older source text), so the translations come from more than one catalog.
    static func contexts(threads: [Int]) throws -> [ValidationContext] {
        let folder = try TemporaryDirectory()
        let content = try folder.copy(Repository.content, as: "Content")
        let english = try String(contentsOf: content.appendingPathComponent("locales/en.yaml"), encoding: .utf8)
        var german = english.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: de\n")
        let source = try #require(german.range(of: "    source: "))
        german.replaceSubrange(source.upperBound..<german.index(source.upperBound, offsetBy: 16), with: "00000000000000aa")
        try folder.write("Content/locales/de.yaml", Data(german.utf8))
        let load = ContentLoader(directory: content.path).load()
        let catalogs = CatalogLoader(directory: content.path).load().catalogs
        #expect(catalogs.map(\.locale.value) == ["de", "en"])
        let guide = try #require(load.guide)
        return threads.map { ValidationContext(guide: guide, files: load.files, catalogs: catalogs, threads: $0) }
    }

    @Test func textsAndTranslationsAreTheSameOnOneThreadAsOnSeveral() throws {
        let contexts = try Self.contexts(threads: [1, 4])
        let (one, several) = (contexts[0], contexts[1])
        #expect(one.texts.count > 50)
        #expect(one.texts.map(Parsed.init) == several.texts.map(Parsed.init))
        #expect(Set(one.translations.map(\.locale)) == ["de", "en"])
        #expect(one.translations.map { "\($0.locale) \($0.key)" } == several.translations.map { "\($0.locale) \($0.key)" })
        #expect(one.translations.map { Parsed($0.translation) } == several.translations.map { Parsed($0.translation) })
        #expect(one.translations.map { Parsed($0.source) } == several.translations.map { Parsed($0.source) })
        #expect(one.translationStates == several.translationStates)
    }

    /// A part's translations, made when a rule first asks for them, are those of all translations
    /// whose source is in that part, in the same order, each with its source text itself.
    @Test func eachPartsTranslationsAreTheTranslationsOfItsTexts() throws {
        let context = try #require(try Self.contexts(threads: [2]).first)
        let all = context.translations
        var seen = 0
        for part in [nil] + context.guide.sections.indices.map({ $0 }) {
            let asked = context.translations(in: part)
            let expected = all.filter { $0.source.sectionIndex == part }
            #expect(asked.map { "\($0.locale) \($0.key)" } == expected.map { "\($0.locale) \($0.key)" }, "part \(String(describing: part))")
            #expect(asked.map { Parsed($0.translation) } == expected.map { Parsed($0.translation) })
            #expect(zip(asked, expected).allSatisfy { $0.source === $1.source })
            #expect(zip(context.translations(in: part), asked).allSatisfy { $0.translation === $1.translation }, "asked again, the same texts")
            seen += asked.count
        }
        #expect(seen == all.count && seen > 100)
    }

    /// The link uses are worked out when a rule first asks, once, whichever threads ask at once.
    @Test func linkUsesAreWorkedOutOnceForEveryThreadThatAsks() throws {
        let context = try #require(try Self.contexts(threads: [2]).first)
        var answers = [[ValidationContext.LinkUse]](repeating: [], count: 8)
        answers.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSlots(base: slots.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: 8) { slots.base[$0] = context.linkUses }
        }
        let first = answers[0]
        #expect(answers.allSatisfy { $0 == first })
        #expect(first.count > 5 && first.map(\.location) == first.map(\.location).sorted())
        #expect(first.contains { $0.key == "worldfirst-register" })

        final class Count: @unchecked Sendable { var made = 0 }
        let count = Count()
        let deferred = Parallel.Deferred { count.made += 1; return 1688 }
        #expect(count.made == 0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in #expect(deferred.value == 1688) }
        #expect(count.made == 1)
    }

    /// Slots of an array that each of several threads writes one of.
    struct UncheckedSlots<Element>: @unchecked Sendable { let base: UnsafeMutablePointer<Element> }

    @Test func translationStatesAreEachCatalogsStateOfEachText() throws {
        let context = try #require(try Self.contexts(threads: [2]).first)
        #expect(context.translationStates.count == 2)
        for (catalog, states) in zip(context.catalogs, context.translationStates) {
            #expect(states == context.texts.map { catalog.state(of: $0.text) })
        }
        #expect(context.translationStates[0].filter { $0 == .needsReview }.count == 1, "the de entry made from an older text")
        #expect(context.translations.filter { $0.locale == "de" }.count == context.translations.filter { $0.locale == "en" }.count - 1)
    }

    @Test func obsoleteEntriesAreTheEntriesWhoseKeyNoTextHas() throws {
        let folder = try TemporaryDirectory()
        let content = try folder.copy(Repository.content, as: "Content")
        var english = try String(contentsOf: content.appendingPathComponent("locales/en.yaml"), encoding: .utf8)
        // Two keys the content does not have, one before the real entries and one among them.
        let entries = try #require(english.range(of: "\nentries:\n"))
        english.insert(contentsOf: "  renamed.title:\n    source: \"0000000000000000\"\n    text: Old\n", at: entries.upperBound)
        let second = try #require(english.range(of: "\n  alipay-personal-account.title:"))
        english.insert(contentsOf: "\n  removed.steps.x.text:\n    source: \"0000000000000000\"\n    text: Gone", at: second.lowerBound)
        try folder.write("Content/locales/en.yaml", Data(english.utf8))
        let load = ContentLoader(directory: content.path).load()
        let catalogs = CatalogLoader(directory: content.path).load().catalogs
        let catalog = try #require(catalogs.first)
        let context = ValidationContext(guide: try #require(load.guide), files: load.files, catalogs: catalogs, threads: 2)
        let keys = Set(context.texts.map(\.text.key))
        let expected = catalog.entries.indices.filter { !keys.contains(catalog.entries[$0].key.value) }
        #expect(expected.map { catalog.entries[$0].key.value }.sorted() == ["removed.steps.x.text", "renamed.title"])
        #expect(context.obsoleteEntries == [expected])
        #expect(ObsoleteTranslationRule().check(context).map(\.location.line) == expected.map { catalog.entries[$0].key.location.line })
    }

    @Test func eachTranslationSharesItsSourceTextWithTheContext() throws {
        let context = try #require(try Self.contexts(threads: [2]).first)
        let texts = Dictionary(uniqueKeysWithValues: context.texts.map { ($0.text.key, $0) })
        #expect(!context.translations.isEmpty)
        #expect(context.translations.allSatisfy { texts[$0.key] === $0.source })
    }
}
