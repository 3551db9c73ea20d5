import Foundation
@testable import GuideKit
import Testing

/// Text that `CommonMark.isPlain` lets past cmark parses as cmark parses it: one text node with
/// all of it. Checked on every text of the real guide and its catalog, and on seeded random
/// strings made of the characters that matter to a paragraph; and what a reader sees of such a
/// text (`VisibleText`'s one-run shortcut) is what locating its pieces in the raw text gives.
@Suite struct PlainTextShortcutTests {
    @Test func everyTextOfTheRealGuideParsesAsCmarkParsesIt() throws {
        let texts = try Repository.texts()
        var plain = 0
        for text in texts {
            if CommonMark.isPlain(text) { plain += 1 }
            #expect(CommonMark.parseInline(text) == CommonMark.parseInlineWithCmark(text), "\(text.debugDescription)")
            let inlines = CommonMark.parseInline(text).inlines
            #expect(VisibleText(inlines, raw: text) == VisibleText(locating: inlines, in: text), "\(text.debugDescription)")
        }
        // The shortcut is taken, and not for everything (links and labels go to cmark).
        #expect(plain > texts.count / 4 && plain < texts.count, "\(plain) of \(texts.count) plain")
    }

    @Test func randomStringsParseAsCmarkParsesThem() {
        var generator = RenderingTests.PropertyTests.Generator(state: 2026)
        let pieces = ["a", "Ş", "ı", "1", "12", "688", " ", "  ", ".", ")", "(", "!", "#", "-", "+", "=", "*", "_", "`", "~", "[", "]", "<", ">",
                      "&", "&amp;", "\\", "\"", "'", "’", ":", "|", "/", "\t", "\n", "\r", "\u{0}", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}",
                      "\u{2028}", "\u{85}", "\u{301}", "支付", "👩‍👩‍👧", "www.x.com", "http://x", "---", "***", "1.", "1)", "    "]
        var plain = 0
        for _ in 0..<20_000 {
            let text = (0..<generator.int(1...8)).map { _ in generator.pick(pieces) }.joined()
            if CommonMark.isPlain(text) { plain += 1 }
            // A text of the content tells it from the kinds of its bytes, in the same pass.
            #expect(CommonMark.isPlain(text, bytes: ByteClasses(of: text)) == CommonMark.isPlain(text), "\(text.debugDescription)")
            #expect(CommonMark.parseInline(text) == CommonMark.parseInlineWithCmark(text), "\(text.debugDescription)")
            // What a reader sees of it is the same found either way.
            let inlines = CommonMark.parseInline(text).inlines
            #expect(VisibleText(inlines, raw: text) == VisibleText(locating: inlines, in: text), "\(text.debugDescription)")
        }
        #expect(plain > 1_000, "\(plain) plain")
    }

    /// Texts plain but for links: made of the pieces a link is written with, and of the ones
    /// that would make cmark read it otherwise (an image, a space, a bracket or parenthesis too
    /// many, a destination cmark reads differently).
    @Test func randomTextsWithLinksParseAsCmarkParsesThem() {
        var generator = RenderingTests.PropertyTests.Generator(state: 1688)
        let pieces = ["[", "]", "(", ")", "](", "[a](link:b)", "[Add account](ui:en)", "[确认付款](ui:zh-Hans)", "[2. bölüm](section:x#step-1)", "‘", "’e",
                      " ", "a", "Ş", "1", "1.", "!", "link:", "ui:en", "x#y", "a b", "<", ">", "\\", "&", "*", "_", "`", "\"", "'", "%20", "é",
                      "?", "=", "~", "\n", "#", "-", "(a)", "]:", "[]", "()", "[a]", "[ a](b)", "[a ](b)", "[a]( b)", "[a](b )", "[a](<b>)", "![a](b)"]
        var taken = 0
        for _ in 0..<20_000 {
            let text = (0..<generator.int(1...7)).map { _ in generator.pick(pieces) }.joined()
            if CommonMark.simpleLinks(text) != nil { taken += 1 }
            #expect(CommonMark.parseInline(text) == CommonMark.parseInlineWithCmark(text), "\(text.debugDescription)")
        }
        #expect(taken > 500, "\(taken) read without cmark")
    }

    @Test func simpleLinksAreReadWithoutCmark() throws {
        let text = "‘[Add account](ui:en)’e tıklayın; [2. bölüm](section:x#step-1) ve [global.1688.com](link:global-1688)"
        let inlines = try #require(CommonMark.simpleLinks(text))
        #expect(inlines == CommonMark.parseInlineWithCmark(text).inlines)
        #expect(inlines.count == 6)
        for text in ["a [b](c d)", "a ![b](c)", "a [b](c", "a [b] (c)", "a [b]", "[b](c) ", " [b](c)", "1. [b](c)", "a [ b](c)", "a [b](<c>)", "a [b](c)*d*",
                     "a [b](c)]", "a [[b]](c)", "a [b]()", "a [](c)", "plain text"] {
            #expect(CommonMark.simpleLinks(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func theseGoToCmark() {
        for text in ["", " a", "a ", "1. a", "12) a", "# a", "- a", "> a", "a *b*", "a_b", "a\\b", "a `b`", "a [b](link:c)", "a <b>", "a &amp; b",
                     "a ~~b~~", "a\nb", "a\tb", "\u{0}"] {
            #expect(!CommonMark.isPlain(text), "\(text.debugDescription)")
        }
        // Inside a text, exactly these ASCII bytes stop the shortcut.
        let stops = Set(Array("\\`*_[]<>&~".utf8) + Array(0..<0x20) + [0x7F])
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            #expect(CommonMark.isPlain(text) == !stops.contains(byte), "\(text.debugDescription)")
        }
        for text in ["Ödeme alma hesabınız oluşturuldu!", "1688 hesabı nasıl açılır?", "“Çince’yi her zaman çevir.” seçeneğini aktif edin.", "2024"] {
            #expect(CommonMark.isPlain(text), "\(text.debugDescription)")
        }
    }
}
