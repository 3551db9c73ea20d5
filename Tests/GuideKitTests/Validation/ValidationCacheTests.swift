import Foundation
@testable import GuideKit
import Testing

/// `guidegen validate` reports the findings of its last run when no input changed, and runs in
/// full after any change of bytes (never judged by dates).
@Suite struct ValidationCacheTests {
    /// The seed-defects fixture (findings with fixes, in several files) copied to `Content/`.
    private func seedDefects() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.fixture("seed-defects"), as: "Content")
        return directory
    }

    private func entryURL(in directory: TemporaryDirectory, output: String? = nil) -> URL {
        // Named by the folders' absolute paths: the command runs in `directory`.
        ValidationCache.location(content: directory.url.appendingPathComponent("Content").path, output: output.map { directory.url.appendingPathComponent($0).path },
                                 cache: directory.url.appendingPathComponent(".guidegen-cache"))
    }

    /// Replaces every stored message, keeping the inputs: what the next run prints tells
    /// whether it used the entry.
    private func tamper(_ url: URL) throws {
        var entry = try #require(ValidationCache.load(from: url))
        #expect(!entry.diagnostics.isEmpty)
        for index in entry.diagnostics.indices { entry.diagnostics[index].message = "stored finding" }
        entry.save(to: url)
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func aRunOnUnchangedFilesPrintsWhatAFullRunPrints(format: String) throws {
        let directory = try seedDefects()
        let full = try runGuidegen(["validate", "--no-cache", "--format", format], in: directory.url)
        let first = try runGuidegen(["validate", "--format", format], in: directory.url)
        let again = try runGuidegen(["validate", "--format", format], in: directory.url)
        #expect(full.status == 1 && first.status == 1 && again.status == 1)
        #expect(first.stdout == full.stdout)
        #expect(again.stdout == full.stdout)
        #expect(ValidationCache.load(from: entryURL(in: directory)) != nil)
    }

    @Test func anUnchangedRunReportsTheStoredFindingsWithoutChecking() throws {
        let directory = try seedDefects()
        _ = try runGuidegen(["validate"], in: directory.url)
        try tamper(entryURL(in: directory))
        let replayed = try runGuidegen(["validate"], in: directory.url)
        #expect(replayed.stdout.contains("error: stored finding [https-only]"), "\(replayed.stdout)")
        // The source line and the caret come from the entry too.
        #expect(replayed.stdout.contains("    url: http://1688.com\n             ^\n"), "\(replayed.stdout)")
        #expect(replayed.status == 1)
    }

    @Test func noCacheNeitherReadsNorWritesTheEntry() throws {
        let directory = try seedDefects()
        let none = try runGuidegen(["validate", "--no-cache"], in: directory.url)
        #expect(none.status == 1)
        #expect(!FileManager.default.fileExists(atPath: entryURL(in: directory).path))
        _ = try runGuidegen(["validate"], in: directory.url)
        try tamper(entryURL(in: directory))
        let stored = try Data(contentsOf: entryURL(in: directory))
        let full = try runGuidegen(["validate", "--no-cache"], in: directory.url)
        #expect(!full.stdout.contains("stored finding"))
        #expect(try Data(contentsOf: entryURL(in: directory)) == stored)
    }

    /// One byte of a section file changes; its size and modification time stay as they were.
    @Test func aChangedByteWithTheSameDateMakesAFullRun() throws {
        let directory = try seedDefects()
        _ = try runGuidegen(["validate"], in: directory.url)
        try tamper(entryURL(in: directory))
        let file = directory.url.appendingPathComponent("Content/sections/alipay-personal-account.yaml")
        let dates = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]
        let bytes = try Data(contentsOf: file)
        let edited = Data(String(decoding: bytes, as: UTF8.self).replacing("Alipay", with: "Alipey", maxReplacements: 1).utf8)
        #expect(edited != bytes && edited.count == bytes.count)
        try edited.write(to: file)
        try FileManager.default.setAttributes([.modificationDate: try #require(dates)], ofItemAtPath: file.path)
        let rerun = try runGuidegen(["validate"], in: directory.url)
        #expect(!rerun.stdout.contains("stored finding"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("[https-only]"))
    }

    /// After a change the section rules check only the sections whose inputs changed: a finding
    /// planted in what was kept for an unchanged section is reported, one for the edited section
    /// is not, and the edited section's own findings are.
    @Test func aRunAfterAChangeChecksOnlyTheSectionsThatChanged() throws {
        let directory = try seedDefects()
        _ = try runGuidegen(["validate"], in: directory.url)
        let url = SectionFindings.location(besidesEntry: entryURL(in: directory))
        var kept = SectionFindings.load(from: url)
        #expect(kept.sources.count == 7 && kept.translations.count == 7)
        for name in ["order-on-1688", "authorise-worldfirst"] {
            let file = "Content/sections/\(name).yaml"
            kept.sources[file]?.findings.append(Diagnostic(id: "english-text", severity: .warning, message: "planted in \(name)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        kept.save(to: url)
        let file = directory.url.appendingPathComponent("Content/sections/authorise-worldfirst.yaml")
        try Data(String(decoding: try Data(contentsOf: file), as: UTF8.self).replacing("WorldFirst", with: "WorldFirst ", maxReplacements: 1).utf8).write(to: file)
        let rerun = try runGuidegen(["validate"], in: directory.url)
        #expect(rerun.stdout.contains("warning: planted in order-on-1688 [english-text]"), "\(rerun.stdout)")
        #expect(!rerun.stdout.contains("planted in authorise-worldfirst"))
        #expect(rerun.stdout.contains("but this is step 4A.3"), "the edited section's typed step number")
        let full = try runGuidegen(["validate", "--no-cache"], in: directory.url)
        #expect(!full.stdout.contains("planted"))
        #expect(full.stdout.hasSuffix("7 errors, 4 warnings, 0 notes\n") && rerun.stdout.hasSuffix("7 errors, 5 warnings, 0 notes\n"))
    }

    /// A file edited while the rules run: the findings are not kept, since they belong to neither
    /// version for sure, so the next run is a full one (a debug-build hook pauses the run).
    @Test func findingsAreNotKeptWhenAnInputChangedDuringTheRun() async throws {
        let directory = try seedDefects()
        let marker = directory.url.appendingPathComponent("paused").path
        let started = try StartedProcess(guidegenExecutable, ["validate"], in: directory.url, environment: ["NO_COLOR": "1", "GUIDEGEN_TEST_PAUSE_AFTER_CHECKING": marker])
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let links = directory.url.appendingPathComponent("Content/links.yaml")
        try Data(String(decoding: try Data(contentsOf: links), as: UTF8.self).replacing("http://1688.com", with: "https://1688.co").utf8).write(to: links)
        try FileManager.default.removeItem(atPath: marker)
        let paused = try await onOwnThread { try started.wait() }
        #expect(paused.stdout.contains("‘http://1688.com’ is not encrypted"), "the run saw the file before the edit")
        #expect(!FileManager.default.fileExists(atPath: entryURL(in: directory).path))
        let next = try runGuidegen(["validate"], in: directory.url)
        #expect(!next.stdout.contains("‘http://1688.com’ is not encrypted"), "\(next.stdout)")
    }

    /// The output folder's links may point into hidden folders, so those count too.
    @Test func aFileAddedToAHiddenFolderOfTheOutputMakesAFullRun() throws {
        let directory = try seedDefects()
        try directory.write("Output/html/tr/index.html", Data("<!doctype html><a href=\"missing.html\">x</a>".utf8))
        _ = try runGuidegen(["validate"], in: directory.url)
        let url = entryURL(in: directory, output: "Output")
        try tamper(url)
        #expect(try runGuidegen(["validate"], in: directory.url).stdout.contains("stored finding"))
        try directory.write("Output/.well-known/security.txt", Data("Contact: mailto:a@example.com\n".utf8))
        #expect(try !runGuidegen(["validate"], in: directory.url).stdout.contains("stored finding"))
    }

    @Test func aRunThatCouldNotStartIsNotKept() throws {
        let directory = try seedDefects()
        try directory.write("Content/guidegen.yaml", Data("rules:\n  no-such-rule: error\n".utf8))
        let result = try runGuidegen(["validate"], in: directory.url)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: entryURL(in: directory).path))
    }

    @Test func anUnreadableEntryMakesAFullRunAndIsReplaced() throws {
        let directory = try seedDefects()
        try directory.write(".guidegen-cache/\(entryURL(in: directory).lastPathComponent)", Data("{ not json".utf8))
        let result = try runGuidegen(["validate"], in: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("7 errors, 4 warnings, 0 notes\n"), "\(result.stdout)")
        #expect(ValidationCache.load(from: entryURL(in: directory))?.diagnostics.count == 11)
    }

    /// A symbolic link to a folder above makes no endless walk; the folder is hashed once.
    @Test func aLinkToAFolderAboveIsWalkedOnce() throws {
        let directory = try seedDefects()
        try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("Content/loop").path, withDestinationPath: "..")
        let files = BuildStamp.files(below: directory.url.appendingPathComponent("Content"))
        #expect(files.contains("sections/\(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("Content/sections").path).sorted()[0])"))
        #expect(files.filter { $0.hasPrefix("loop/") }.allSatisfy { !$0.hasPrefix("loop/Content/") })
        let result = try runGuidegen(["validate"], in: directory.url)
        #expect(result.status == 1)
    }
}
