@testable import GuideKit
import Testing

extension RenderingTests {
    @Suite struct EscapeTests {
        @Test func htmlTextEscapesMarkupButNotQuotes() {
            #expect(Escape.htmlText(#"<script>alert("x") & 'y'</script>"#) == #"&lt;script&gt;alert("x") &amp; 'y'&lt;/script&gt;"#)
        }

        /// Noncharacters are found by arithmetic, not by Unicode's property: the two must agree
        /// on every code point.
        @Test func droppedScalarsAreTheControlsBidiControlsAndNoncharacters() {
            let disagreeing = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
                let value = scalar.value
                let control = (0...0x1F).contains(value) && ![0x09, 0x0A, 0x0D].contains(value) || (0x7F...0x9F).contains(value)
                let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                return Escape.isDropped(scalar) != (control || bidi || scalar.properties.isNoncharacterCodePoint)
            }
            #expect(disagreeing.isEmpty)
        }

        /// Text is walked as UTF-8 bytes: scalars of every length survive, dropped ones of every
        /// length go, and text that needs no escaping comes back as it was.
        @Test func escapingKeepsScalarsOfEveryLength() {
            let dropped = [0x07, 0x85, 0x202E, 0xFDD0, 0x1FFFF].map { String(Unicode.Scalar(UInt32($0))!) }.joined()
            let text = "a ç € 𝄞 " + dropped + " <b> & \"'"
            #expect(Escape.htmlText(text) == "a ç € 𝄞  &lt;b&gt; &amp; \"'")
            #expect(Escape.htmlAttribute(text) == "a ç € 𝄞  &lt;b&gt; &amp; &quot;&#39;")
            #expect(Escape.jsonString(text) == #""a ç € 𝄞  \u003cb\u003e \u0026 \"'""#)
            #expect(Escape.htmlText("İstanbul’da 東京") == "İstanbul’da 東京")
        }

        @Test func htmlAttributeAlsoEscapesBothQuotes() {
            #expect(Escape.htmlAttribute(#"" onclick="x' <b>&"#) == "&quot; onclick=&quot;x&#39; &lt;b&gt;&amp;")
        }

        @Test(arguments: [
            ("*bold* _it_ [x](y) `c`", #"\*bold\* \_it\_ \[x\](y) \`c\`"#),
            ("# başlık", ##"\# başlık"##),
            ("#hashtag", "#hashtag"),
            ("1. madde", #"1\. madde"#),
            ("2) madde", #"2\) madde"#),
            ("1688.com", "1688.com"),
            ("3", "3"),
            ("3.1", "3.1"),
            ("3.", #"3\."#),
            ("\t 12)\tx", "\t 12\\)\tx"),
            ("123456789. x", #"123456789\. x"#),
            ("1234567890. x", "1234567890. x"),
            ("2024.", #"2024\."#),
            ("- madde", #"\- madde"#),
            ("+65 6805 4380", "+65 6805 4380"),
            ("+ madde", #"\+ madde"#),
            ("> alıntı", #"\> alıntı"#),
            ("a > b", "a > b"),
            ("===", #"\==="#),
            ("<b>kalın</b>", #"\<b>kalın\</b>"#),
            ("&amp; &", #"\&amp; &"#),
            ("![resim](x.png)", #"\!\[resim\](x.png)"#),
            (#"C:\yol"#, #"C:\\yol"#),
        ])
        func markdownKeepsTextLiteral(text: String, expected: String) {
            #expect(Escape.markdown(text) == expected)
        }

        /// Text the shortcut passes through is text the full escaping leaves as it is: every text
        /// of up to three pieces, made of every character the escaping looks at, Turkish letters
        /// and plain ones.
        @Test func plainTextShortcutAgreesWithTheEscaping() {
            let pieces = ["a", "ş", "İ", " ", "\t", "1", "9", ".", ")", "#", "-", "+", "=", "~", ">", "<", "&", "!", "[", "]", "*", "_", "`", "\\", "\n", "\u{7}", "\u{202E}"]
            var texts = [""]
            for _ in 0..<3 { texts += texts.filter { $0.unicodeScalars.count < 3 }.flatMap { text in pieces.map { text + $0 } } }
            var plain = 0
            for text in Set(texts) {
                #expect(Escape.markdown(text) == Escape.escapedMarkdown(text), "\(text.debugDescription)")
                if Escape.isPlainForMarkdown(text) {
                    plain += 1
                    #expect(Escape.escapedMarkdown(text) == text, "\(text.debugDescription)")
                }
            }
            #expect(plain > 100)
        }

        /// The shortcut on bytes answers as it does scalar by scalar, for texts around every
        /// character it drops, their neighbours, and characters of every UTF-8 length.
        @Test func plainTextShortcutOnBytesAgreesWithTheScalarRule() {
            let special: [UInt32] = [0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0x15F, 0x2FF, 0x7FF, 0x800, 0x2019, 0x2029, 0x202A, 0x202E, 0x202F,
                                     0x2065, 0x2066, 0x2069, 0x206A, 0x4E2D, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x1FFFE, 0x10FFFF]
            var pieces = special.compactMap(Unicode.Scalar.init).map { String($0) } + ["a", "1", " ", "-", "#", "!", "ş"]
            pieces += (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
            var checked = 0
            for first in pieces {
                for second in pieces {
                    for text in [first + second, "x" + first + second, " " + first, first + "y" + second + "z"] {
                        #expect(Escape.isPlainForMarkdown(text) == Escape.isPlainForMarkdownByScalars(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                        checked += 1
                    }
                }
            }
            #expect(checked > 10_000)
        }

        /// What cmark makes of the escaped text is one paragraph with exactly the original text.
        @Test(arguments: ["*bold* _it_", "# başlık", "1. madde", "- madde", "> alıntı", "<script>alert(1)</script>", "[x](javascript:alert(1))", "a\\b `c` ![i](j)", "&copy; ---"])
        func markdownRoundTripsThroughCmark(text: String) {
            let html = CommonMark.html(fromMarkdown: Escape.markdown(text))
            #expect(html == "<p>\(Escape.htmlText(text).replacingOccurrences(of: "\"", with: "&quot;"))</p>\n")
        }

        @Test func jsonCannotCloseTheScriptElement() {
            let json = Escape.jsonString("</script><!-- \"x\" & \\ \n\u{2028}")
            #expect(json == #""\u003c/script\u003e\u003c!-- \"x\" \u0026 \\ \n\u2028""#)
            #expect(!json.contains("<"))
        }

        /// The JSON-LD is built as bytes; a string appended that way is the string `jsonString` makes.
        @Test(arguments: ["", "a", "</script><!-- \"x\" & \\ \n\u{2028}", "İş ‘现在’ 😀", "\u{202E}x\u{7}\t", "Plain text, nothing to escape.", "a\u{2029}", "\u{2028}",
                          "a\u{7F}b", "a\u{85}b", "a" + String(Unicode.Scalar(0xFDD0)!) + "b", "x" + String(Unicode.Scalar(0xFFFE)!), "\u{2027}\u{202A}", "\u{E000}a\u{E001}",
                          String(Unicode.Scalar(0x1FFFE)!)])
        func jsonAppendedAsBytesIsTheJSONString(text: String) {
            var out: [UInt8] = Array("x".utf8)
            Escape.appendJSONString(text, to: &out)
            #expect(out == Array(("x" + Escape.jsonString(text)).utf8))
        }

        /// A box written in content cannot pass for one of the checklist's own: `[ ]`, `[x]` and
        /// `[X]` become parentheses wherever they stand; other brackets stay.
        @Test(arguments: [
            ("[ ] a [x] b [X] c", "( ) a (x) b (X) c"),
            ("şu [ ]: [y] [] [  ] [x]", "şu ( ): [y] [] [  ] (x)"),
            ("[[ ]]", "[( )]"),
            ("no brackets", "no brackets"),
            ("", ""),
        ])
        func checklistTextCannotWriteABox(text: String, expected: String) {
            #expect(InlineRenderer.disarmCheckboxes(text) == expected)
        }

        @Test func markdownDestinationsStayOneToken() {
            #expect(Escape.markdownDestination("https://example.com/a b(c)") == #"https://example.com/a%20b\(c\)"#)
        }
    }
}
