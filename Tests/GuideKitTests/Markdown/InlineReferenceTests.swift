@testable import GuideKit
import Testing

/// What a link's destination refers to, and the text after its prefix, which is cut by bytes.
@Suite struct InlineReferenceTests {
    @Test func eachDestinationRefersToWhatItsPrefixSays() {
        #expect(InlineReference(destination: "link:worldfirst-register") == .registry(key: "worldfirst-register"))
        #expect(InlineReference(destination: "ui:zh") == .uiLabel(language: "zh"))
        #expect(InlineReference(destination: "section:1688-account#sign-up") == .section(id: "1688-account", step: "sign-up"))
        #expect(InlineReference(destination: "section:1688-account") == .section(id: "1688-account", step: nil))
        #expect(InlineReference(destination: "https://global.1688.com") == .raw("https://global.1688.com"))
        #expect(InlineReference(destination: "gloss:") == .gloss)
        #expect(InlineReference(destination: "number:") == .quantity(.number))
        #expect(InlineReference(destination: "percent:") == .quantity(.percent))
        #expect(InlineReference(destination: "amount:CNY") == .quantity(.amount(currency: "CNY")))
    }

    /// A destination that starts with a scheme's first letter, or with no letter, and is not that
    /// scheme is raw: the first byte picks which prefix to try, and nothing else.
    @Test(arguments: ["linkedin.com", "l", "uix:en", "u", "gloss:x", "glossary", "numbers:", "n", "percent", "p", "amount:cny", "amount:CN", "a",
                      "sections:a", "s", "LINK:x", "Ui:en", "", "#section:a", " link:a"])
    func aDestinationNoSchemeMatchesIsRaw(destination: String) {
        #expect(InlineReference(destination: destination) == .raw(destination))
    }

    /// The rest of the text after an ASCII prefix is what dropping the prefix's characters
    /// leaves, beyond ASCII too; a combining mark after the prefix makes another character, so
    /// the text does not start with the prefix at all.
    @Test(arguments: ["link:", "link:şey", "link:现在", "link:e\u{301}", "link:\u{301}x", "lin", "ui:", "section:a#b", "LINK:x", "link:🙂x", ""])
    func theRestAfterAPrefixIsWhatDroppingItsCharactersLeaves(text: String) {
        let expected = text.hasPrefix("link:") ? String(text.dropFirst("link:".count)) : nil
        #expect(text.dropPrefix("link:") == expected)
    }
}
