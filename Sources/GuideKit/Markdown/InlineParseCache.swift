import Foundation

/// Inline Markdown parsed once per text for a whole build: a page renders each text in its
/// format and often again as plain text, every format renders it again, and titles appear on many
/// pages. Safe to share between the threads pages render on.
final class InlineParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: [Inline]] = [:]

    /// `CommonMark.parseInline(text).inlines`, parsed the first time only.
    func inlines(of text: String) -> [Inline] {
        if let inlines = lock.withLock({ parsed[text] }) { return inlines }
        let inlines = CommonMark.parseInline(text).inlines
        lock.withLock { parsed[text] = inlines }
        return inlines
    }
}
