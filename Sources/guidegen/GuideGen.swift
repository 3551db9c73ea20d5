import ArgumentParser
import Foundation
import GuideKit

@main
struct GuideGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidegen",
        abstract: "Render and validate a localised step-by-step guide.",
        discussion: ExitCode.documentation,
        version: guidegenVersion,
        subcommands: [Build.self, Validate.self, Rules.self, L10n.self]
    )

    /// ArgumentParser exits 64 on usage errors; guidegen documents 2 for "could not run".
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as Failure {
            failure.exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Outcome.failure.rawValue)
            }
            exit(withError: error)
        }
    }
}
