import ArgumentParser
import Foundation
import GuideKit

/// How `guidegen validate` prints its report.
enum ReportFormat: String, ChoiceArgument {
    case text, json, sarif, github
}

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the content and report every problem with its file, line and column.",
        discussion: """
            Checks the content folder (and the rendered output, with --output DIR or when an \
            Output folder exists beside the content folder) with the rules `guidegen rules` lists.

            Formats: text (file:line:column: severity: message [rule-id], the source line and a \
            caret; colour on a terminal), json, sarif (SARIF 2.1.0 for code scanning), github \
            (GitHub Actions annotations).

            Configuration: \(ValidationConfiguration.fileName) in the content folder sets rule \
            severities (rules: {rule-id: off|note|warning|error}) and extends the allowed hosts \
            (allowedHosts) and currency codes (currencies).

            Online: --online also checks every URL of the link registry once over the network \
            (HEAD, then GET when HEAD is refused; redirects followed; polite per host; results cached \
            for a day in .guidegen-cache/links.json). Broken links are \
            errors, links that could not be verified are warnings. The `online:` mapping of \
            \(ValidationConfiguration.fileName) sets timeouts, concurrency, skip patterns and accepted \
            status codes. Without --online nothing touches the network.

            Cache: a run without --online keeps its findings in .guidegen-cache/ with a digest \
            of every input file's bytes; the next run on unchanged files reports them again without \
            checking anything. A run on content validated before keeps section files and catalogs \
            as parsed, by their bytes, so the next run after a change parses only the files that \
            changed (a first run keeps none). Every run also keeps the findings of the rules that \
            look at one section at a time, per section file, so that after a change those rules \
            check only the sections whose inputs changed. --no-cache neither reads nor writes any \
            of this, \
            nor the link cache.

            Suppression: a YAML comment on the line before a finding, or at the end of its line: \
            `# guidegen-ignore: rule-id — reason` (the reason is required).

            \(ExitCode.documentation)
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The rendered output folder whose links to check (default: the Output folder beside the content folder, when it exists).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: "How to report the findings.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Also check the link registry's URLs over the network.")
    var online = false

    @Flag(name: .long, help: "Neither read nor write the cache of findings (nor, with --online, of link results).")
    var noCache = false

    /// Colour only on a terminal, and never with NO_COLOR set.
    static func colour(on descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The rendered output of a content folder is the `Output` folder beside it (`Content` →
    /// `Output`), checked when it exists. Not the current folder's: validating a fixture from the
    /// repository root must not check the repository's own output against the fixture.
    static func defaultOutput(besides content: String) -> String? {
        let candidate = siblingPath("Output", of: content)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue ? candidate : nil
    }

    /// `name` beside `path`, keeping the path as relative as the user wrote it (`Content` →
    /// `Output`, `a/Content/` → `a/Output`, `.` → `../Output`). Written by hand: corelibs
    /// Foundation's `NSString.deletingLastPathComponent` traps on `"."`.
    static func siblingPath(_ name: String, of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.isEmpty || trimmed == "." { return "../\(name)" }
        if trimmed == ".." || trimmed.hasSuffix("/..") || trimmed.hasSuffix("/.") { return "\(trimmed)/../\(name)" }
        guard let slash = trimmed.lastIndex(of: "/") else { return name }
        let parent = trimmed[...slash]
        return "\(parent)\(name)"
    }

    /// The findings of the last run when no input changed since (see `ValidationCache`), else a
    /// full run, whose findings are kept for the next one when it could start and no input
    /// changed while it ran (else they could be stored under inputs they were not found in).
    static func runCached(content: String, output: String?) -> ValidationReport {
        let location = ValidationCache.location(content: content, output: output, cache: URL(fileURLWithPath: Build.cacheFolder))
        let inputs = ValidationCache.inputs(content: content, output: output)
        let entry = ValidationCache.load(from: location)
        if let entry, entry.inputs == inputs { return entry.report }
        // Files parsed here are kept for the next run only when this content was validated
        // before (an editor or a hook validating on every save), not on a first run such as CI's.
        // The section rules check again only the sections whose inputs changed since.
        let sectionsLocation = SectionFindings.location(besidesEntry: location)
        let report = ValidationRun.run(contentDirectory: content, outputDirectory: output, cache: Build.parsedCache(keepingNewEntries: entry != nil),
                                       sectionFindings: SectionFindings.load(from: sectionsLocation))
        #if DEBUG
        pauseForTests()
        #endif
        // Each section's findings are kept under the digest of the texts they were found in, so
        // they are right to keep even if a file changed meanwhile; the run's whole report is not.
        report.sectionFindings?.save(to: sectionsLocation)
        if report.failures.isEmpty, ValidationCache.inputs(content: content, output: output) == inputs {
            ValidationCache(inputs: inputs, report: report).save(to: location)
        }
        return report
    }

    #if DEBUG
    /// Test hook, honoured only by debug builds: with `GUIDEGEN_TEST_PAUSE_AFTER_CHECKING` naming
    /// a file, creates it once the findings are known and waits (up to 30 s) until it is removed,
    /// so a test can change an input before they are kept.
    static func pauseForTests() {
        guard let marker = ProcessInfo.processInfo.environment["GUIDEGEN_TEST_PAUSE_AFTER_CHECKING"] else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        let deadline = Date().addingTimeInterval(30)
        while FileManager.default.fileExists(atPath: marker), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }
    #endif

    func run() async throws {
        let outputDirectory = output ?? Self.defaultOutput(besides: options.content)
        var report: ValidationReport
        if online {
            let noCache = noCache
            report = await ValidationRun.run(contentDirectory: options.content, outputDirectory: outputDirectory, cache: noCache ? nil : Build.parsedCache(keepingNewEntries: false),
                                             online: { if noCache { $0.useCache = false } }, now: { Date() })
        } else if noCache {
            report = ValidationRun.run(contentDirectory: options.content, outputDirectory: outputDirectory)
        } else {
            report = Self.runCached(content: options.content, output: outputDirectory)
        }
        for warning in report.warnings {
            FileHandle.standardError.write(Data("guidegen: warning: \(warning)\n".utf8))
        }
        switch format {
        case .text:
            if report.failures.isEmpty {
                print(TextReporter(colour: Self.colour(on: STDOUT_FILENO)).report(report.diagnostics, files: report.files), terminator: "")
            }
        case .json: print(JSONReporter().report(report), terminator: "")
        case .sarif: print(SARIFReporter().report(report), terminator: "")
        case .github: print(GitHubReporter().report(report), terminator: "")
        }
        if !report.failures.isEmpty {
            FileHandle.standardError.write(Data(TextReporter(colour: Self.colour(on: STDERR_FILENO)).report(failures: report.failures, files: report.files).utf8))
            throw Outcome.failure.exitCode
        }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { throw Outcome.findings.exitCode }
    }
}
