import Foundation

/// Inline Markdown parsed once per text for a whole build or validation: the loader's reference
/// check parses the texts that hold links, a page renders each text in its format and often again
/// as plain text, every format renders it again, titles appear on many pages, and `validate`
/// keeps every text's parse in its context. Safe to share between threads.
final class InlineParseCache: @unchecked Sendable {
    /// The texts in shards by their length in bytes, each with a lock of its own: with one lock
    /// the threads took turns on it, and a thread that finds the lock taken sleeps in the kernel
    /// (1,276 such waits in one S=1000 build). The length costs nothing to know, unlike a hash.
    private let shards = (0..<16).map { _ in Shard() }

    private final class Shard {
        let lock = NSLock()
        var parsed: [ByteKey: InlineDocument] = [:]
    }

    /// `CommonMark.parseInline(text)`, parsed the first time only.
    func document(of text: SourceText) -> InlineDocument {
        // A plain text (most are) is its own parse, which the text knows (`SourceText.isPlain`):
        // no hashing, no lock and nothing stored.
        text.isPlain ? CommonMark.parseInline(text) : stored(text.value)
    }

    /// `CommonMark.parseInline(text).inlines`, parsed the first time only.
    func inlines(of text: SourceText) -> [Inline] {
        document(of: text).inlines
    }

    private func stored(_ text: String) -> InlineDocument {
        // By its bytes (`ByteKey`): a cache keyed by `String` would hand one spelling of a text the
        // parse, and so the bytes, of another.
        let key = ByteKey(text)
        let shard = shards[text.utf8.count & (shards.count - 1)]
        if let document = shard.lock.withLock({ shard.parsed[key] }) { return document }
        let document = CommonMark.parseInlineWithCmark(text)
        shard.lock.withLock { shard.parsed[key] = document }
        return document
    }
}
