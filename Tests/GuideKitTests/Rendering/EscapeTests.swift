import GuideKit
import Testing

extension RenderingTests {
    @Suite struct EscapeTests {
        @Test func htmlTextEscapesMarkupButNotQuotes() {
            #expect(Escape.htmlText(#"<script>alert("x") & 'y'</script>"#) == #"&lt;script&gt;alert("x") &amp; 'y'&lt;/script&gt;"#)
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

        @Test func markdownDestinationsStayOneToken() {
            #expect(Escape.markdownDestination("https://example.com/a b(c)") == #"https://example.com/a%20b\(c\)"#)
        }
    }
}
