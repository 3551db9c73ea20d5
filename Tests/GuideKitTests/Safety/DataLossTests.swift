import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    /// A failed, interrupted or concurrent build never loses or mixes up the output: a failure
    /// leaves `Output/` byte-identical, a kill leaves every file old or new and the next build
    /// repairs it, and two builds at once take turns.
    @Suite struct DataLossTests {
        static let smallContent = Repository.fixture("render-small/content")

        /// The output without the lock file, which is empty and not part of what a build produces.
        func output(_ directory: TemporaryDirectory, _ name: String = "Output") -> [String: Data] {
            snapshot(of: directory.url.appendingPathComponent(name)).filter { $0.key != OutputWriter.lockName }
        }

        /// A copy of the small guide in `content/`, changed so that a build after the first one
        /// changes files, adds one section's pages and removes another's.
        func changedContent(_ directory: TemporaryDirectory, variant: String, from old: String = "open-account", folder: String = "content") throws {
            let content = directory.url.appendingPathComponent(folder)
            let new = "open-\(variant)"
            let section = content.appendingPathComponent("sections/\(old).yaml")
            try FileManager.default.moveItem(at: section, to: content.appendingPathComponent("sections/\(new).yaml"))
            var files = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("sections").path).map { "sections/\($0)" }
            files += ["guide.yaml"] + ((try? FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("locales").path)) ?? []).map { "locales/\($0)" }
            for name in files {
                let file = content.appendingPathComponent(name)
                var text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: old, with: new)
                if name == "guide.yaml" { text = "title: \(variant) " + text.dropFirst("title: ".count) }
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        }

        /// A folder with a built copy of the small guide whose content then changed (see
        /// `changedContent`), and the output as that first build left it.
        func builtThenChanged() async throws -> (directory: TemporaryDirectory, before: [String: Data]) {
            let directory = try TemporaryDirectory()
            _ = try directory.copy(Self.smallContent, as: "content")
            #expect(try await guidegen(["build", "--content", "content"], in: directory.url).status == 0)
            let before = output(directory)
            try changedContent(directory, variant: "x")
            return (directory, before)
        }

        /// What a clean build of `content` in a fresh folder writes.
        func reference(of content: URL) async throws -> [String: Data] {
            let fresh = try TemporaryDirectory()
            let result = try await guidegen(["build", "--content", content.path], in: fresh.url)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            return output(fresh)
        }

        // MARK: Failed builds

        @Test func aWriterFailingLikeAFullDiskLeavesTheFolderByteIdentical() throws {
            let directory = try TemporaryDirectory()
            var writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
            let roots = ["html/tr/"]
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "html/tr/b.html", text: "b")], roots: roots))
            let before = output(directory)
            writer.faults.failAfterWrites = 2
            let plan = try writer.plan([OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "html/tr/new/c.html", text: "c"),
                                        OutputFile(path: "html/tr/z.html", text: "z")], roots: roots)
            #expect(throws: OutputError.self) { try writer.apply(plan) }
            // No temporary file, no new folder, no change.
            #expect(output(directory) == before)
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output/html/tr/new").path))
        }

        /// When a rename fails half-way, the files renamed before it are put back: a changed
        /// file from the hard link to its old version, or from its bytes where the file system
        /// has no hard links.
        @Test(arguments: [false, true])
        func aFailingRenamePutsTheEarlierFilesBack(noHardLinks: Bool) throws {
            let directory = try TemporaryDirectory()
            var writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
            writer.faults.noHardLinks = noHardLinks
            let roots = ["html/tr/"]
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots))
            let before = output(directory)
            let plan = try writer.plan([OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "html/tr/b.html", text: "b"),
                                        OutputFile(path: "html/tr/c.html", text: "c")], roots: roots)
            // Something takes c.html's place after planning: a folder a file cannot be renamed over.
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("Output/html/tr/c.html/x"), withIntermediateDirectories: true)
            #expect(throws: OutputError.self) { try writer.apply(plan) }
            #expect(output(directory) == before)
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output/\(OutputWriter.journalName)").path))
        }

        /// Files are renamed folder by folder, on several threads: a rename failing in one folder
        /// puts back what was renamed in the others too, and removes their temporary files.
        @Test(arguments: [1, 2, 4])
        func aFailingRenamePutsBackTheFilesOfEveryFolder(threads: Int) throws {
            let directory = try TemporaryDirectory()
            var writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
            writer.threads = threads
            let roots = ["html/tr/", "html/en/", "markdown/tr/"]
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "html/en/a.html", text: "a"),
                                              OutputFile(path: "markdown/tr/a.md", text: "a")], roots: roots))
            let before = output(directory)
            let plan = try writer.plan([OutputFile(path: "html/en/a.html", text: "a2"), OutputFile(path: "html/en/b.html", text: "b"),
                                        OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "html/tr/c.html", text: "c"),
                                        OutputFile(path: "markdown/tr/a.md", text: "a2"), OutputFile(path: "markdown/tr/b.md", text: "b")], roots: roots)
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("Output/html/tr/c.html/x"), withIntermediateDirectories: true)
            #expect {
                try writer.apply(plan)
            } throws: { error in
                "\(error)".contains("cannot move the new html/tr/c.html into place")
            }
            #expect(output(directory) == before)
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output/\(OutputWriter.journalName)").path))
        }

        @Test func aBuildThatRunsOutOfDiskLeavesOutputByteIdentical() async throws {
            let (directory, before) = try await builtThenChanged()
            let result = try await guidegen(["build", "--content", "content"], in: directory.url, environment: ["GUIDEGEN_TEST_FAIL_AFTER_WRITES": "3"])
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("No space left on device"))
            #expect(output(directory) == before)
        }

        /// An error found only while rendering (a fallback under --strict-l10n) comes after other
        /// pages were staged: their temporary files go, and the folder is byte-identical.
        @Test func aContentErrorFoundWhileRenderingLeavesOutputByteIdentical() async throws {
            let (directory, before) = try await builtThenChanged()
            let result = try await guidegen(["build", "--content", "content", "--strict-l10n"], in: directory.url)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasSuffix("guidegen build: nothing written\n"))
            #expect(output(directory) == before)
        }

        /// A file where guidegen must create a folder stops the build before anything is written.
        @Test func aFileWhereAFolderMustBeLeavesOutputByteIdentical() async throws {
            let directory = try TemporaryDirectory()
            _ = try directory.copy(Self.smallContent, as: "content")
            #expect(try await guidegen(["build", "--content", "content", "--format", "html"], in: directory.url).status == 0)
            try directory.write("Output/markdown", Data("the user's file".utf8))
            let before = output(directory)
            let result = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("Output/markdown is a file, where guidegen needs a folder"), "\(result.stderr)")
            #expect(output(directory) == before)
        }

        // MARK: Killed builds

        /// The real binary killed (SIGKILL) after N renames, at several N: every file is the old or
        /// the new one, and the next build, even of content changed again, repairs everything.
        @Test(arguments: [1, 3, 8])
        func aBuildKilledWhileWritingLeavesOldOrNewFilesAndTheNextBuildRepairsThem(renames: Int) async throws {
            let directory = try TemporaryDirectory()
            _ = try directory.copy(Self.smallContent, as: "content")
            #expect(try await guidegen(["build", "--content", "content"], in: directory.url).status == 0)
            let old = output(directory)
            try changedContent(directory, variant: "x")
            let new = try await reference(of: directory.url.appendingPathComponent("content"))

            let crashed = try await guidegen(["build", "--content", "content"], in: directory.url, environment: ["GUIDEGEN_TEST_CRASH_AFTER_RENAMES": "\(renames)"])
            #expect(crashed.status == SIGKILL, "\(crashed.status) \(crashed.stdout)\(crashed.stderr)")
            let after = output(directory)
            var newFiles = 0
            for (path, bytes) in after {
                let name = (path as NSString).lastPathComponent
                if name.hasSuffix(OutputWriter.temporarySuffix) || name.hasSuffix(OutputWriter.backupSuffix) || path == OutputWriter.journalName { continue }
                #expect(bytes == old[path] || bytes == new[path], "\(path) is neither the old nor the new file")
                if bytes == new[path], bytes != old[path] { newFiles += 1 }
            }
            #expect(newFiles == renames, "\(newFiles) new files after \(renames) renames")
            for path in old.keys where after[path] == nil {
                Issue.record("\(path) was lost")
            }

            // `--check` sees the leftovers: the output is not what the content produces yet.
            let check = try await guidegen(["build", "--check", "--content", "content"], in: directory.url)
            #expect(check.status == 1)
            #expect(check.stdout.contains("would be removed: Output/\(OutputWriter.journalName)"), "\(check.stdout)")

            // The content changes again before the next build: files the killed build added must
            // still be known as guidegen's (its journal says so), not refused as the user's.
            try changedContent(directory, variant: "y", from: "open-x")
            let repaired = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
            #expect(output(directory) == (try await reference(of: directory.url.appendingPathComponent("content"))))
        }

        /// A first build stages each new folder whole and renames it into place; killed after the
        /// first of those renames, it leaves one folder in place (its files in the journal) and
        /// the others staged. The next build adopts the one and removes the others.
        @Test func aFirstBuildKilledBetweenItsFolderRenamesIsRepairedByTheNext() async throws {
            let directory = try TemporaryDirectory()
            _ = try directory.copy(Self.smallContent, as: "content")
            let crashed = try await guidegen(["build", "--content", "content"], in: directory.url, environment: ["GUIDEGEN_TEST_CRASH_AFTER_RENAMES": "1"])
            #expect(crashed.status == SIGKILL, "\(crashed.status) \(crashed.stdout)\(crashed.stderr)")
            let left = output(directory)
            #expect(left.keys.contains(OutputWriter.journalName))
            #expect(left.keys.contains { $0.hasPrefix(".") && $0.contains(OutputWriter.temporarySuffix + "/") }, "the folders not yet renamed are still staged: \(left.keys.sorted())")
            let repaired = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
            #expect(output(directory) == (try await reference(of: directory.url.appendingPathComponent("content"))))
        }

        /// A build killed after some renames leaves the old versions of the files it changed
        /// (`.<name>.guidegen-old`); the next build of the same content, which has nothing left
        /// to change in those files, removes them.
        @Test func theOldVersionsAKilledBuildLeavesAreRemovedByTheNextBuild() async throws {
            let (directory, _) = try await builtThenChanged()
            let crashed = try await guidegen(["build", "--content", "content"], in: directory.url, environment: ["GUIDEGEN_TEST_CRASH_AFTER_RENAMES": "3"])
            #expect(crashed.status == SIGKILL, "\(crashed.status) \(crashed.stdout)\(crashed.stderr)")
            #expect(output(directory).keys.contains { $0.hasSuffix(OutputWriter.backupSuffix) }, "the killed build left old versions")
            let repaired = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
            #expect(output(directory) == (try await reference(of: directory.url.appendingPathComponent("content"))))
        }

        // MARK: Concurrent builds

        /// Starts `guidegen build` without waiting for it.
        func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> StartedProcess {
            try StartedProcess(guidegenExecutable, arguments, in: directory, environment: environment.merging(["NO_COLOR": "1"]) { $1 })
        }

        func finish(_ started: StartedProcess) async throws -> CommandResult {
            try await onOwnThread { try started.wait() }
        }

        /// Whether another process holds the lock file's lock now.
        func lockIsHeld(_ url: URL) -> Bool {
            let descriptor = open(url.path, O_RDONLY)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
                flock(descriptor, LOCK_UN)
                return false
            }
            return true
        }

        /// The first build holds the lock (a test hook keeps it a while); the second, of other
        /// content, waits with a message, then writes. The result is the second build's output,
        /// whole: nothing of the first is left that the second does not produce.
        @Test func aSecondBuildWaitsForTheFirstAndTheOutputIsWhole() async throws {
            let directory = try TemporaryDirectory()
            let first = try directory.copy(Self.smallContent, as: "first")
            let second = try directory.copy(Self.smallContent, as: "second")
            try changedContent(directory, variant: "x", folder: "second")
            let a = try start(["build", "--content", first.path], in: directory.url, environment: ["GUIDEGEN_TEST_HOLD_LOCK_SECONDS": "2"])
            let lock = directory.url.appendingPathComponent("Output/\(OutputWriter.lockName)")
            let deadline = ContinuousClock.now + .seconds(30)
            while !lockIsHeld(lock), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(lockIsHeld(lock), "the first build never took the lock")
            let b = try start(["build", "--content", second.path], in: directory.url)
            let resultB = try await finish(b)
            let resultA = try await finish(a)
            #expect(resultA.status == 0, "\(resultA.stdout)\(resultA.stderr)")
            #expect(resultB.status == 0, "\(resultB.stdout)\(resultB.stderr)")
            #expect(resultB.stderr.contains("another guidegen build is writing Output; waiting for it to finish"), "\(resultB.stderr)")
            #expect(output(directory) == (try await reference(of: second)))
        }

        /// A build that wrote nothing removes the lock file it created while another waits for
        /// it: the waiting one then locks the new lock file, not the removed one (which would
        /// let a third build in beside it).
        @Test func aWaitingBuildLocksTheLockFileThatIsThere() throws {
            let directory = try TemporaryDirectory()
            let writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
            var first = try writer.lock(exclusive: true)
            let waiting = DispatchSemaphore(value: 0)
            let locked = DispatchSemaphore(value: 0)
            final class Holder: @unchecked Sendable { var lock: OutputLock? }
            let second = Holder()
            Thread.detachNewThread {
                second.lock = try? writer.lock(exclusive: true) { waiting.signal() }
                locked.signal()
            }
            #expect(waiting.wait(timeout: .now() + 30) == .success)
            first?.removeWhatItCreated()
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output").path))
            first = nil
            #expect(locked.wait(timeout: .now() + 30) == .success)
            #expect(second.lock != nil)
            #expect(lockIsHeld(directory.url.appendingPathComponent("Output/\(OutputWriter.lockName)")))
        }

        /// Two builds of the same content started together both succeed and write it once.
        @Test func twoBuildsStartedTogetherBothSucceed() async throws {
            let directory = try TemporaryDirectory()
            let a = try start(["build", "--content", Self.smallContent.path], in: directory.url)
            let b = try start(["build", "--content", Self.smallContent.path], in: directory.url)
            let results = [try await finish(a), try await finish(b)]
            #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
            #expect(output(directory) == (try await reference(of: Self.smallContent)))
            let written = results.map { $0.stdout.contains(": 16 written, 0 unchanged") }
            #expect(written.filter { $0 }.count == 1, "one build writes, the other finds it done: \(results.map(\.stdout))")
        }
    }
}
