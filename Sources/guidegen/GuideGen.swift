import ArgumentParser
import Foundation
import GuideKit
#if canImport(CGlibcExtras)
import CGlibcExtras
#endif

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
        fixMallocThresholds()
        // This process exits when the command is done, and its memory goes with it.
        Parallel.keepsReleasedValuesUntilExit = true
        do {
            var command = try parseAsRoot()
            // `validate` is the one asynchronous command: a new one must be added here, or it
            // would be run as a plain command, which prints its help. Asking whether a command is
            // an `AsyncParsableCommand` makes the runtime scan every protocol-conformance record of
            // the binary (half a million instructions, 0.5 % of building the real guide);
            // comparing with one type does not.
            if let validate = command as? Validate {
                try await validate.run()
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

    /// glibc raises its mmap threshold to the size of each large block freed (up to 32 MB) and its
    /// trim threshold to twice that, so after a build has read a few large files, megabytes freed
    /// stay in the process. Fixing both at glibc's starting values (128 KiB) keeps large blocks in
    /// their own mappings, returned when freed: a large build's peak memory was 153 MB with them
    /// fixed and 160–182 MB without, in the same time (see README, Performance).
    ///
    /// The heap of each thread's arena is made writable as it grows, by the request plus the top
    /// pad (128 KiB unless set): at S=1000 `validate` made 25,658 `mprotect` calls, and each one
    /// holds the process's memory map locked, so the other thread waited in its page faults. A
    /// 64 MiB pad (an arena's whole heap) makes them 19; pages are still only backed when
    /// touched. `validate` took 0.90 × the wall time, a build 0.97 × and 4 MB more at its peak.
    static func fixMallocThresholds() {
        #if canImport(CGlibcExtras)
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        mallopt(M_TRIM_THRESHOLD, 128 * 1024)
        mallopt(M_TOP_PAD, 64 * 1024 * 1024)
        #endif
    }
}
