import Foundation
@testable import GuideKit
import Testing
import Yams

/// The one-pass composer gives the tree, the marks and the failures Yams' composer gave.
@Suite struct YAMLComposerTests {
    private func compose(_ text: String) -> YAMLComposer.Result {
        YAMLComposer.compose(text, maximumDepth: YAMLFile.maximumDepth)
    }

    private func root(_ text: String) throws -> YAMLNode {
        let result = compose(text)
        #expect(result.problems.isEmpty && result.failure == nil, "\(result.problems) \(String(describing: result.failure))")
        return try #require(result.root)
    }

    private func diagnostics(_ text: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        _ = YAMLFile.parse(Data(text.utf8), displayPath: "a.yaml", diagnostics: &diagnostics)
        return diagnostics
    }

    /// Every node as `line:column kind text`, depth first.
    private func outline(_ node: YAMLNode) -> [String] {
        let place = "\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar): return ["\(place) scalar \(scalar.string)"]
        case .sequence(let sequence): return ["\(place) list"] + sequence.flatMap(outline)
        case .mapping(let mapping): return ["\(place) mapping"] + mapping.flatMap { outline($0.key) + outline($0.value) }
        }
    }

    private func outline(_ node: Yams.Node) -> [String] {
        let place = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let scalar): return ["\(place) scalar \(scalar.string)"]
        case .sequence(let sequence): return ["\(place) list"] + sequence.flatMap(outline)
        case .mapping(let mapping): return ["\(place) mapping"] + mapping.flatMap { outline($0.key) + outline($0.value) }
        case .alias: return ["\(place) alias"]
        }
    }

    static let documents = [
        "title: Hesap nasıl açılır?\nsteps:\n  - id: visit\n    text: \"Ziyaret edin\"\n  - {id: şığ, text: 'İade', n: [1, 2.5, ~]}\n",
        "a:\n  b: |\n    line one\n    line two\n  c: >-\n    folded\n    text\n? [x, y]\n: z\n",
        "- ğüşiöç: değer   # comment\n-   - nested\n    - 'list'\n- !!str 4\n- \"\\u00e9\"\n",
        "---\nkey: value\n...\n",
        "{a: 1, b: {c: [d, {e: f}]}}",
    ]

    @Test(arguments: documents)
    func marksAndTextsAreThoseOfYams(document: String) throws {
        let yams = try #require(try Yams.compose(yaml: document))
        #expect(outline(try root(document)) == outline(yams))
    }

    @Test func keysAndValuesCarryTheirMarksInBlockAndFlowStyle() throws {
        guard case .mapping(let top) = try root("title: x\nlist: {a: 1,  b: [c]}\n") else { Issue.record("not a mapping"); return }
        #expect(top.pairs.map { [$0.key.mark.line, $0.key.mark.column, $0.value.mark.line, $0.value.mark.column] } == [[1, 1, 1, 8], [2, 1, 2, 7]])
        guard case .mapping(let flow) = top.pairs[1].value else { Issue.record("not a mapping"); return }
        #expect(flow.pairs.map { [$0.key.mark.column, $0.value.mark.column] } == [[8, 11], [15, 18]])
    }

    @Test func columnsCountUnicodeScalarsAsLibyamlDoes() throws {
        guard case .mapping(let top) = try root("başlık: şğü değer\n") else { Issue.record("not a mapping"); return }
        #expect(top.pairs[0].value.mark == YAMLNode.Mark(line: 1, column: 9))
    }

    @Test func quotedNumbersAndStrTagsAreText() throws {
        guard case .sequence(let list) = try root("- 4\n- \"4\"\n- '4'\n- !!str 4\n- yes\n- |\n  4\n- ! 4\n") else { Issue.record("not a list"); return }
        #expect(list.map { $0.scalar?.isString } == [false, true, true, true, false, true, false])
        #expect(list.map { $0.scalar?.style } == [.plain, .doubleQuoted, .singleQuoted, .plain, .plain, .literal, .plain])
        #expect(list.map { $0.scalar?.tag } == [.implicit, .str, .str, .str, .implicit, .str, .nonSpecific])
    }

    @Test func keysAreResolvedAsYamsResolvedThem() throws {
        guard case .mapping(let top) = try root("4: a\n\"4\": b\nyes: c\n2001-12-14: d\n<<: e\ntitle: f\n! 5: g\n") else { Issue.record("not a mapping"); return }
        #expect(top.pairs.map { $0.key.scalar?.tag } == [.int, .str, .bool, .timestamp, .merge, .str, .str])
        #expect(top.pairs.map { $0.key.scalar?.isString } == [false, true, false, false, false, true, true])
    }

    /// The key tags told without a regular expression are those of Yams' default resolver, and
    /// the kinds of a plain value those of Yams' constructors.
    @Test func keyTagsAndValueKindsAreThoseOfYams() {
        // The last line starts like a number: each is str as soon as one character is no number's.
        let more = ["! x", "Yes", "nO", "0.", "+.5", "-", "~~", "İ", "\u{85}no",
                    "1688-account.title", "1.2.3", "12abc", "0x1G", "0o8", "2024-01-01 x", "2001-1-1", "1688-1", "1 2", "1\t2", "2001-12-14T21:59:43Z", "-.iNf", "12:3x", "<<<", "==", "~a", "1ı",
                    "0x1p3", "1.5e-3", "1_000.5", "12:30:45", "0b102", "1e5x", "9 lives", "1688.com",
                    // A space in texts that start like numbers: never a number.
                    "+65 6805 4380", "+1 ", "- 1", "-1 000", "+ .5", ". 5", ".inf ", "-.inf x", "0x 1", "12: 30", "1_ 000", "1e 5",
                    // Longer than any bool or null word, a letter first: the byte check.
                    "FALSEx", "nullable", "Offset", "YeS", "oN", "tRUE", "Null", "NULL", "no_", "offs", "id", "text", "notes", "tamedu-0001.steps.step-1.text", "yes\nno", "yes\u{2028}no", "falsey\r", "null\u{85}no", "Ünlem", "nullable\u{0B}", "truest\u{0C}x", "offside\nx", "yes\u{0B}", "no\u{0C}"]
        for string in RenderingTests.PerformancePathTests.scalars + more {
            let scalar = YAMLNode.Scalar(string)
            let yams = Yams.Node.scalar(Yams.Node.Scalar(string, .implicit, .plain))
            #expect(scalar.keyTag.rawValue == Resolver.default.resolveTag(of: yams).rawValue, "\(string.debugDescription)")
            let yamsIsText = yams.int == nil && yams.float == nil && yams.bool == nil && yams.null == nil && yams.timestamp == nil
            #expect(scalar.isString == yamsIsText, "\(string.debugDescription)")
            #expect(scalar.isNull == (yams.null != nil) && scalar.bool == yams.bool, "\(string.debugDescription)")
            #expect(scalar.isNumber == (yams.int != nil || yams.float != nil), "\(string.debugDescription)")
        }
    }

    /// Texts of digits and the letters a–f (fingerprints written plain) are told without Yams'
    /// constructors: every such text of up to three characters, and longer ones at each turn of
    /// the constructors' steps (base 2, base 8, exponents, overflow), is a number exactly when
    /// Yams reads one.
    @Test func hexDigitTextsAreNumbersExactlyWhenYamsReadsOne() {
        let alphabet = Array("0123456789abcdef")
        var strings = alphabet.map { String($0) }
        for _ in 0..<2 { strings += strings.filter { $0.count == strings.last!.count }.flatMap { prefix in alphabet.map { prefix + String($0) } } }
        strings += ["0b", "0b1", "0b0101", "0b2", "0b1e1", "0" + String(repeating: "7", count: 21), "0" + String(repeating: "7", count: 22), "08", "0e1", "1e", "1e5",
                    "1e999", "12e3b", "0b" + String(repeating: "1", count: 63), "0b" + String(repeating: "1", count: 64), String(repeating: "9", count: 19),
                    String(repeating: "9", count: 400), "81093882d3b79306", "9fe8bd8c5c044bf2", "1234567890123456", "8e12345678901234", "0x1", "1f"]
        var numbers = 0
        for string in strings {
            let yams = Yams.Node.scalar(Yams.Node.Scalar(string, .implicit, .plain))
            let expected = yams.int != nil || yams.float != nil
            #expect(YAMLNode.Scalar(string).isNumber == expected, "\(string.debugDescription)")
            if expected { numbers += 1 }
        }
        // Both answers occur, so the comparison is not one-sided.
        #expect(numbers > 100 && numbers < strings.count - 1000)
    }

    @Test func aDuplicateKeyIsReportedAtItsSecondOccurrence() {
        let block = diagnostics("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
        #expect(block.map(\.id) == ["duplicate-key"])
        #expect(block.first.map { [$0.location.line, $0.location.column] } == [5, 3])
        #expect(block.first?.message == "the key ‘c’ appears twice in one mapping: keep one")
        let flow = diagnostics("x: {a: 1, \"a\": 2, b: 3, b: 4}\n")
        #expect(flow.first.map { [$0.location.line, $0.location.column] } == [1, 11])
        #expect(flow.first?.message == "the keys ‘a’, ‘b’ each appear twice in one mapping: keep one of each")
        // `4` is a number and `"4"` text: two keys, as for Yams.
        #expect(diagnostics("4: a\n\"4\": b\n").isEmpty)
    }

    /// Keys are compared one by one in small mappings and through a set in large ones: a
    /// repeated key is found either way, wherever it falls.
    @Test(arguments: [2, 7, 8, 9, 20])
    func aRepeatedKeyIsFoundInMappingsOfAnySize(keys: Int) {
        let earlier = (1...keys).map { "k\($0): v\n" }.joined()
        for (repeated, line) in [("k1", keys + 1), ("k\(keys)", keys + 1)] {
            let found = diagnostics(earlier + "\(repeated): again\n")
            #expect(found.map(\.id) == ["duplicate-key"], "\(keys) keys, \(repeated) again")
            #expect(found.first.map { [$0.location.line, $0.location.column] } == [line, 1])
        }
        // Distinct keys, the number 1 and the text "1" among them, are not repeats.
        #expect(diagnostics(earlier + "1: a\n\"1\": b\n").isEmpty)
        #expect(diagnostics(earlier + "\"1\": a\n1: b\n").isEmpty)
        #expect(diagnostics(earlier + "1: a\n1: b\n").map(\.id) == ["duplicate-key"])
    }

    @Test func aliasesAreRefusedWhereTheyAre() {
        let found = diagnostics("a: &x 1\nb: *x\n")
        #expect(found.map(\.id) == ["yaml-alias"])
        #expect(found.first.map { [$0.location.line, $0.location.column] } == [2, 4])
    }

    @Test func emptyAndCommentOnlyFilesHaveNoRoot() {
        for text in ["", "# only a comment\n", "\n\n"] {
            let result = compose(text)
            #expect(result.root == nil && result.problems.isEmpty && result.failure == nil, "\(text.debugDescription)")
        }
    }

    @Test func aSecondDocumentIsASyntaxError() {
        let found = diagnostics("a: 1\n---\nb: 2\n")
        #expect(found.map(\.message) == ["not valid YAML: but found another document: fix the syntax here"])
        #expect(found.first.map { [$0.location.line, $0.location.column] } == [2, 1])
    }

    @Test func aSyntaxErrorKeepsLibyamlsProblemAndMark() {
        let found = diagnostics("a: [1, 2\nb: 3\n")
        #expect(found.map(\.id) == ["yaml-syntax"])
        #expect(found.first?.message.hasPrefix("not valid YAML: did not find expected ',' or ']'") == true)
    }

    /// libyaml gives the byte offset of a character it refuses; the column counts Unicode scalars.
    @Test func aRefusedCharacterAfterTurkishLettersIsLocatedByScalars() {
        let found = diagnostics("a: b\nc: \"şşş\u{1B}\"\n")
        #expect(found.map(\.id) == ["invalid-character"])
        #expect(found.first.map { [$0.location.line, $0.location.column] } == [2, 8])
    }

    /// The NUL is found among the bytes, and its column still counts scalars.
    @Test func aNULAfterTurkishLettersIsLocatedByScalars() {
        let found = diagnostics("a: b\nc: şğı\0d\n")
        #expect(found.map(\.id) == ["invalid-character"])
        #expect(found.first.map { [$0.location.line, $0.location.column] } == [2, 7])
    }
}
