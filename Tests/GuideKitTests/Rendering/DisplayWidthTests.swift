import GuideKit
import Testing

extension RenderingTests {
    @Suite struct DisplayWidthTests {
        @Test(arguments: [
            ("abc", 3),
            ("ışğİçö", 6),                 // Turkish letters are one column, though two UTF-8 bytes
            ("现在去认证", 10),              // East Asian wide: two columns each
            ("‘现在去认证’e", 13),
            ("e\u{301}", 1),               // a combining accent takes no column
            ("Ş\u{327}\u{301}", 1),
            ("한국어", 6),
            ("Ｆｕｌｌ", 8),                 // fullwidth Latin
            ("⚙", 1),                      // neutral symbol
            ("a\u{200B}b", 2),             // zero-width space
            ("", 0),
        ])
        func columns(text: String, expected: Int) {
            #expect(DisplayWidth.of(text) == expected)
        }
    }
}
