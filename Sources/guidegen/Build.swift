import ArgumentParser
import Foundation
import GuideKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the guide into HTML pages, Markdown pages and printable checklists, for every locale.",
        discussion: """
            Renders every file and writes each one whose bytes changed to a temporary file beside \
            its target; on any error those are removed and nothing is changed. Then moves them \
            into place and removes files guidegen wrote that the content no longer \
            produces (tracked in OUTPUT/.guidegen-manifest); files it did not write are never touched.

            Cache (.guidegen-cache/ of the current folder): a build whose inputs did not change \
            since the last build into the same folder is skipped; a build into a folder built \
            before keeps section files and catalogs as parsed, so the next build after a change \
            parses only the files that changed (a first build keeps none). Inputs are compared \
            by their bytes, never by dates; --no-cache uses none of it.

            \(ExitCode.documentation)
            """
    )

    @OptionGroup var options: ContentOptions

    @OptionGroup var templateOptions: TemplateOptions

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

    @Flag(name: .long, help: "Use nothing kept in .guidegen-cache (the build stamp, the parsed files) and keep nothing there: load, render and compare everything.")
    var noCache = false

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
            throw Failure("no content folder at ‘\(options.content)’: pass --content DIR")
        }
        let templates = try templateOptions.folders()
        let formats = format.isEmpty ? OutputFormat.allCases : Array(Set(format)).sorted()
        try checkFolders(content: options.content, templates: templates.layers)

        let threads = Self.threads(ProcessInfo.processInfo.environment)

        // Nothing changed since the last build into this folder: skip the rest (see BuildStamp).
        let outputURL = URL(fileURLWithPath: output)
        let stampURL = BuildStamp.location(for: outputURL, cache: URL(fileURLWithPath: Self.cacheFolder))
        var inputs: String?
        var builtBefore = false
        if !check && !noCache {
            // Lists joined by NUL, which no argument holds (an array's `description` would go
            // through reflection: 2 % of a small build; `joined`, not specialised, makes the
            // runtime search its conformance records once).
            func list(_ items: [String]) -> String {
                var text = ""
                for (index, item) in items.enumerated() { text += index == 0 ? item : "\u{0}" + item }
                return text
            }
            let settings = [guidegenVersion, BuildStamp.executableIdentity, "content \(options.content)", "templates \(list(templates.layers.map(\.url.path)))",
                            "locales \(list(Set(locale).sorted()))", "formats \(list(formats.map(\.rawValue)))", "page \(pageLength ?? 0)", "strict \(strictL10n)"]
            let folders = [URL(fileURLWithPath: options.content)] + templates.layers.map(\.url)
            let digest = BuildStamp.digest(settings: settings, folders: folders, threads: threads)
            let stamp = BuildStamp.load(from: stampURL)
            if let stamp, stamp.inputs == digest, stamp.outputsUnchanged(in: outputURL, threads: threads) {
                print(stamp.summary + " in \(Self.seconds(since: started)) s")
                return
            }
            inputs = digest
            builtBefore = stamp != nil
        }

        var loader = SiteLoader(contentDirectory: options.content, templates: templates, formats: formats, threads: threads)
        // Files parsed here are kept for the next build only when this folder was built before
        // (a preview rebuilt on every save), not on a first build such as CI's.
        loader.cache = noCache ? nil : Self.parsedCache(keepingNewEntries: builtBefore)
        let loaded = loader.load()
        guard let renderer = loaded.renderer else { throw report(loaded.diagnostics, files: loaded.files) }

        let available = renderer.allLocales.map(\.tag)
        for requested in locale where !available.contains(requested) {
            throw Failure("no locale ‘\(requested)’ in the content: use one of \(available.joined(separator: ", "))")
        }
        let options = SiteRenderer.Options(locales: locale.isEmpty ? nil : Array(Set(locale)), formats: formats, pageLength: pageLength, strictL10n: strictL10n, threads: threads)

        var writer = OutputWriter(directory: URL(fileURLWithPath: output), display: output)
        writer.threads = threads
        let site: Rendered<Result<StagedFile, Error>>
        let staged: [StagedFile]
        let plan: WritePlan
        // Rendered, compared and staged under the lock, so the plan sees what the build before
        // this one left; each file goes to its temporary file as soon as it renders.
        let lock: OutputLock?
        do {
            lock = try writer.lock(exclusive: !check) {
                FileHandle.standardError.write(Data("guidegen: another guidegen build is writing \(output); waiting for it to finish\n".utf8))
            }
        } catch let error as OutputError {
            throw Failure(error.message)
        }
        defer { withExtendedLifetime(lock) {} }
        #if DEBUG
        Self.applyTestHooks(to: &writer)
        #endif
        var staging: OutputStaging?
        do {
            let stage = try writer.staging(writing: !check)
            staging = stage
            site = renderer.render(options) { file in Result { try stage.stage(file) } }
            if site.hasErrors { throw report(loaded.diagnostics + site.diagnostics, files: loaded.files) }
            staged = try site.files.map { try $0.get() }
            plan = try stage.plan(staged, roots: site.roots)
            // The content, catalogs and parsed texts are not needed any more: freeing them took
            // the last tenth of a large build on one thread, and on another it took a processor
            // from the writing. This process keeps them until it exits (`GuideGen.main`).
            Parallel.release((consume loaded, consume renderer))
            if check {
                for change in plan.changes { print("would be \(change.change.rawValue): \(output)/\(change.path)") }
            } else {
                BuildStamp.remove(at: stampURL)
                try writer.apply(plan)
            }
        } catch {
            // `apply` puts back what it changed; what was staged before it goes here.
            staging?.discard()
            lock?.removeWhatItCreated()
            if let error = error as? OutputError { throw Failure(error.message) }
            throw error
        }
        let seconds = Self.seconds(since: started)
        let counts = check
            ? "\(plan.writes.count + (plan.manifestChanged ? 1 : 0)) to write, \(plan.unchanged.count) unchanged, \(plan.removals.count) to remove"
            : "\(plan.writes.count) written, \(plan.unchanged.count) unchanged, \(plan.removals.count) removed"
        let fallbacks = site.fallbacks.isEmpty ? "" : ", \(site.fallbacks.count) \(site.fallbacks.count == 1 ? "string" : "strings") in the source language"
        let headline = "guidegen build\(check ? " --check" : ""): \(site.locales.count) \(site.locales.count == 1 ? "locale" : "locales") (\(site.locales.joined(separator: ", "))), "
            + "\(site.formats.count) \(site.formats.count == 1 ? "format" : "formats") (\(site.formats.map(\.rawValue).joined(separator: ", "))): "
        print("\(headline)\(counts)\(fallbacks) in \(seconds) s")
        if let inputs {
            // What the folder holds now, for the next build to compare with.
            let outputs = staged.map(\.output)
                + [BuildStamp.Output(path: OutputWriter.manifestName, bytes: Data(plan.manifest.utf8))]
            var stamp = BuildStamp(inputs: inputs, outputs: outputs, summary: "\(headline)0 written, \(staged.count) unchanged, 0 removed\(fallbacks)")
            // The clock's time first, then the files: a file changed in that tick is read next time.
            stamp.recordIdentities(in: outputURL, now: lock?.touch(), threads: threads)
            stamp.save(to: stampURL)
            Parallel.release(consume stamp)
        }
        let unwritten = check && !plan.isEmpty
        // What the build made goes the way of the content: 1.5–2 ms of freeing at S=1000, on one
        // thread after the stamp.
        Parallel.release((consume site, consume staged, consume plan))
        if unwritten { throw Outcome.findings.exitCode }
    }

    /// Where build stamps are kept, beside the link cache (relative to the current folder).
    static let cacheFolder = ".guidegen-cache"

    /// Where section files and catalogs are kept as parsed (see `ParsedFileCache`).
    static func parsedCache(keepingNewEntries: Bool) -> ParsedFileCache {
        ParsedFileCache(folder: URL(fileURLWithPath: cacheFolder).appendingPathComponent("parsed"), keepsNewEntries: keepingNewEntries)
    }

    /// The time since `start` in seconds with two decimals, as the summary line prints it
    /// (written out by hand: `String(format:)` costs about half a million instructions a call).
    static func seconds(since start: Date) -> String {
        let hundredths = max(0, Int((Date().timeIntervalSince(start) * 100).rounded()))
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Threads to load, render and write on: `GUIDEGEN_THREADS` when it is a positive number
    /// (1 runs everything on one thread; the output is the same), else one per processor.
    static func threads(_ environment: [String: String]) -> Int {
        environment["GUIDEGEN_THREADS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? Parallel.defaultThreads
    }

    /// The output folder must not be, contain or lie inside a folder the build reads: writing
    /// there could change or remove its own input.
    private func checkFolders(content: String, templates: [TemplateFolders.Folder]) throws {
        let out = Self.resolved(output)
        let inputs = [(Self.resolved(content), "the content folder ‘\(content)’")] + templates.map { (Self.resolved($0.url.path), "the templates folder ‘\($0.display)’") }
        for (input, name) in inputs where Self.overlap(out, input) {
            throw Failure("the output folder ‘\(output)’ overlaps \(name): write the output to a folder of its own (--output DIR)")
        }
    }

    /// A path made absolute, with symbolic links resolved as far as it exists.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let base = url.resolvingSymlinksInPath().path
        return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.joined(separator: "/")
    }

    static func overlap(_ one: String, _ other: String) -> Bool {
        one == other || one == "/" || other == "/" || one.hasPrefix(other + "/") || other.hasPrefix(one + "/")
    }

    #if DEBUG
    /// Test hooks, honoured only by debug builds: make the writer fail like a full disk after N
    /// files (`GUIDEGEN_TEST_FAIL_AFTER_WRITES`), kill the process after N renames
    /// (`GUIDEGEN_TEST_CRASH_AFTER_RENAMES`), or hold the output lock for a while before planning
    /// (`GUIDEGEN_TEST_HOLD_LOCK_SECONDS`).
    static func applyTestHooks(to writer: inout OutputWriter) {
        let environment = ProcessInfo.processInfo.environment
        writer.faults.failAfterWrites = environment["GUIDEGEN_TEST_FAIL_AFTER_WRITES"].flatMap(Int.init)
        writer.faults.crashAfterRenames = environment["GUIDEGEN_TEST_CRASH_AFTER_RENAMES"].flatMap(Int.init)
        if let seconds = environment["GUIDEGEN_TEST_HOLD_LOCK_SECONDS"].flatMap(Double.init) {
            Thread.sleep(forTimeInterval: seconds)
        }
    }
    #endif

    /// The diagnostics the way `guidegen validate` prints them, for exit code 1.
    private func report(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> Failure {
        let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        return .findings(TextReporter(colour: colour).report(Array(Set(diagnostics)).sorted(), files: files) + "guidegen build: nothing written\n")
    }
}
