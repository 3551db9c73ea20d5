@testable import GuideKit
import Testing

@Suite struct InlineParseCacheTests {
    /// A text parsed from the cache is what parsing it gives, the first time and after.
    @Test func cachedParseIsTheParse() {
        let cache = InlineParseCache()
        for text in ["[Convert](ui:en) *tıklayın*", "", "[Convert](ui:en) *tıklayın*", "`kod` ve [bkz.](section:first#visit)"] {
            #expect(cache.inlines(of: text) == CommonMark.parseInline(text).inlines)
        }
    }
}
