import Foundation
import GuideKit

/// How a command that cannot run stops: `guidegen: error: …` on standard error, exit code 2.
enum Failure {
    static func exit(_ message: String) -> Never {
        FileHandle.standardError.write(Data("guidegen: error: \(message)\n".utf8))
        Foundation.exit(Outcome.failure.rawValue)
    }

    /// Writes `diagnostics` the way `guidegen validate` does (to standard error), then exits 2:
    /// for commands that need content that loads (l10n …), a content error means they could not run.
    static func exit(diagnostics: [Diagnostic], files: [String: SourceFile], command: String) -> Never {
        let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardError.write(Data(TextReporter(colour: colour).report(Array(Set(diagnostics)).sorted(), files: files).utf8))
        FileHandle.standardError.write(Data("guidegen \(command): the content has errors: fix them first (guidegen validate)\n".utf8))
        Foundation.exit(Outcome.failure.rawValue)
    }
}
