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
