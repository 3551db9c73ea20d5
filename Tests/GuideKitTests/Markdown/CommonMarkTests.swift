import GuideKit
import Testing

/// Proves the native path: libcmark is found through pkg-config, linked and called.
@Suite struct CommonMarkTests {
    @Test func rendersMarkdownToHTML() {
        #expect(CommonMark.html(fromMarkdown: "Merhaba *dünya*") == "<p>Merhaba <em>dünya</em></p>\n")
    }

    @Test func safeModeDropsRawHTMLAndUnsafeLinks() {
        let html = CommonMark.html(fromMarkdown: "<script>alert(1)</script> [x](javascript:alert(1))")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
    }

    @Test func parsesInlineReferences() {
        let document = CommonMark.parseInline("‘[现在去认证](ui:zh-Hans)’e tıklayın, [bkz.](section:first#visit) ve [site](link:home)")
        #expect(document.unexpectedBlock == nil)
        let references = document.inlines.references.map(\.reference)
        #expect(references == [.uiLabel(language: "zh-Hans"), .section(id: "first", step: "visit"), .registry(key: "home")])
        #expect(document.inlines.map(\.plainText).joined() == "‘现在去认证’e tıklayın, bkz. ve site")
    }

    @Test func reportsBlockStructureInInlineText() {
        #expect(CommonMark.parseInline("# Başlık").unexpectedBlock == "heading")
        #expect(CommonMark.parseInline("1. Adım").unexpectedBlock == "list")
    }

    /// The prose as a string is the prose's scalars, a left-out run (a UI label, code) standing as
    /// one placeholder, and never two placeholders in a row, even after one written in the text.
    @Test(arguments: ["Önce [Convert](ui:en) ve `kod` tıklayın", "[a](ui:en)[b](ui:en) sonra", "yazılmış \u{FFFC}[a](ui:en) yer tutucu", "[0.8](percent:) oran", "",
                      "Yalnız düz metin", "[Convert](ui:en)", "`kod`"])
    func visibleStringIsTheVisibleScalars(raw: String) {
        let visible = VisibleText(CommonMark.parseInline(raw).inlines, raw: raw)
        let filters: [(VisibleText.Kind) -> Bool] = [{ $0.isProse }, { $0.isPlain }]
        for include in filters {
            let scalars = visible.scalars(including: include)
            #expect(visible.string(including: include) == String(String.UnicodeScalarView(scalars)))
            #expect(visible.withString(including: include) { $0 } == visible.string(including: include))
            // A byte is found in the runs included and not in the others.
            for byte in Set(raw.utf8) {
                #expect(visible.containsByte(in: byte...byte, including: include) == visible.runs.contains { include($0.kind) && $0.text.utf8.contains(byte) },
                        "\(raw) \(byte)")
            }
        }
    }

    /// A rule keeps one `Scan` for every text it reads: each scan gives exactly what a fresh one
    /// does, with nothing left over from a longer text before it, and each scalar's offset
    /// points at that scalar in the raw text.
    @Test func aReusedScanHoldsOnlyTheLastText() {
        let texts = ["Önce [Convert](ui:en) ve `kod` tıklayın, sonra **devam** edin", "kısa", "", "[Convert](ui:en)", "`a` [b](link:x) c", "Yalnız düz metin"]
        var scan = VisibleText.Scan()
        for raw in texts {
            let visible = VisibleText(CommonMark.parseInline(raw).inlines, raw: raw)
            let rawScalars = Array(raw.unicodeScalars)
            for include in [{ (kind: VisibleText.Kind) in kind.isProse }, { (kind: VisibleText.Kind) in kind.isPlain }] {
                visible.scan(including: include, into: &scan)
                var fresh = VisibleText.Scan()
                visible.scan(including: include, into: &fresh)
                #expect(scan.scalars == fresh.scalars, "\(raw)")
                #expect(scan.scalars.indices.map(scan.offset(at:)) == fresh.scalars.indices.map(fresh.offset(at:)), "\(raw)")
                for (index, scalar) in scan.scalars.enumerated() {
                    let offset = scan.offset(at: index)
                    if scalar == VisibleText.placeholder {
                        // A placeholder stands where the run it replaces starts.
                        #expect(visible.runs.contains { $0.offset == offset }, "\(raw) at \(offset)")
                    } else {
                        #expect(rawScalars[offset] == scalar, "\(raw) at \(offset)")
                    }
                }
            }
        }
    }
}
