@testable import GuideKit
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

        /// The shortcuts before the property look-up (ASCII, the C1 controls, Latin up to
        /// U+02FF) give what the rule gives on the scalar's general category, for every scalar
        /// up to U+3000.
        @Test func theShortcutsGiveWhatTheGeneralCategoryGives() {
            for value in UInt32(0)..<0x3000 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                var expected = 1
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format, .control: expected = 0
                default: if (0x1160...0x11FF).contains(value) || value == 0x200B { expected = 0 } else if DisplayWidth.isWide(value) { expected = 2 }
                }
                #expect(DisplayWidth.of(scalar) == expected, "U+\(String(value, radix: 16))")
            }
        }
    }
}
