@testable import GuideKit
import Testing

/// The scanning helpers the text rules share.
@Suite struct TextScanningTests {
    /// A URL in running text stops at white space, quotes, angle brackets and a left-out run,
    /// and at nothing else, for every scalar up to U+FFFF and the placeholder.
    @Test func aURLStopsAtWhiteSpaceQuotesAndBracketsOnly() {
        let stops = Set("<>\"‘’“”«»".unicodeScalars).union([VisibleText.placeholder])
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(TextScanning.isURLStop(scalar) == (TextScanning.isWhitespace(scalar) || stops.contains(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: ["", "a", "global1688.com", "Şifrenizi değiştirin", "İı ğ", "ödeme 🙂 e\u{301} 现在去认证", "\u{FFFC}x"])
    func stringOfScalarsIsTheTextTheyCameFrom(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(TextScanning.string(scalars[...]) == text)
        #expect(TextScanning.string(scalars[...]).unicodeScalars.elementsEqual(scalars))
        #expect(TextScanning.string(scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }

    @Test func wordsKeepTheirScalarsAndPositions() {
        let scalars = Array("‘Şifre’ değişti. 🙂 ok".unicodeScalars)
        let words = TextScanning.words(in: scalars)
        #expect(words.map(\.text) == ["Şifre", "değişti", "ok"])
        #expect(words.map(\.start) == [1, 8, 19])
        #expect(words.map(\.endsSentence) == [false, true, false])
    }
}

extension TextScanningTests {
    /// `apostrophe-style` skips texts without an apostrophe by their bytes: it finds both kinds
    /// anywhere and nothing in texts without one (other quotes share the lead byte E2 80).
    @Test(arguments: ["1688.com’u", "1688.com'u", "’", "'", "", "Ödeme", "“tırnak” ‘tek’", "a—b…c", "x‘", "ab’", "e\u{301}'"])
    func apostrophesAreFoundByTheirBytes(text: String) {
        #expect(ApostropheStyleRule.mayHoldApostrophe(text) == text.unicodeScalars.contains { $0 == "'" || $0 == "’" }, "\(text.debugDescription)")
    }
}

extension TextScanningTests {
    /// The shortcuts answer as Unicode's properties do, for every scalar there is.
    @Test func alphabeticAndWhiteSpaceAgreeWithTheUnicodeProperties() {
        var alphabetic: [UInt32] = [], whitespace: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextScanning.isAlphabetic(scalar) != scalar.properties.isAlphabetic { alphabetic.append(value) }
            if TextScanning.isWhitespace(scalar) != scalar.properties.isWhitespace { whitespace.append(value) }
        }
        #expect(alphabetic.isEmpty, "isAlphabetic differs at \(alphabetic.prefix(10).map { String($0, radix: 16) })")
        #expect(whitespace.isEmpty, "isWhitespace differs at \(whitespace.prefix(10).map { String($0, radix: 16) })")
    }
}
