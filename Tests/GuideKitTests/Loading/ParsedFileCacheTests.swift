import Foundation
@testable import GuideKit
import Testing

/// Section files and catalogs kept as parsed read back as they parse, are used only for the same
/// bytes, and a damaged or missing entry only means parsing again.
@Suite struct ParsedFileCacheTests {
    /// A copy of the real guide, and a cache folder beside it.
    private func realGuide() throws -> (TemporaryDirectory, content: String, cache: ParsedFileCache) {
        let directory = try TemporaryDirectory()
        let content = try directory.copy(Repository.content, as: "Content")
        return (directory, content.path, ParsedFileCache(folder: directory.url.appendingPathComponent("cache")))
    }

    private func load(_ content: String, cache: ParsedFileCache?) -> (LoadResult, CatalogLoadResult) {
        var contentLoader = ContentLoader(directory: content), catalogLoader = CatalogLoader(directory: content)
        contentLoader.cache = cache
        catalogLoader.cache = cache
        return (contentLoader.load(), catalogLoader.load())
    }

    private func entries(_ cache: ParsedFileCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder.path)) ?? []).sorted()
    }

    @Test func everySectionAndCatalogOfTheRealGuideReadsBackAsItParses() throws {
        let (directory, content, cache) = try realGuide()
        let (parsed, parsedCatalogs) = load(content, cache: nil)
        _ = load(content, cache: cache)
        let stored = entries(cache)
        // Seven section files and the English catalog.
        #expect(stored.filter { $0.hasPrefix("section-") }.count == 7 && stored.filter { $0.hasPrefix("catalog-") }.count == 1, "\(stored)")
        let (read, readCatalogs) = load(content, cache: cache)

        let sections = try #require(parsed.guide?.sections), readSections = try #require(read.guide?.sections)
        #expect(readSections == sections)
        #expect(read.diagnostics == parsed.diagnostics && readCatalogs.diagnostics == parsedCatalogs.diagnostics)
        #expect(read.files.keys.sorted() == parsed.files.keys.sorted())
        for (path, file) in parsed.files { #expect(read.files[path].map { Array($0.lines) } == Array(file.lines), "\(path)") }
        #expect(readCatalogs.files.keys.sorted() == parsedCatalogs.files.keys.sorted())

        // Texts point into the file they were read back with: places inside them are found as
        // in the parsed ones (folded and quoted texts move across lines and quotes).
        let texts = read.guide!.texts
        #expect(texts.count == parsed.guide!.texts.count && texts.count > 80)
        for (text, original) in zip(texts, parsed.guide!.texts) {
            #expect(text.origin.file === read.files[text.location.file])
            let middle = original.value.unicodeScalars.count / 2
            #expect(text.location(ofScalarOffset: middle) == original.location(ofScalarOffset: middle), "\(original.key)")
        }

        let catalog = try #require(parsedCatalogs.catalogs.first), readCatalog = try #require(readCatalogs.catalogs.first)
        #expect(readCatalog.locale == catalog.locale && readCatalog.name == catalog.name && readCatalog.file == catalog.file)
        #expect(Array(readCatalog.entries) == Array(catalog.entries))
        #expect(readCatalog.entries.count > 80)
        for entry in readCatalog.entries { #expect(readCatalog.entries[entry.key.value] == entry) }
        _ = directory
    }

    /// What a hit returns is the entry's: an entry made for other content under the file's bytes
    /// comes back; one changed byte (size and date kept) makes the file parse again.
    @Test func anEntryIsUsedForTheSameBytesOnly() throws {
        let (directory, content, cache) = try realGuide()
        let file = URL(fileURLWithPath: content).appendingPathComponent("sections/1688-account.yaml")
        let display = "\(content)/sections/1688-account.yaml"
        let bytes = try Data(contentsOf: file)
        var section = try #require(load(content, cache: nil).0.guide?.section(id: "1688-account"))
        section.title = section.title.withValue("a title only the entry has")
        cache.store(section, atPath: file.path, displayPath: display, bytes: bytes)
        #expect(load(content, cache: cache).0.guide?.section(id: "1688-account")?.title.value == "a title only the entry has")

        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        // One letter of the schema comment, upper-cased: the same size, still valid.
        var changed = bytes
        let index = try #require(bytes.range(of: Data("schema".utf8))?.lowerBound)
        changed[index] = UInt8(ascii: "S")
        try changed.write(to: file)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: file.path)
        let reparsed = try #require(load(content, cache: cache).0.guide?.section(id: "1688-account"))
        #expect(reparsed.title.value != "a title only the entry has")
        _ = directory
    }

    /// A cut, damaged or foreign entry is a miss, never a crash nor other values: the file
    /// parses again and the entry is replaced.
    @Test(arguments: ["cut", "damaged", "foreign"])
    func anUnreadableEntryMeansParsingAgain(damage: String) throws {
        let (directory, content, cache) = try realGuide()
        let (parsed, parsedCatalogs) = load(content, cache: cache)
        for name in entries(cache) {
            let url = cache.folder.appendingPathComponent(name)
            var data = try Data(contentsOf: url)
            switch damage {
            case "cut": data = data.prefix(data.count / 2)
            case "damaged":
                // One bit in the middle: most such changes would still read as other values.
                data[data.count / 2] ^= 0x01
            default: data = Data("guidegen parsed 0\n".utf8)
            }
            try data.write(to: url)
        }
        let (read, readCatalogs) = load(content, cache: cache)
        #expect(read.guide?.sections == parsed.guide?.sections)
        #expect(readCatalogs.catalogs.first.map { Array($0.entries) } == parsedCatalogs.catalogs.first.map { Array($0.entries) })
        // Replaced: the next load reads every entry back.
        #expect(load(content, cache: cache).0.guide?.sections == parsed.guide?.sections)
        _ = directory
    }

    /// Every cut of a section's payload, under a checksum that matches it (as if the entry had
    /// been written that way), reads as nothing: each count and length is checked against the
    /// end, and the whole payload must be read.
    @Test func everyCutOfAPayloadReadsAsNothing() throws {
        let (directory, content, cache) = try realGuide()
        _ = load(content, cache: cache)
        let file = URL(fileURLWithPath: content).appendingPathComponent("sections/1688-account.yaml")
        let display = "\(content)/sections/1688-account.yaml"
        let bytes = try Data(contentsOf: file)
        #expect(cache.section(atPath: file.path, displayPath: display, bytes: bytes) != nil)
        let entry = cache.folder.appendingPathComponent(cache.entryName(of: file.path, kind: "section"))
        let stored = try Data(contentsOf: entry)
        // The header: the key and the checksum, each a 4-byte length and its bytes.
        var offset = 0
        for _ in 0..<2 { offset += 4 + stored[offset..<offset + 4].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) } }
        let payload = stored.dropFirst(offset)
        #expect(payload.count > 1000)
        for length in stride(from: 0, to: payload.count, by: 3) {
            let cut = payload.prefix(length)
            var hasher = ContentHasher()
            hasher.add(Data(cut))
            var damaged = BinaryWriter()
            damaged.write(ParsedFileCache.key(kind: "section", displayPath: display, bytes: bytes))
            damaged.write(hasher.hex)
            try (damaged.data + cut).write(to: entry)
            #expect(cache.section(atPath: file.path, displayPath: display, bytes: bytes) == nil, "\(length) bytes")
        }
        _ = directory
    }

    /// A file with a problem is not kept, so its diagnostics come out on every run.
    @Test func aFileWithAProblemIsParsedEveryTime() throws {
        let (directory, content, cache) = try realGuide()
        let file = URL(fileURLWithPath: content).appendingPathComponent("sections/1688-account.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntitle:", with: "\ntitel:").utf8).write(to: file)
        let first = load(content, cache: cache).0.diagnostics.filter { $0.location.file.hasSuffix("1688-account.yaml") }
        #expect(!first.isEmpty)
        let second = load(content, cache: cache).0.diagnostics.filter { $0.location.file.hasSuffix("1688-account.yaml") }
        #expect(second == first)
        #expect(entries(cache).filter { $0.hasPrefix("section-") }.count == 6)
        _ = directory
    }

    /// The command line keeps parsed files in .guidegen-cache/parsed on a repeated run only (a
    /// build into a folder built before, a validation of content validated before), and a build
    /// and a validation after one section file changed give what they give without any cache.
    @Test func aRunAfterAChangeGivesWhatARunWithoutTheCacheGives() throws {
        let (directory, content, _) = try realGuide()
        let templates = Repository.templates.path
        let parsed = directory.url.appendingPathComponent(".guidegen-cache/parsed")
        func kept() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: parsed.path)) ?? []).count }
        let file = URL(fileURLWithPath: content).appendingPathComponent("sections/1688-account.yaml")
        func edit(_ note: String) throws {
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "  - id: ", with: "  # \(note)\n  - id: ", options: [], range: text.range(of: "  - id: ")).utf8).write(to: file)
        }
        let build = ["build", "--content", "Content", "--templates", templates, "--output"]

        #expect(try runGuidegen(build + ["first"], in: directory.url).status == 0)
        #expect(try runGuidegen(["validate", "--content", "Content", "--output", "first"], in: directory.url).status == 0)
        #expect(kept() == 0, "a first build and a first validation keep nothing")
        try edit("a writer's note")
        #expect(try runGuidegen(["validate", "--content", "Content", "--output", "first"], in: directory.url).status == 0)
        #expect(kept() == 8, "a repeated validation keeps the 6 section files and 2 catalogs")
        try FileManager.default.removeItem(at: parsed)
        #expect(try runGuidegen(build + ["first"], in: directory.url).status == 0)
        #expect(kept() == 8, "a repeated build keeps them")

        try edit("another note")
        let warm = try runGuidegen(build + ["warm"], in: directory.url)
        let warmFindings = try runGuidegen(["validate", "--content", "Content", "--output", "warm", "--format", "json"], in: directory.url)
        let noneFindings = try runGuidegen(["validate", "--no-cache", "--content", "Content", "--output", "warm", "--format", "json"], in: directory.url)
        try FileManager.default.removeItem(at: parsed)
        let none = try runGuidegen(build + ["none", "--no-cache"], in: directory.url)
        #expect(warm.status == 0 && none.status == 0)
        #expect(kept() == 0, "--no-cache keeps nothing")
        #expect(snapshot(of: directory.url.appendingPathComponent("warm")) == snapshot(of: directory.url.appendingPathComponent("none")))
        #expect(warmFindings.status == noneFindings.status && warmFindings.stdout == noneFindings.stdout)
    }
}
