import ArgumentParser
import Foundation
import GuideKit

extension OutputFormat: ExpressibleByArgument {}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the guide into HTML pages, Markdown pages and printable checklists, for every locale.",
        discussion: """
            Renders everything in memory first; on any error nothing is written. Then writes only \
            files whose bytes changed and removes files guidegen wrote that the content no longer \
            produces (tracked in OUTPUT/.guidegen-manifest); files it did not write are never touched.

            \(ExitCode.documentation)
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A folder of templates overlaid file by file on the built-in ones (default: Templates, if it exists).", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .long, help: ArgumentHelp("Render only this locale (repeatable; default: the source locale and every catalog).", valueName: "locale"))
    var locale: [String] = []

    @Option(name: .long, help: ArgumentHelp("Render only this format (repeatable; default: all).", valueName: "format"))
    var format: [OutputFormat] = []

    @Flag(name: .long, help: "Write nothing; exit 1 and list the files that would change.")
    var check = false

    @Flag(name: .long, help: "Make every string shown in the source language instead of the page's an error.")
    var strictL10n = false

    @Option(name: .long, help: ArgumentHelp("Lines per printed page of the checklists: a section that does not fit on the rest of a page starts the next one (form feed).", valueName: "n"))
    var pageLength: Int?

    func validate() throws {
        if let pageLength, pageLength < 10 {
            throw ValidationError("--page-length must be at least 10 lines")
        }
    }

    func run() throws {
        let started = Date()
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: options.content, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("no content folder at ‘\(options.content)’: pass --content DIR")
        }
        let builtin = TemplateFolders.repositoryTemplates
        guard fileManager.fileExists(atPath: builtin.url.appendingPathComponent("html").path) else {
            fail("the built-in templates are missing (\(builtin.display)/ of the guidegen checkout): restore them")
        }
        var user: TemplateFolders.Folder?
        if let templates {
            guard fileManager.fileExists(atPath: templates, isDirectory: &isDirectory), isDirectory.boolValue else {
                fail("no templates folder at ‘\(templates)’: pass --templates DIR")
            }
            user = TemplateFolders.Folder(url: URL(fileURLWithPath: templates), display: templates)
        } else if fileManager.fileExists(atPath: "Templates", isDirectory: &isDirectory), isDirectory.boolValue {
            user = TemplateFolders.Folder(url: URL(fileURLWithPath: "Templates"), display: "Templates")
        }
        let formats = format.isEmpty ? OutputFormat.allCases : Array(Set(format)).sorted()

        let threads = Self.threads(ProcessInfo.processInfo.environment)

        // Nothing changed since the last build into this folder: skip the rest (see BuildStamp).
        let outputURL = URL(fileURLWithPath: output)
        let stampURL = BuildStamp.location(for: outputURL, cache: URL(fileURLWithPath: Self.cacheFolder))
        var inputs: String?
        if !check {
            let settings = [guidegenVersion, BuildStamp.executableIdentity, "content \(options.content)", "templates \(user?.url.path ?? "-") \(builtin.url.path)",
                            "locales \(Set(locale).sorted())", "formats \(formats)", "page \(pageLength ?? 0)", "strict \(strictL10n)"]
            let folders = [URL(fileURLWithPath: options.content), builtin.url] + (user.map { [$0.url] } ?? [])
            let digest = BuildStamp.digest(settings: settings, folders: folders, threads: threads)
            if let stamp = BuildStamp.load(from: stampURL), stamp.inputs == digest, stamp.outputsUnchanged(in: outputURL, threads: threads) {
                print(stamp.summary + " in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
                return
            }
            inputs = digest
        }

        let loaded = SiteLoader(contentDirectory: options.content, templates: TemplateFolders(builtin: builtin, user: user), formats: formats, threads: threads).load()
        guard let renderer = loaded.renderer else { report(loaded.diagnostics, files: loaded.files) }

        let available = renderer.allLocales.map(\.tag)
        for requested in locale where !available.contains(requested) {
            fail("no locale ‘\(requested)’ in the content: use one of \(available.joined(separator: ", "))")
        }
        let site = renderer.render(SiteRenderer.Options(locales: locale.isEmpty ? nil : Array(Set(locale)), formats: formats, pageLength: pageLength, strictL10n: strictL10n,
                                                        threads: threads))
        if site.hasErrors { report(loaded.diagnostics + site.diagnostics, files: loaded.files) }

        var writer = OutputWriter(directory: URL(fileURLWithPath: output), display: output)
        writer.threads = threads
        let plan: WritePlan
        do {
            plan = try writer.plan(site.files, roots: site.roots)
            if check {
                for change in plan.changes { print("would be \(change.change.rawValue): \(output)/\(change.path)") }
            } else {
                BuildStamp.remove(at: stampURL)
                try writer.apply(plan)
            }
        } catch let error as OutputError {
            fail(error.message)
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let counts = check
            ? "\(plan.writes.count + (plan.manifestChanged ? 1 : 0)) to write, \(plan.unchanged.count) unchanged, \(plan.removals.count) to remove"
            : "\(plan.writes.count) written, \(plan.unchanged.count) unchanged, \(plan.removals.count) removed"
        let fallbacks = site.fallbacks.isEmpty ? "" : ", \(site.fallbacks.count) \(site.fallbacks.count == 1 ? "string" : "strings") in the source language"
        let headline = "guidegen build\(check ? " --check" : ""): \(site.locales.count) \(site.locales.count == 1 ? "locale" : "locales") (\(site.locales.joined(separator: ", "))), "
            + "\(site.formats.count) \(site.formats.count == 1 ? "format" : "formats") (\(site.formats.map(\.rawValue).joined(separator: ", "))): "
        print("\(headline)\(counts)\(fallbacks) in \(seconds) s")
        if let inputs {
            // What the folder holds now, for the next build to compare with.
            let outputs = site.files.map { BuildStamp.Output(path: $0.path, bytes: $0.bytes) }
                + [BuildStamp.Output(path: OutputWriter.manifestName, bytes: Data(plan.manifest.utf8))]
            BuildStamp(inputs: inputs, outputs: outputs, summary: "\(headline)0 written, \(site.files.count) unchanged, 0 removed\(fallbacks)").save(to: stampURL)
        }
        if check, !plan.isEmpty { throw Outcome.findings.exitCode }
    }

    /// Where build stamps are kept, beside the link cache (relative to the current folder).
    static let cacheFolder = ".guidegen-cache"

    /// Threads to load, render and write on: `GUIDEGEN_THREADS` when it is a positive number
    /// (1 runs everything on one thread; the output is the same), else one per processor.
    static func threads(_ environment: [String: String]) -> Int {
        environment["GUIDEGEN_THREADS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? Parallel.defaultThreads
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("guidegen: error: \(message)\n".utf8))
        Foundation.exit(Outcome.failure.rawValue)
    }

    /// Prints diagnostics the way `guidegen validate` does, then exits 1.
    private func report(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> Never {
        let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        print(TextReporter(colour: colour).report(Array(Set(diagnostics)).sorted(), files: files), terminator: "")
        print("guidegen build: nothing written")
        Foundation.exit(Outcome.findings.rawValue)
    }
}
