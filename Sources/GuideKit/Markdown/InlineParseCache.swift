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
        /// By the text object: a text is parsed by its value, which never changes, and looking
        /// it up by identity hashes one word where its bytes were hashed and compared (1 % of a
        /// build). The text is kept with its parse, so its address is never another's while the
        /// cache lives; two objects with the same value are each parsed once.
        var parsed: [ObjectIdentifier: (text: SourceText, document: InlineDocument)] = [:]
    }

    /// `CommonMark.parseInline(text)`, parsed the first time only.
    func document(of text: SourceText) -> InlineDocument {
        // A plain text (most are) is its own parse, which the text knows (`SourceText.isPlain`):
        // no look-up, no lock and nothing stored.
        text.isPlain ? CommonMark.parseInline(text) : stored(text)
    }

    /// `CommonMark.parseInline(text).inlines`, parsed the first time only.
    func inlines(of text: SourceText) -> [Inline] {
        document(of: text).inlines
    }

    /// How many texts are kept.
    var count: Int { shards.reduce(0) { total, shard in total + shard.lock.withLock { shard.parsed.count } } }

    private func stored(_ text: SourceText) -> InlineDocument {
        let key = ObjectIdentifier(text)
        let shard = shards[text.value.utf8.count & (shards.count - 1)]
        if let document = shard.lock.withLock({ shard.parsed[key]?.document }) { return document }
        let document = CommonMark.parseInline(text)
        shard.lock.withLock { shard.parsed[key] = (text, document) }
        return document
    }
}
