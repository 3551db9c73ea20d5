import Foundation
@testable import GuideKit
import Testing

/// Catalogs read straight from their lines (`BlockYAMLReader.catalog`) are the catalogs the
/// general way reads (a tree, then `Catalog.read`), entry by entry with every location, or the
/// general way reads them: a catalog with a problem is never read the quick way, so what is
/// reported about it does not change.
@Suite struct CatalogReaderTests {
    static let path = "locales/en.yaml"

    /// The catalog read the quick way, or nil when it leaves the text to the general way.
    static func quick(_ text: String, locale: String = "en") -> Catalog? {
        YAMLFile.catalog(Data(text.utf8), displayPath: path, expectedLocale: locale)?.catalog
    }

    /// Nil when the quick way leaves `text` to the general way; otherwise whether the two read
    /// the same catalog (`Catalog.outline`), the general way without a problem, with what the
    /// general way gave.
    static func compare(_ text: String, locale: String = "en") -> (same: Bool, general: String)? {
        BlockYAMLReader.catalogComparedWithGeneralWay(text, displayPath: path, locale: locale).map { ($0.matches, $0.general) }
    }

    /// The catalogs of the repository, the catalog `l10n add` starts for the real guide, and the
    /// catalogs of the rules' examples.
    static let corpus: [(name: String, locale: String, text: String)] = {
        var files: [(String, String, String)] = []
        for url in [Repository.content.appendingPathComponent("locales/en.yaml"),
                    Repository.fixture("render-small/content/locales/en.yaml"), Repository.fixture("render-rtl/content/locales/ar.yaml")] {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            files.append((url.lastPathComponent, url.deletingPathExtension().lastPathComponent, text))
        }
        if let guide = ContentLoader(directory: Repository.content.path).load().guide {
            files.append(("skeleton", "de", CatalogSkeleton.yaml(guide: guide, locale: "de", name: "Deutsch")))
        }
        for rule in RuleRegistry.rules {
            for (index, example) in rule.examples.enumerated() {
                for file in example.files where file.path.hasPrefix("locales/") {
                    files.append(("\(rule.id) example \(index + 1)", String(file.path.dropFirst("locales/".count).dropLast(".yaml".count)), file.text))
                }
            }
        }
        return files
    }()

    @Test func theRealCatalogAndAStartedOneAreReadTheQuickWay() throws {
        let files = Self.corpus.filter { $0.name == "en.yaml" || $0.name == "skeleton" }
        #expect(files.count == 3)
        for file in files {
            let compared = try #require(Self.compare(file.text, locale: file.locale), "\(file.name) was left to the general way")
            #expect(compared.same, "\(file.name)")
        }
    }

    @Test func everyCatalogOfTheRepositoryReadsAsTheGeneralWayReadsIt() {
        var read = 0
        for file in Self.corpus {
            guard let compared = Self.compare(file.text, locale: file.locale) else { continue }
            read += 1
            #expect(compared.same, "\(file.name): the general way gives\n\(compared.general)")
        }
        // The rules' examples include catalogs with problems, which are left to the general way.
        #expect(read >= 10 && read < Self.corpus.count, "\(read) of \(Self.corpus.count)")
    }

    /// Small edits of those catalogs at places chosen by a fixed seed (`BlockYAMLReaderTests.edit`),
    /// with the fields' names among the pieces put in.
    @Test func editsOfTheCatalogsReadAsTheGeneralWayReadsThem() {
        var generator = RenderingTests.PropertyTests.Generator(state: 1688)
        let pieces = [" ", "  ", "\n", "# c", " #", ":", ": ", "-", "- ", "\"", "'", "\\", "\\n", ">", "|-", "[", "{", "&a ", "!", "?",
                      "\t", "é", "x: y", "\n  ", "source", "text", "locale", "name", "entries", "    text: t\n", "  k:\n", "0", "true", "~"]
        var read = 0, tried = 0
        for file in Self.corpus {
            let original = Array(file.text.utf8)
            for _ in 0..<40 {
                let bytes = BlockYAMLReaderTests.edit(original, pieces: pieces, generator: &generator)
                guard let text = String(validating: bytes, as: UTF8.self) else { continue }
                tried += 1
                guard let compared = Self.compare(text, locale: file.locale) else { continue }
                read += 1
                #expect(compared.same, "an edit of \(file.name):\n\(text)\nthe general way gives\n\(compared.general)")
            }
        }
        // Both ways are taken often: the edits test the quick way, not only its refusals.
        #expect(read > tried / 10 && read < tried * 9 / 10, "\(read) of \(tried) edits read")
    }

    static let entry = "  a.title:\n    source: 0123456789abcdef\n    text: Title\n"

    static let readHere = [
        "locale: en\nname: English\nentries:\n" + entry,
        "# a comment\n\nentries:\n  # between\n  a.title:\n\n    text: 'it''s \"quoted\"'   # after\n    source: \"0123456789abcdef\"\n\n  b:\n    source: fedcba9876543210\n    text: \"\"\nname: 'English'\nlocale: \"en\"\n",
        "locale: en\nname: English\nentries:\n    a.title:\n        source: 0123456789abcdef\n        text: >-\n          Folded\n          text\n    b.text:\n        source: 0123456789abcdef\n        text: |\n          one\n\n          two\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: \"ş \\\"x\\\" \\\\ y\\n\"\n  现在:\n    source: 0123456789abcdef\n    text: 1688.com’u [aç](link:home)\n",
        // Each entry's fields at a depth of their own.
        "locale: en\nname: English\nentries:\n" + entry + "  b:\n   source: 0123456789abcdef\n   text: T\n",
    ]

    @Test(arguments: readHere)
    func theseAreReadAsTheGeneralWayReadsThem(text: String) throws {
        let compared = try #require(Self.compare(text), "left to the general way")
        #expect(compared.same, "the general way gives\n\(compared.general)")
    }

    /// Each of these has a problem (reported by the general way) or is written in a way only the
    /// general way reads.
    static let leftToTheGeneralWay = [
        "locale: en\nname: English\nentries:\n" + entry + entry,  // a key twice
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: T\n    text: U\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    txt: T\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n",
        "locale: en\nname: English\nentries:\n  12:\n    source: 0123456789abcdef\n    text: T\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789ABCDEF\n    text: T\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: 12\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text:\n",
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: [a, b]\n",
        "locale: en\nname: English\nentries:\n  a.title: {source: 0123456789abcdef, text: T}\n",
        "locale: en\nname: English\nentries:\n  - a.title\n",
        "locale: en\nname: English\nentries: {}\n",
        "locale: de\nname: English\nentries:\n" + entry,
        "locale: en_US\nname: English\nentries:\n" + entry,
        "locale: en\nentries:\n" + entry,
        "locale: en\nname: English\nname: E\nentries:\n" + entry,
        "locale: en\nname: English\nversion: 2\nentries:\n" + entry,
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: T\n     more\n",
        "locale: en\r\nname: English\nentries:\n" + entry,
        "locale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    text: T",
    ]

    @Test(arguments: leftToTheGeneralWay)
    func theseAreLeftToTheGeneralWay(text: String) {
        #expect(Self.quick(text) == nil)
    }

    @Test func aCatalogWithAProblemIsReportedAsBefore() throws {
        let folder = try TemporaryDirectory()
        try folder.write(tree: "-- locales/en.yaml --\nlocale: en\nname: English\nentries:\n  a.title:\n    source: 0123456789abcdef\n    txt: T\n")
        let loaded = CatalogLoader(directory: folder.path).load()
        #expect(loaded.catalogs.isEmpty)
        #expect(loaded.diagnostics.map { "\($0.id) \($0.location.line):\($0.location.column)" } == ["missing-field 5:5", "unknown-field 6:5"])
    }
}
