import ArgumentParser
import Foundation
import GuideKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and report every problem with its file, line and column.",
        discussion: ExitCode.documentation
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandle.standardError.write(Data("guidegen: error: no content folder at ‘\(options.content)’: pass --content DIR\n".utf8))
            throw Outcome.failure.exitCode
        }
        let result = ContentLoader(directory: options.content).load()
        let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        print(TextReporter(colour: colour).report(result.diagnostics, files: result.files), terminator: "")
        if result.hasErrors { throw Outcome.findings.exitCode }
    }
}
