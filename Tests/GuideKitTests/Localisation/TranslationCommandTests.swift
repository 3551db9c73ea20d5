import Foundation
import GuideKit
import Testing

/// The `guidegen l10n` commands end to end, each on a copy of a content folder in a temporary
/// folder; one at a time, as they start processes.
@Suite(.serialized) enum TranslationCommandTests {
    static let smallContent = Repository.fixture("render-small/content")

    /// A temporary folder holding a copy of `content` as `Content`.
    static func copy(_ content: URL = Repository.content) throws -> (TemporaryDirectory, URL) {
        let directory = try TemporaryDirectory()
        return (directory, try directory.copy(content, as: "Content"))
    }

    static func run(_ arguments: [String], in directory: TemporaryDirectory) async throws -> CommandResult {
        try await guidegen(arguments, in: directory.url)
    }

    static func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}

extension String {
    /// Replaces exactly one occurrence, failing the test when there is none or more.
    func replacingOnce(_ target: String, with replacement: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let parts = components(separatedBy: target)
        #expect(parts.count == 2, "expected ‘\(target)’ once", sourceLocation: sourceLocation)
        return parts.joined(separator: replacement)
    }
}
