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
            #expect(CommonMark.parseInline(text) == CommonMark.parseInlineWithCmark(text), "\(text.debugDescription)")
            // What a reader sees of it is the same found either way.
            let inlines = CommonMark.parseInline(text).inlines
            #expect(VisibleText(inlines, raw: text) == VisibleText(locating: inlines, in: text), "\(text.debugDescription)")
        }
        #expect(plain > 1_000, "\(plain) plain")
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
