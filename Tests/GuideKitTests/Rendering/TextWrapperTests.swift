@testable import GuideKit
import Testing

extension RenderingTests {
    @Suite struct TextWrapperTests {
        let wrapper = TextWrapper(width: 40)

        /// The shortcut for lines that fit must give what cutting them into units gives; these
        /// are lines at and around the width, with what the units would change.
        @Test(arguments: [
            "Eğer uluslararası bir kullanıcıysanız,",  // 38 columns: fits
            String(repeating: "a", count: 40),  // exactly the width
            String(repeating: "a", count: 41),  // one more
            "现在去认证现在去认证现在去认证现在去认证",  // 40 columns of wide characters
            "现在去认证现在去认证现在去认证现在去认证x",
            "-  two spaces after the marker",  // made one by the units
            "    [ ] 4A.1.2  two spaces after the number",
            "  leading spaces stay",
            "words  with  double  spaces",
            "a trailing space ",
            "a trailing tab\t",
            "\u{E000}Onayla\u{E001} düğmesine",  // protection marks are removed
            "e\u{301}e\u{301}",
            "",
            "   ",
        ])
        func theShortcutAgreesWithTheUnits(line: String) {
            #expect(wrapper.wrapLine(line) == wrapper.wrapByUnits(line))
        }

        /// A checklist block goes through `pageLines`, one pass over its bytes; it gives what the
        /// chain it replaced gives: normalise the text, wrap it, cut it into lines.
        @Test(arguments: [
            "", "\n\n", " a \t\r\n\r\n\r\nb\rc  \n\n",
            "[ ] 4A.3 Şimdi ‘\u{E000}Authorise 1688.com accounts\u{E001}’a tıklayın ve bekleyin, sonra devam edin",
            "   https://example.com/a-very-long-unit-that-fits-only-at-column-one",  // the marker keeps a line of its own, blank once cut
            "\u{E000}\u{E001}\n\nx",  // a line of marks alone wraps to a blank line
            "e\u{E000}\u{301}x\u{E001} and more words to go past the width of forty columns",  // a mark taken out, a letter composed
            "现在去认证现在去认证现在去认证现在去认证现在去认证 x\n\n\n- madde  iki  boşluk ",
            "\u{0C}form feed\nsatır\t\n",
        ])
        func pageLinesAreTheLinesOfTheWrappedNormalisedText(text: String) {
            // Compared as bytes: strings compare equal when they are canonically equivalent.
            let chain = PageText.lines(wrapper.wrap(PageText.normalise(text))).map { Array($0.utf8) }
            #expect(wrapper.pageLines(text).map { Array($0.utf8) } == chain)
            // The same from the bytes a template renders, with or without a string made of them
            // first, as the bytes of the lines, each ended by a line feed.
            let block = Array(text.utf8).withUnsafeBufferPointer(wrapper.pageBlock)
            #expect(block.bytes == chain.flatMap { $0 + [0x0A] } && block.count == chain.count)
        }

        /// The same for random blocks made of the pieces wrapping and normalising care about, and
        /// the shortcut for lines that fit agrees with the units on every line of them.
        @Test func pageLinesOfRandomBlocksAreTheLinesOfTheChain() {
            var random = PropertyTests.Generator(state: 17)
            let pieces = [" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "[ ] ", "- ", "• ", "4A.3 ", "2.1 ", "kelime", "uzun-bir-kelime-daha", "现在去认证",
                          "e\u{301}", "\u{301}", "\u{E000}", "\u{E001}", TextWrapper.protect("Sign in now"), "‘", "ı", "\u{0C}", "x", "\u{FF21}\u{FF22}",
                          "https://example.com/a/very/long/path/that/does/not/fit/anywhere"]
            for _ in 0..<3_000 {
                var text = ""
                for _ in 0..<random.int(0...40) { text += random.pick(pieces) }
                let chain = PageText.lines(wrapper.wrap(PageText.normalise(text))).map { Array($0.utf8) }
                #expect(wrapper.pageLines(text).map { Array($0.utf8) } == chain, "\(text.debugDescription)")
                let block = Array(text.utf8).withUnsafeBufferPointer(wrapper.pageBlock)
                #expect(block.bytes == chain.flatMap { $0 + [0x0A] } && block.count == chain.count, "\(text.debugDescription)")
                for line in TextWrapper.lines(of: text) where wrapper.fitsAsItIs(line) {
                    #expect(wrapper.wrapByUnits(line).map { Array($0.utf8) } == [Array(line.utf8)], "\(line.debugDescription)")
                }
            }
        }

        @Test func turkishWrapsAtSpacesWithinTheWidth() {
            let lines = wrapper.wrapLine("Eğer uluslararası bir kullanıcıysanız, lütfen kişisel hesap olarak başvurun.")
            #expect(lines == ["Eğer uluslararası bir kullanıcıysanız,", "lütfen kişisel hesap olarak başvurun."])
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        }

        @Test func continuationHangsUnderTheTextAfterTheCheckboxAndNumber() {
            let lines = wrapper.wrapLine("    [ ] 4A.1.2 Hesabınızı doğrulamak için bu seçeneği seçin")
            #expect(lines == ["    [ ] 4A.1.2 Hesabınızı doğrulamak", "               için bu seçeneği seçin"])
        }

        @Test func chineseBreaksBetweenWideCharactersCountingTwoColumns() {
            let text = String(repeating: "现在去认证", count: 5)  // 25 characters, 50 columns
            let lines = TextWrapper(width: 20).wrapLine(text)
            #expect(lines == ["现在去认证现在去认证", "现在去认证现在去认证", "现在去认证"])
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        }

        @Test func combiningMarksTakeNoColumn() {
            let word = "e\u{301}"  // é as e + combining acute: one column
            let text = Array(repeating: word + word + word, count: 10).joined(separator: " ")  // 10 words of 3 columns
            let lines = TextWrapper(width: 15).wrapLine(text)
            #expect(lines.first == Array(repeating: word + word + word, count: 4).joined(separator: " "))
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 15 })
        }

        @Test func urlsAndEmailsAreNeverBroken() {
            let url = "https://portal.worldfirst.com/login?region=SG"
            let lines = wrapper.wrapLine("[ ] 4B.1 Giriş yapın (\(url)) ve help@example.com yazın")
            #expect(lines.contains { $0.contains(url) })
            #expect(lines.contains { $0.contains("help@example.com") })
        }

        @Test func aUnitWiderThanTheHangingRoomStartsAtColumnOneAndOneWiderThanTheLineStaysWhole() {
            let url = "https://example.com/" + String(repeating: "a", count: 25)  // 45 columns
            let lines = wrapper.wrapLine("    Not: \(url)")
            #expect(lines == ["    Not:", url])
            let short = "https://example.com/" + String(repeating: "b", count: 15)  // 35 columns
            #expect(wrapper.wrapLine("[ ] 1.1 Açın \(short)") == ["[ ] 1.1 Açın", short])
        }

        @Test func protectedUILabelsKeepTheirSpacesAndLoseTheirMarks() {
            let label = TextWrapper.protect("Authorise 1688.com accounts")
            let lines = wrapper.wrapLine("[ ] 4A.3 Şimdi ‘\(label)’a tıklayın ve bekleyin")
            #expect(lines == ["[ ] 4A.3 Şimdi", "         ‘Authorise 1688.com accounts’a", "         tıklayın ve bekleyin"])
        }

        @Test func aChineseUILabelIsNotSplitBetweenItsCharacters() {
            let label = TextWrapper.protect("支付宝账户管理支付宝账户管理")  // 28 columns
            let lines = TextWrapper(width: 30).wrapLine("Tıklayın ‘\(label)’")
            #expect(lines == ["Tıklayın", "‘支付宝账户管理支付宝账户管理’"])
        }

        @Test func noTrailingSpacesAndSpacingInsideALineIsKept() {
            #expect(wrapper.wrap("Ad: ____  Tarih: ____   \nx ") == "Ad: ____  Tarih: ____\nx")
        }

        @Test(arguments: [
            ("[ ] 4A.3 metin", 9), ("    [ ] 2.1.1 metin", 14), ("- madde", 2), ("    metin", 4),
            ("[ ] metin", 4), ("1688.com sitesi", 0), ("4A metin", 0),
            ("• madde", 4), ("  • 3.1 madde", 10), ("[ ]", 0), ("-", 0), ("4A.3", 0), ("4A.3.", 0), ("4A. metin", 0), ("", 0), ("   ", 3),
        ])
        func markerLengthInBytes(line: String, expected: Int) {
            #expect(line.withBytes { TextWrapper.markerLength($0) } == expected)
        }
    }
}
