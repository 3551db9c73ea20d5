import ArgumentParser
import Foundation
import GuideKit

/// Why a command stopped early: what to print, and the exit code. Commands throw it; `main`
/// prints it and exits once every frame has unwound, so nothing a command held is still in use
/// when the process ends (LeakSanitizer sees a clean exit, and `defer` blocks run).
struct Failure: Error {
    var standardOutput = ""
    var standardError = ""
    var outcome = Outcome.failure

    /// `guidegen: error: …` on standard error, exit code 2: the command could not run.
    init(_ message: String) {
        standardError = "guidegen: error: \(message)\n"
    }

    private init(standardOutput: String, standardError: String, outcome: Outcome) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.outcome = outcome
    }

    /// The diagnostics written the way `guidegen validate` writes them (to standard error), exit
    /// code 2: for commands that need content that loads (l10n …), a content error means they
    /// could not run.
    static func content(diagnostics: [Diagnostic], files: [String: SourceFile], command: String) -> Failure {
        let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let report = TextReporter(colour: colour).report(Array(Set(diagnostics)).sorted(), files: files)
        return Failure(standardOutput: "", standardError: report + "guidegen \(command): the content has errors: fix them first (guidegen validate)\n", outcome: .failure)
    }

    /// Findings printed on standard output, exit code 1: the command ran and found problems.
    static func findings(_ text: String) -> Failure {
        Failure(standardOutput: text, standardError: "", outcome: .findings)
    }

    /// Prints what the failure says and ends the process with its exit code.
    func exit() -> Never {
        if !standardOutput.isEmpty { print(standardOutput, terminator: "") }
        if !standardError.isEmpty { FileHandle.standardError.write(Data(standardError.utf8)) }
        Foundation.exit(outcome.rawValue)
    }
}
