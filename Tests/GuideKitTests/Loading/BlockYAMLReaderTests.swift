import Foundation
@testable import GuideKit
import Testing

/// The block-style reader gives libyaml's tree or nothing: a tree from it equals the composer's
/// through libyaml, node by node with tags, styles and marks, and it reads the repository's own
/// content, so a build of it does not go through libyaml at all.
@Suite struct BlockYAMLReaderTests {
    /// What the reader gives for `text`: nil when it leaves the text to libyaml.
    static func read(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { BlockYAMLReader.compose($0, maximumDepth: YAMLFile.maximumDepth) }
    }

    /// Nil when the reader leaves the text to libyaml; otherwise whether the two trees are the
    /// same, with what libyaml gave.
    static func compare(_ text: String) -> (same: Bool, libyaml: String)? {
        BlockYAMLReader.comparedWithLibyaml(text).map { ($0.matches, $0.libyaml) }
    }

    /// The YAML files of the repository (content, templates, fixtures) and the loader's fuzzing seeds.
    static let corpus: [(name: String, text: String)] = {
        var files: [(String, String)] = []
        for folder in ["Content", "Templates", "Tests/Fixtures"] {
            let root = Repository.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "yaml" || url.path.contains("/fuzz/loader/") {
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { continue }
                files.append((String(url.path.dropFirst(Repository.root.path.count + 1)), text))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }()

    @Test func theRealGuideIsReadWithoutLibyaml() throws {
        let files = Self.corpus.filter { $0.name.hasPrefix("Content/") }
        #expect(files.count >= 10)
        for file in files {
            let compared = try #require(Self.compare(file.text), "\(file.name) was left to libyaml")
            #expect(compared.same, "\(file.name)")
        }
    }

    @Test func everyFileOfTheRepositoryGivesLibyamlsTreeOrNothing() {
        var read = 0
        for file in Self.corpus {
            guard let compared = Self.compare(file.text) else { continue }
            read += 1
            #expect(compared.same, "\(file.name): libyaml gives\n\(compared.libyaml)")
        }
        #expect(read >= 20)
    }

    /// Small edits of every file of the repository at places chosen by a fixed seed: characters
    /// that mean something to YAML put in, bytes taken out, lines moved sideways or doubled.
    @Test func editsOfTheRepositorysFilesGiveLibyamlsTreeOrNothing() {
        var generator = RenderingTests.PropertyTests.Generator(state: 1688)
        let pieces = [" ", "  ", "\n", "# c", " #", ":", ": ", "-", "- ", "\"", "'", "''", "\\", "\\n", "\\u00e9", "[", "]", ",", ">",
                      ">-", "|", "|-", "&a ", "*a", "!", "!!str ", "?", "{", "%", "@", "---\n", "...\n", "\t", "\r", "\u{85}", "é", "ş",
                      "\u{FEFF}", "x: y", "\n  ", "\n\n", "~", "yes", "0x1", "<<"]
        var read = 0, tried = 0
        for file in Self.corpus where file.text.utf8.count < 20_000 {
            let original = Array(file.text.utf8)
            for _ in 0..<60 {
                let bytes = Self.edit(original, pieces: pieces, generator: &generator)
                guard let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) else { continue }
                tried += 1
                guard let compared = Self.compare(text) else { continue }
                read += 1
                #expect(compared.same, "an edit of \(file.name):\n\(text)\nlibyaml gives\n\(compared.libyaml)")
            }
        }
        // Both ways are taken often: the edits test the reader, not only its refusals.
        #expect(read > tried / 10 && read < tried * 9 / 10, "\(read) of \(tried) edits read")
    }

    /// `original` with one small edit at a place `generator` picks: one of `pieces` put in, bytes
    /// taken out, the line indented or outdented, or the line doubled.
    static func edit(_ original: [UInt8], pieces: [String], generator: inout RenderingTests.PropertyTests.Generator) -> [UInt8] {
        var bytes = original
        let position = Int(generator.next() % UInt64(bytes.count + 1))
        let start = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        switch generator.next() % 4 {
        case 0:
            bytes.insert(contentsOf: Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8), at: position)
        case 1:
            bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(generator.next() % 3)))
        case 2:
            if generator.next() % 2 == 0 { bytes.insert(contentsOf: [0x20, 0x20], at: start) } else if bytes.count > start, bytes[start] == 0x20 { bytes.remove(at: start) }
        default:
            let end = bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: bytes[start..<end], at: start)
        }
        return bytes
    }

    static let readHere = [
        "a: b\n",
        "a: b   # comment\nc: d#e\n",
        "title: Hesap nasıl açılır?\nlabel: \"2\"\nn: 4\nyes: no\n~: x\n1688-account.title: y\n",
        "steps:\n  - id: visit\n    kind: action\n    text: 'it''s'\n  - id: next\n    text: \"a \\\"b\\\" \\\\ c\\n\\td/\\/\"\n",
        "steps:\n- a\n- b\nnext: c\n",
        "a:\n  - one two\n  -   spaced: x\n      more: y\n  - \"q\"\nb: [alipay-personal-account, 1688 home ,x]\nc: []\n",
        "text: >-\n  Eğer uluslararası bir kullanıcıysanız,\n  lütfen kişisel\n\n  hesap olarak   \n\n\n  başvurun.\n\nnext: x\n",
        "a: |\n  line one\n  # not a comment\n\n  line two\nb: >\n    four\n    spaces\n\n\nc: |-\n  x\n",
        "- ğüşiöç: değer   # comment\n  ş: 现在去认证\n- 'list'\n",
        "# only a comment first\n\n   # an indented one\nroot:\n  # between\n  leaf: 1\n    # deeper comment\n  other: 2\n",
        "days: { from: monday, to: friday }\nempty: {}\nitems:\n  - { code: CNH, name: Offshore Çin Yuanı }\n  - [a,b]\n  - USD\n",
        "key with spaces: v\na:b: c\nurl: https://global.1688.com/x?y=1#top\n",
        // More keys than are compared one by one before they go in a set.
        (1...12).map { "k\($0): v\($0)\n" }.joined(),
    ]

    @Test(arguments: readHere)
    func theseAreReadAndGiveLibyamlsTree(text: String) throws {
        let compared = try #require(Self.compare(text), "left to libyaml")
        #expect(compared.same, "libyaml gives\n\(compared.libyaml)")
    }

    static let leftToLibyaml = [
        "", "# only comments\n", "a: b", "a: b\r\n", "a:\tb\n", "a: b\n\u{85}c: d\n", "\u{FEFF}a: b\n",
        "a:\nb: c\n", "a: b\n  c\n", "a: \"b\n  c\"\n", "a: 'b\n  c'\n", "a: \"\\x41\"\n", "a: \"\\u00e9\"\n",
        "a: {b: {c: d}}\n", "a: {b: c, b: d}\n", "a: {b:c}\n", "- [a, [b]]\n", "a: &x b\nc: *x\n", "a: !!str 4\n", "? a\n: b\n", "\"a\": b\n", "---\na: b\n", "a: b\n...\n",
        "%YAML 1.1\n---\na: b\n", "a: b\na: c\n", "a: b: c\n", "a: b:\n", "a: -1\n", "a: [b, [c]]\n", "a: [b,\n  c]\n",
        "a: [b, ]\n", "a: >+\n  x\n", "a: >2\n  x\n", "a: >\n\n  x\n", "a: >\n  x\n    y\n", "a: |\n  x\n   \n", "- - a\n",
        "-\n  a: b\n", "- >\n  x\n", "a: b\n c: d\n", "a:\n  b: c\n d: e\n", "just text\n", "a : b\n",
        // A key twice among more keys than are compared one by one, and among a few in a list item.
        (1...12).map { "k\($0): v\n" }.joined() + "k3: again\n", "- a: b\n  c: d\n  a: e\n",
    ]

    @Test(arguments: leftToLibyaml)
    func theseAreLeftToLibyaml(text: String) {
        #expect(Self.read(text) == nil)
    }

    /// A byte the line splitter must stop at is found wherever it stands in a line (a faster
    /// splitter reading several bytes at a time must find it in any place of its word), and the
    /// characters beyond ASCII that libyaml reads as text are read here too, with libyaml's tree.
    @Test func aByteThatMattersIsFoundAtEveryPlaceInAWord() throws {
        let refused = ["\t", "\r", "\u{7F}", "\u{01}", "\u{1B}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{9F}"]
        let read = ["é", "ş", "\u{A0}", "中", "\u{2027}", "\u{FFFD}", "😀", "\u{10FFFF}"]
        for offset in 0..<20 {
            for (piece, isRead) in refused.map({ ($0, false) }) + read.map({ ($0, true) }) {
                let text = "key: " + String(repeating: "a", count: offset) + piece + String(repeating: "b", count: 20 - offset) + "\nnext: " + piece + "x\n"
                if isRead {
                    let compared = try #require(Self.compare(text), "left to libyaml: \(text.debugDescription)")
                    #expect(compared.same, "\(text.debugDescription): libyaml gives \(compared.libyaml)")
                } else {
                    #expect(Self.read(text) == nil, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func nestingDeeperThanTheLimitIsLeftToLibyaml() {
        let deep = (0..<(YAMLFile.maximumDepth + 1)).map { String(repeating: " ", count: $0 * 2) + "k\($0):\n" }.joined() + String(repeating: " ", count: 200) + "v: x\n"
        #expect(Self.read(deep) == nil)
        let allowed = (0..<(YAMLFile.maximumDepth - 1)).map { String(repeating: " ", count: $0 * 2) + "k\($0):\n" }.joined()
            + String(repeating: " ", count: (YAMLFile.maximumDepth - 1) * 2) + "v: x\n"
        #expect(Self.compare(allowed)?.same == true)
    }
}
