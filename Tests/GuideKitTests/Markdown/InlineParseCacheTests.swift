import Foundation
@testable import GuideKit
import Testing

@Suite struct InlineParseCacheTests {
    /// `text` as a string of the content.
    static func source(_ text: String) -> SourceText {
        SourceText(text, key: "a.title", origin: TextOrigin(start: SourceLocation(file: "sections/a.yaml", line: 1, column: 1), style: .plain, file: nil))
    }

    /// A text parsed from the cache is what parsing it gives, the first time and after.
    @Test func cachedParseIsTheParse() {
        let cache = InlineParseCache()
        for text in ["[Convert](ui:en) *tıklayın*", "", "[Convert](ui:en) *tıklayın*", "`kod` ve [bkz.](section:first#visit)", "Hesabınızı açın", "Hesabınızı açın"] {
            #expect(cache.inlines(of: Self.source(text)) == CommonMark.parseInline(text).inlines)
        }
    }

    /// A content string tells whether it is plain when it is made, also when it is made from
    /// another with a new value (`withValue`); its parse, from the cache or not, is the parse of its text.
    @Test func aSourceTextKnowsWhetherItIsPlain() {
        let cache = InlineParseCache()
        let first = Self.source("Hesabınızı açın")
        for text in ["Hesabınızı açın", "[Convert](ui:en) *tıklayın*", "", " a", "1. adım", "Yalnız metin", "a\nb"] {
            let source = first.withValue(text)
            #expect(source.isPlain == CommonMark.isPlain(text), "\(text.debugDescription)")
            #expect(Self.source(text).isPlain == CommonMark.isPlain(text))
            #expect(cache.document(of: source) == CommonMark.parseInline(text))
            #expect(CommonMark.parseInline(source) == CommonMark.parseInline(text))
        }
    }
}

extension InlineParseCacheTests {
    /// Two spellings of one text (`ş` as one scalar, and as `s` with a combining cedilla) are
    /// equal as Swift strings, but each keeps its own bytes through the cache.
    @Test func eachSpellingKeepsItsOwnBytes() {
        let cache = InlineParseCache()
        let composed = "Ba\u{15F}vuru *formu*"
        let decomposed = "Bas\u{327}vuru *formu*"
        #expect(composed == decomposed)
        // Plain texts skip the cache; they keep their bytes too.
        for text in [composed, decomposed, composed, "Ba\u{15F}vuru formu", "Bas\u{327}vuru formu"] {
            guard case .text(let first)? = cache.inlines(of: Self.source(text)).first else {
                Issue.record("no text inline in \(text.debugDescription)")
                continue
            }
            #expect(Array(first.utf8) == Array(text.utf8.prefix(first.utf8.count)))
        }
    }
}

extension InlineParseCacheTests {
    /// Threads that look texts up at once (texts of every length, so every shard of the cache)
    /// each get the parse of the text they asked for.
    @Test func threadsLookingUpAtOnceGetTheirTextsParse() {
        let cache = InlineParseCache()
        let texts = (0..<64).map { "[\(String(repeating: "ı", count: $0))](ui:en) *\($0)*" }
        let sources = texts.map { Self.source($0) }
        let expected = texts.map { CommonMark.parseInline($0).inlines }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<4 {
                // The texts every thread shares, and texts of the same values made anew.
                for index in texts.indices.shuffled() where cache.inlines(of: sources[index]) != expected[index] || cache.inlines(of: Self.source(texts[index])) != expected[index] {
                    mismatches.add("thread \(thread), round \(round): \(texts[index])")
                }
            }
        }
        #expect(mismatches.all.isEmpty, "\(mismatches.all.prefix(5))")
    }

    /// A text is parsed once however often it is asked for; another text object with the same
    /// value has a parse of its own, and a plain text none.
    @Test func eachTextIsKeptOnce() {
        let cache = InlineParseCache()
        let text = Self.source("[Convert](ui:en) *tıklayın*")
        for _ in 0..<3 { _ = cache.document(of: text) }
        #expect(cache.count == 1)
        _ = cache.document(of: Self.source(text.value))
        #expect(cache.count == 2)
        _ = cache.document(of: Self.source("Hesabınızı açın"))
        #expect(cache.count == 2)
    }

    private final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ text: String) { lock.withLock { list.append(text) } }
        var all: [String] { lock.withLock { list } }
    }
}
