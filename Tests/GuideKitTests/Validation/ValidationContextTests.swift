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

    /// The repository's content with a second catalog (`de`, a copy of `en`), so the
    /// translations come from more than one catalog.
    static func contexts(threads: [Int]) throws -> [ValidationContext] {
        let folder = try TemporaryDirectory()
        let content = try folder.copy(Repository.content, as: "Content")
        let english = try String(contentsOf: content.appendingPathComponent("locales/en.yaml"), encoding: .utf8)
        try folder.write("Content/locales/de.yaml", Data(english.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: de\n").utf8))
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
    }

    @Test func eachTranslationSharesItsSourceTextWithTheContext() throws {
        let context = try #require(try Self.contexts(threads: [2]).first)
        let texts = Dictionary(uniqueKeysWithValues: context.texts.map { ($0.text.key, $0) })
        #expect(!context.translations.isEmpty)
        #expect(context.translations.allSatisfy { texts[$0.key] === $0.source })
    }
}
