import Foundation
import GuideKit

/// A place in an example's tree: a path relative to the example's folder, line and column.
struct Position: Hashable, Comparable, CustomStringConvertible {
    let path: String
    let line: Int
    let column: Int

    var description: String { "\(path):\(line):\(column)" }

    static func < (lhs: Position, rhs: Position) -> Bool { (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column) }
}

/// A rule example written out as a content folder (the base guide plus the example's files,
/// markers removed), validated the way `guidegen validate` does it.
struct RuleExampleRun {
    let directory: TemporaryDirectory
    /// Where the markers were.
    let expected: Set<Position>
    let report: ValidationReport

    init(_ example: RuleExample) async throws {
        directory = try TemporaryDirectory()
        var expected = Set<Position>()
        for file in example.tree {
            let marked = MarkedText(file.text)
            for position in marked.positions.values {
                expected.insert(Position(path: file.path, line: position.line, column: position.column))
            }
            try directory.write(file.path, Data(marked.text.utf8))
        }
        self.expected = expected
        let output = example.tree.contains { $0.path.hasPrefix("Output/") } ? directory.path + "/Output" : nil
        if let answers = example.tree.first(where: { $0.path == CannedTransport.exampleFileName }) {
            // The online rules' examples: the real checker, answered from the example's table.
            let fast: (inout OnlineCheckOptions) -> Void = {
                $0.useCache = false
                $0.minimumHostInterval = .zero
                $0.backoffBase = .milliseconds(1)
            }
            report = await ValidationRun.run(contentDirectory: directory.path, outputDirectory: output, online: fast,
                                             transport: CannedTransport(answers: answers.text), now: { Date(timeIntervalSince1970: 0) })
        } else {
            // Off the shared concurrency threads: dozens of examples validating at once would
            // otherwise hold them all and stall the timing-sensitive online suites beside these.
            let path = directory.path
            report = try await onOwnThread { ValidationRun.run(contentDirectory: path, outputDirectory: output) }
        }
    }

    /// The position of a diagnostic relative to the example's folder.
    func position(_ diagnostic: Diagnostic) -> Position {
        let prefix = directory.path + "/"
        let file = diagnostic.location.file.hasPrefix(prefix) ? String(diagnostic.location.file.dropFirst(prefix.count)) : diagnostic.location.file
        return Position(path: file, line: diagnostic.location.line, column: diagnostic.location.column)
    }

    func findings(of ruleID: String) -> [Diagnostic] { report.diagnostics.filter { $0.id == ruleID } }
}
