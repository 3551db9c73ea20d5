import Foundation
@testable import GuideKit
import Testing

/// One small fixture per loader error, each asserting the message and the exact line and column
/// (marked with 1️⃣ in the fixture text).
@Suite("Loader errors")
struct LoaderErrorTests {
    @Test func minimalGuideLoadsCleanly() throws {
        let (result, _) = try load(tree: MinimalGuide.tree())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.guide?.sections.count == 1)
    }

    @Test func unknownFieldSuggestsTheClosestName() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            1️⃣stpes:
              - id: visit
                kind: action
                text: Ziyaret edin
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "unknown-field", file: "sections/first.yaml", at: marked[1], messageContains: "did you mean ‘steps’?")
        #expect(result.diagnostics.first { $0.id == "unknown-field" }?.fix == FixIt(length: 5, replacement: "steps"))
        // The misspelt field also leaves the section without its required steps.
        #expect(result.diagnostics.contains { $0.id == "missing-field" && $0.message.contains("‘steps’") })
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        // `ş`, `ı` and `ğ` take two bytes each in UTF-8 but count as one column.
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - {id: visit, kind: action, text: Şığ, 1️⃣textt: x}
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "unknown-field", file: "sections/first.yaml", at: marked[1], messageContains: "did you mean ‘text’?")
        #expect(marked[1].column == 42)
    }

    @Test func numberWhereTextBelongsIsAWrongType() throws {
        let marked = MarkedText("""
            id: first
            label: 1️⃣4
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: Ziyaret edin
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "wrong-type", file: "sections/first.yaml", at: marked[1], messageContains: "put it in quotes")
    }

    @Test func listWhereMappingBelongsIsAWrongType() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - 1️⃣- visit
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "wrong-type", file: "sections/first.yaml", at: marked[1], messageContains: "expected a mapping (step) but found a list")
    }

    @Test func missingRequiredField() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - 1️⃣id: visit
                text: Ziyaret edin
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "missing-field", file: "sections/first.yaml", at: marked[1], messageContains: "step has no ‘kind’: add it")
    }

    @Test func duplicateMappingKey() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            1️⃣title: İkinci başlık
            steps:
              - id: visit
                kind: action
                text: Ziyaret edin
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "duplicate-key", file: "sections/first.yaml", at: marked[1], messageContains: "‘title’ appears twice")
    }

    @Test func duplicateStepID() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: Ziyaret edin
              - id: 1️⃣visit
                kind: action
                text: Giriş yapın
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "duplicate-id", file: "sections/first.yaml", at: marked[1], messageContains: "already used at line 5")
    }

    /// Among the first few steps or after them (the ids kept past the first eight are looked up
    /// another way), a step id used again is reported where it is, with the line of its first use.
    @Test(arguments: [(3, 1), (12, 2), (12, 10), (20, 15)])
    func duplicateStepIDInALongSection(steps: Int, repeated: Int) throws {
        var text = "id: first\nlabel: \"1\"\ntitle: Hesap nasıl açılır?\nsteps:\n"
        for number in 1...steps { text += "  - id: step-\(number)\n    kind: action\n    text: Adım \(number)\n" }
        text += "  - id: 1️⃣step-\(repeated)\n    kind: action\n    text: Yine\n"
        let marked = MarkedText(text)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        // Step n's id is on line 5 + 3 × (n - 1).
        expectDiagnostic(result, id: "duplicate-id", file: "sections/first.yaml", at: marked[1],
                         messageContains: "‘step-\(repeated)’ is already used at line \(5 + 3 * (repeated - 1))")
    }

    @Test func unknownLinkKeyInTextPointsAtTheKey() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: "Önce [sitesini](1️⃣link:hme) ziyaret edin"
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "unknown-link", file: "sections/first.yaml", at: marked[1], messageContains: "did you mean ‘home’?")
    }

    /// Texts without `]` or `<` are not parsed for links; one with only an autolink is.
    @Test func unknownLinkKeyInAnAutolinkIsReported() throws {
        let section = MinimalGuide.section.replacingOccurrences(of: "[1688.com](link:home)’u", with: "Önce <link:hme>")
        #expect(section.contains("<link:hme>"))
        let (result, _) = try load(tree: MinimalGuide.tree(section: section))
        #expect(result.diagnostics.contains { $0.id == "unknown-link" && $0.message.contains("‘hme’") })
        #expect(!ReferenceCheck.mayHoldLinks("Önce şu adresi ziyaret edin (link:hme)") && ReferenceCheck.mayHoldLinks("a <b"))
    }

    /// Where a link's destination is, in scalars: found in the bytes, after Turkish letters too.
    @Test func aDestinationIsFoundInScalars() {
        #expect(ReferenceCheck.offset(of: "(link:x)", in: "ş ğ [a](link:x)") == 7)
        #expect(ReferenceCheck.offset(of: "(link:x)", in: "[a](link:y) [b](link:x)") == 15)
        #expect(ReferenceCheck.offset(of: "(link:x)", in: "(link:") == nil)
        #expect(ReferenceCheck.offset(of: "(link:x)", in: "") == nil)
    }

    @Test func unknownLinkKeyInFoldedTextOnItsSecondLine() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: >-
                  Uluslararası satın alımlara özel ürünleri incelemek için
                  [bu adresi](1️⃣link:global) ziyaret edin.
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "unknown-link", file: "sections/first.yaml", at: marked[1], messageContains: "no link ‘global’")
    }

    @Test func unknownLinkKeyInStepLinks() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: Ziyaret edin
                links: [1️⃣portal]
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "unknown-link", file: "sections/first.yaml", at: marked[1], messageContains: "add it to links.yaml")
    }

    @Test func referenceToAnUnknownSection() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            requires: [1️⃣frist]
            steps:
              - id: visit
                kind: action
                text: "Bkz. [2. bölüm](2️⃣section:second)"
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        let unknown = result.diagnostics.filter { $0.id == "unknown-section" }
        #expect(unknown.map { [$0.location.line, $0.location.column] } == [[marked[1].line, marked[1].column], [marked[2].line, marked[2].column]])
        #expect(unknown.first?.message == "no section ‘frist’: did you mean ‘first’?")
    }

    /// The texts are checked a section at a time on several threads: the findings are those of
    /// one thread, in the same order (the guide's), whatever thread finishes first.
    @Test func referenceFindingsAreTheSameOnOneThreadAndOnMany() throws {
        func section(_ id: String, _ label: String, link: String, target: String) -> String {
            """
            id: \(id)
            label: "\(label)"
            title: "Bölüm [\(label)](link:\(link))"
            steps:
              - id: visit
                kind: action
                text: "Bkz. [bölüm](section:\(target)) ve [site](link:\(link))"
            """
        }
        let guide = MinimalGuide.guide.replacingOccurrences(of: "sections: [first]", with: "sections: [first, second, third]")
        let extra = "-- sections/second.yaml --\n\(section("second", "2", link: "hmoe", target: "first#vist"))\n"
            + "-- sections/third.yaml --\n\(section("third", "3", link: "hoem", target: "secnod"))\n"
        let (result, _) = try load(tree: MinimalGuide.tree(section: section("first", "1", link: "hme", target: "thrid"), guide: guide, extra: extra))
        let loaded = try #require(result.guide)
        let one = ReferenceCheck(guide: loaded, threads: 1).run(), many = ReferenceCheck(guide: loaded, threads: 4).run()
        #expect(one.count == 9, "\(one)")
        #expect(one == many)
        let sections = one.map { finding in ["first", "second", "third"].firstIndex { finding.location.file.hasSuffix("\($0).yaml") } ?? -1 }
        #expect(sections == [0, 0, 0, 1, 1, 1, 2, 2, 2])
    }

    @Test func guideListsASectionWithoutAFile() throws {
        let guide = MinimalGuide.guide.replacingOccurrences(of: "sections: [first]", with: "sections: [first, second]")
        let (result, _) = try load(tree: MinimalGuide.tree(guide: guide))
        expectDiagnostic(result, id: "unknown-section", file: "guide.yaml", at: (3, 19), messageContains: "no file")
    }

    @Test func invalidUTF8() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree())
        var bytes = Data("id: first\nlabel: \"1\"\ntitle: Hesap a".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])  // a lead byte followed by a non-continuation byte
        bytes.append(contentsOf: Data("\nsteps: []\n".utf8))
        try directory.write("sections/first.yaml", bytes)
        let result = ContentLoader(directory: directory.path).load()
        expectDiagnostic(result, id: "invalid-utf8", file: "sections/first.yaml", at: (3, 15), messageContains: "save it as UTF-8")
    }

    @Test func emptyText() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: Hesap nasıl açılır?
            steps:
              - id: visit
                kind: action
                text: 1️⃣"  "
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "empty-text", file: "sections/first.yaml", at: marked[1], messageContains: "‘text’ is empty")
    }

    @Test func fileThatIsNotYAML() throws {
        let marked = MarkedText("""
            id: first
            label: "1"
            title: [Hesap nasıl açılır?
            steps1️⃣: []
            """)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
        expectDiagnostic(result, id: "yaml-syntax", file: "sections/first.yaml", at: marked[1], messageContains: "not valid YAML")
    }

    @Test func problemsInSeveralFilesAreAllReportedInOnePass() throws {
        let links = "links:\n  home:\n    url: https://1688.com\n    servce: \"1688\"\n"
        let section = MinimalGuide.section.replacingOccurrences(of: "kind: action", with: "kind: clik")
        let (result, _) = try load(tree: MinimalGuide.tree(section: section, links: links))
        let ids = Set(result.diagnostics.map { "\($0.id)@\(($0.location.file as NSString).lastPathComponent)" })
        #expect(ids.isSuperset(of: ["unknown-field@links.yaml", "missing-field@links.yaml", "invalid-value@first.yaml"]), "\(result.diagnostics)")
        #expect(result.diagnostics.first { $0.id == "invalid-value" }?.message == "‘clik’ is not a valid step kind: did you mean ‘click’?" ||
                result.diagnostics.first { $0.id == "invalid-value" }?.message.contains("use one of") == true)
    }

    @Test func aliasBombIsRejectedQuickly() throws {
        // "Billion laughs": each level refers to the previous one nine times.
        var lines = ["id: first", "label: \"1\"", "title: Hesap", "a0: &a0 [\"lol\"]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("steps: *a9")
        let started = ContinuousClock.now
        let (result, _) = try load(tree: MinimalGuide.tree(section: lines.joined(separator: "\n")))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.diagnostics.contains { $0.id == "yaml-alias" }, "\(result.diagnostics)")
        // Nothing was expanded: a handful of findings, not 9⁹ copies.
        #expect(result.diagnostics.count < 40, "\(result.diagnostics.count) diagnostics")
    }

    /// 10,000 levels, each way YAML nests: flow brackets (which libyaml's scanner stops at its
    /// own limit), flow items (which reach the parser), block mappings by indentation, and
    /// compact block lists (`- - - x`) on one line. Each is one located error, never a crash of
    /// the recursive composer.
    @Test(arguments: [
        ("flow brackets", "steps: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 2),
        ("flow items", "steps: " + String(repeating: "[a, ", count: 10_000) + String(repeating: "]", count: 10_000), 2),
        // 1,000 levels of indentation are half a megabyte; 10,000 would be refused for their size.
        ("block mappings", "steps:\n" + (0..<1_000).map { String(repeating: " ", count: $0 + 1) + "k:" }.joined(separator: "\n"), 66),
        ("compact lists", "steps:\n" + String(repeating: "- ", count: 10_000) + "x", 3),
    ])
    func deepNestingFailsWithAnErrorNotACrash(kind: String, nesting: String, line: Int) throws {
        let started = ContinuousClock.now
        let (result, _) = try load(tree: MinimalGuide.tree(section: "id: first\n" + nesting + "\n"))
        let diagnostic = try #require(result.diagnostics.first { $0.id == "too-deep" }, "\(kind): \(result.diagnostics)")
        #expect(diagnostic.location.file.hasSuffix("sections/first.yaml"))
        #expect(diagnostic.location.line == line, "\(kind): \(diagnostic)")
        #expect(diagnostic.message.contains("deeper than 64"))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree())
        let crlf = MinimalGuide.section.replacingOccurrences(of: "\n", with: "\r\n")
        try directory.write("sections/first.yaml", Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8))
        let result = ContentLoader(directory: directory.path).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.guide?.sections.first?.title.value == "Hesap nasıl açılır?")
    }

    @Test func sectionIDMustMatchItsFileName() throws {
        let section = MinimalGuide.section.replacingOccurrences(of: "id: first", with: "id: frist")
        let (result, _) = try load(tree: MinimalGuide.tree(section: section))
        expectDiagnostic(result, id: "id-mismatch", file: "sections/first.yaml", at: (1, 1), messageContains: "differs from its file name")
    }
}

@Suite("Loader errors in nested lists")
struct NestedListErrorTests {
    @Test(arguments: [
        ("substeps:\n      - 1️⃣id: one", "substep has no ‘text’"),
        ("fields:\n      - 1️⃣id: name", "field has no ‘label’"),
        ("notes:\n      - 1️⃣{id: hint, text: Dikkat}", "note has no ‘kind’"),
        ("questions:\n      - 1️⃣{id: why, question: Neden?}", "question has no ‘answer’"),
        ("lists:\n      - 1️⃣{id: currencies, kind: currencies}", "list has no ‘items’"),
    ])
    func entryWithoutARequiredFieldIsReportedNotDropped(snippet: String, message: String) throws {
        let marked = MarkedText(MinimalGuide.section + "\n    " + snippet)
        let (result, _) = try load(tree: MinimalGuide.tree(section: marked.text))
        expectDiagnostic(result, id: "missing-field", file: "sections/first.yaml", at: marked[1], messageContains: message)
    }
}
