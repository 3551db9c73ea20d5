import Foundation
@testable import GuideKit
import Testing

/// guidegen's XML reader (used for XLIFF): the tree it builds, and every malformed document
/// refused with the place of its first error.
@Suite struct XMLTreeTests {
    private func tree(_ text: String) throws -> XMLTree.Element {
        try XMLTree.parse(Data(text.utf8)).get().root
    }

    private func parseError(_ text: String) -> XMLTree.ParseError? {
        if case .failure(let error) = XMLTree.parse(Data(text.utf8)) { return error }
        return nil
    }

    @Test func elementsAttributesAndNamespaces() throws {
        let root = try tree("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported -->
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:g="urn:guidegen" version='1.2'>
              <file target-language="en"><g:note xml:lang="tr">şu</g:note><unit id="a"/></file>
            </xliff>
            """)
        #expect(root.name == "xliff" && root.namespace == "urn:oasis:names:tc:xliff:document:1.2")
        #expect(root.attributes == ["version": "1.2"])
        #expect(root.line == 3 && root.column == 1)
        let file = try #require(root.elements("file").first)
        #expect(file.attribute("target-language") == "en")
        #expect(file.line == 4 && file.column == 3)
        let note = try #require(file.elements().first)
        #expect(note.name == "note" && note.namespace == "urn:guidegen")
        #expect(note.attribute("xml:lang") == "tr" && note.text == "şu")
        // Columns count Unicode scalars: ‘ş’ and ‘u’ and ‘</g:note>’ come before <unit>.
        let unit = try #require(file.elements("unit").first)
        #expect(unit.line == 4 && unit.column == 63 && unit.children.isEmpty && unit.namespace == "urn:oasis:names:tc:xliff:document:1.2")
    }

    @Test func textKeepsItsSpacesAndReadsReferencesCDATAAndLineBreaks() throws {
        let root = try tree("<t>\r\n a &lt;b&gt; &amp; &apos;&quot; &#231;&#x11F;&#x0000000000041;<!-- c -->d<![CDATA[<e> & f]]>\r</t>")
        #expect(root.children == [.text("\n a <b> & '\" çğAd<e> & f\n")])
        let spaced = try tree("<t>  <b/> </t>")
        #expect(spaced.children == [.text("  "), .element(XMLTree.Element(name: "b", namespace: nil, attributes: [:], children: [], line: 1, column: 6)), .text(" ")])
    }

    @Test func attributeValuesReadReferencesAndTheirLineBreaksAsSpaces() throws {
        let root = try tree("<t a=\"x\r\ny\tz&#10;&quot;\" b='\"'/>")
        #expect(root.attributes == ["a": "x y z\n\"", "b": "\""])
    }

    @Test func utf16WithAByteOrderMarkReadsAsUTF8() throws {
        let text = "<t a=\"ç\">ğ</t>"
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let root = try XMLTree.parse(data).get().root
        #expect(root.attribute("a") == "ç" && root.text == "ğ")
        #expect(try XMLTree.parse(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))).get().root == root)
    }

    @Test(arguments: [
        ("", 1, 1, "empty"),
        ("<a>\n  <b>\n</a>", 3, 1, "does not match <b>"),
        ("<a>\n  <b>text", 2, 3, "<b> is not closed"),
        ("<a", 1, 1, "not closed with ‘>’"),
        ("<a>x &nbsp; y</a>", 1, 6, "known entity"),
        ("<a>x & y</a>", 1, 6, "known entity"),
        ("<a b=\"<\"/>", 1, 7, "contains ‘<’"),
        ("<a b=\"1\" b=\"2\"/>", 1, 10, "twice"),
        ("<a b=1/>", 1, 6, "not in quotes"),
        ("<a b/>", 1, 5, "name=\"value\""),
        ("<a b=\"1\"c=\"2\"/>", 1, 9, "separated by spaces"),
        ("<!DOCTYPE a [<!ENTITY x \"xx\">]>\n<a>&x;</a>", 1, 1, "DTD"),
        ("<p:a/>", 1, 2, "‘p’ is not declared"),
        ("<a p:b=\"1\"/>", 1, 4, "‘p’ is not declared"),
        ("<a/><b/>", 1, 5, "one root element"),
        ("text<a/>", 1, 1, "before the root element"),
        ("<a>\u{1}</a>", 1, 4, "does not allow"),
        ("<a b=\"ş\u{FFFE}\"/>", 1, 8, "does not allow"),
        ("<a>&#0;</a>", 1, 4, "not a character"),
        ("<a>]]></a>", 1, 4, "‘]]>’"),
        ("<a><!-- x -- y --></a>", 1, 11, "‘--’"),
        ("<a><![CDATA[x</a>", 1, 4, "CDATA"),
        ("<a>< b/></a>", 1, 5, "no name"),
        ("<a><!ELEMENT b ANY></a>", 1, 4, "declaration"),
        ("<a/><?xml version=\"1.0\"?>", 1, 5, "must come first"),
        ("<p:/>", 1, 2, "‘p:’ is not a name"),
        ("<a xmlns:p=\"urn:p\"><p:2/></a>", 1, 21, "‘p:2’ is not a name"),
        ("<a:b:c/>", 1, 2, "‘a:b:c’ is not a name"),
        ("<a :b=\"1\"/>", 1, 4, "‘:b’ is not a name"),
        ("<a xmlns:p=\"\"/>", 1, 4, "no namespace"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", 1, 1, "ISO-8859-1"),
        ("<a>ş\n  ğ </b></a>", 2, 5, "does not match"),
    ])
    func malformedDocumentsAreRefusedWhereTheyBreak(_ text: String, _ line: Int, _ column: Int, _ words: String) throws {
        let found = try #require(parseError(text), "\(text)")
        #expect(found.line == line && found.column == column, "\(text): \(found)")
        #expect(found.message.contains(words), "\(text): \(found.message)")
    }

    @Test func invalidUTF8IsRefusedWhereItIs() throws {
        let result = XMLTree.parse(Data(Array("<a>\nşx".utf8) + [0xFF] + Array("</a>".utf8)))
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.line == 2 && error.column == 3 && error.message.contains("UTF-8"))
    }

    /// Deep nesting is refused, never a crash (the reader keeps open elements on a list).
    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(parseError(deep)?.message.contains("nested more than 256") == true)
        let fine = String(repeating: "<a>", count: 200) + "x" + String(repeating: "</a>", count: 200)
        #expect(try tree(fine).text == "x")
    }

    /// What `guidegen l10n export` writes reads back whole.
    @Test func theExportedXLIFFReadsBack() async throws {
        let directory = try TemporaryDirectory()
        let output = directory.url.appendingPathComponent("en.xlf")
        let result = try runGuidegen(["l10n", "export", "--content", Repository.content.path, "--locale", "en", "--format", "xliff", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: output)
        let root = try XMLTree.parse(data).get().root
        let units = root.elements("file").flatMap { $0.elements("body") }.flatMap { $0.elements("group") }.flatMap { $0.elements("trans-unit") }
        #expect(units.count == String(decoding: data, as: UTF8.self).components(separatedBy: "<trans-unit ").count - 1)
        #expect(units.allSatisfy { $0.attribute("id")?.isEmpty == false && $0.elements("source").count == 1 })
    }
}
