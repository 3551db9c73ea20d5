import Foundation
import GuideKit
import Testing

/// Cutting Markdown into translatable text and protected tags, and joining it back exactly.
@Suite struct InlineSegmentsTests {
    @Test func linksUILabelsNumbersAndPlaceholders() {
        let text = "‘[现在去认证](ui:zh-Hans)’e tıklayın, [1688.com](link:1688-home) için [0.8](percent:) ve {list}"
        let segments = InlineSegments(markdown: text).segments
        #expect(segments == [
            .text("‘"), .open(id: 1, code: "[", kind: .uiLabel), .protected(id: 1, text: "现在去认证"), .close(id: 1, code: "](ui:zh-Hans)"),
            .text("’e tıklayın, "), .open(id: 2, code: "[", kind: .link), .text("1688.com"), .close(id: 2, code: "](link:1688-home)"),
            .text(" için "), .single(id: 3, code: "[0.8](percent:)", kind: .number), .text(" ve "), .single(id: 4, code: "{list}", kind: .placeholder),
        ])
    }

    @Test func aGlossIsTranslatedTextBetweenTagsOfItsOwnKind() {
        let segments = InlineSegments(markdown: "Click ‘[现在去认证](ui:zh-Hans)’ [Verify now](gloss:)").segments
        #expect(segments == [
            .text("Click ‘"), .open(id: 1, code: "[", kind: .uiLabel), .protected(id: 1, text: "现在去认证"), .close(id: 1, code: "](ui:zh-Hans)"),
            .text("’ "), .open(id: 2, code: "[", kind: .gloss), .text("Verify now"), .close(id: 2, code: "](gloss:)"),
        ])
    }

    @Test func aTranslationsTagsTakeTheIDsOfTheSourceTagsTheyStandFor() {
        let source = InlineSegments(markdown: "‘[Ödemeler](ui:tr)’ sayfasında ‘[World Pay](ui:en)’ sekmesine [buradan](link:home) gidin")
        let target = InlineSegments(markdown: "Go [here](link:home) to the ‘[World Pay](ui:en)’ tab of the ‘[Ödemeler](ui:tr)’ [Payments](gloss:) page").aligned(to: source)
        #expect(target.segments.compactMap { segment -> String? in
            if case .open(let id, _, let kind) = segment { return "\(id) \(kind.rawValue)" }
            return nil
        } == ["3 link", "2 x-ui-label", "1 x-ui-label", "4 x-gloss"])
        #expect(target.markdown == "Go [here](link:home) to the ‘[World Pay](ui:en)’ tab of the ‘[Ödemeler](ui:tr)’ [Payments](gloss:) page")
    }

    @Test func emphasisAndCode() {
        let segments = InlineSegments(markdown: "Kodu **tek seferde** girin: `123456`").segments
        #expect(segments == [
            .text("Kodu "), .single(id: 1, code: "**", kind: .emphasis), .text("tek seferde"), .single(id: 2, code: "**", kind: .emphasis),
            .text(" girin: "), .single(id: 3, code: "`123456`", kind: .code),
        ])
    }

    @Test(arguments: ["snake_case_name ve 2*3", "[yarım bağlantı", "\\[kaçış\\](link:x)", "[a](<link:x>)", "[a [b] c](section:first#visit)", "sonda `", ""])
    func oddMarkdownJoinsBackExactly(_ text: String) {
        #expect(InlineSegments(markdown: text).markdown == text)
    }

    @Test func everyTextOfTheGuideAndItsEnglishJoinsBackExactly() async throws {
        let content = Repository.content.path
        let project = try #require(try await onOwnThread { TranslationProject.load(contentDirectory: content, templates: nil).project })
        var count = 0
        for text in project.guide.texts {
            #expect(InlineSegments(markdown: text.value).markdown == text.value)
            count += 1
        }
        for entry in try #require(project.catalog("en")).entries {
            #expect(InlineSegments(markdown: entry.text.value).markdown == entry.text.value)
        }
        #expect(count == 90)
    }
}
