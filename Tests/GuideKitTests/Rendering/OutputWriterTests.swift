import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    @Suite struct OutputWriterTests {
        func writer(_ directory: TemporaryDirectory) -> OutputWriter {
            OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
        }

        let roots = ["html/tr/", "checklists/tr.txt"]

        @Test func writesOnlyWhatChangedAndKeepsAManifest() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            let first = [OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "checklists/tr.txt", text: "c")]
            let plan = try writer.plan(first, roots: roots)
            #expect(plan.changes.map(\.path) == [".guidegen-manifest", "checklists/tr.txt", "html/tr/a.html"])
            #expect(plan.writes.allSatisfy { $0.change == .added })
            try writer.apply(plan)
            #expect(try writer.manifest() == ["checklists/tr.txt", "html/tr/a.html"])

            let again = try writer.plan(first, roots: roots)
            #expect(again.isEmpty)
            #expect(again.unchanged.sorted() == ["checklists/tr.txt", "html/tr/a.html"])

            let changed = try writer.plan([OutputFile(path: "html/tr/a.html", text: "a2"), first[1]], roots: roots)
            #expect(changed.changes.map { "\($0.change) \($0.path)" } == ["changed html/tr/a.html"])
        }

        @Test func removesStaleFilesItWroteAndLeavesTheUsersFilesAlone() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "html/tr/old/b.html", text: "b")], roots: roots))
            try directory.write("Output/html/tr/notes.txt", Data("mine".utf8))

            let plan = try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots)
            #expect(plan.removals == ["html/tr/old/b.html"])
            try writer.apply(plan)
            let files = snapshot(of: directory.url.appendingPathComponent("Output"))
            #expect(files.keys.sorted() == [".guidegen-manifest", "html/tr/a.html", "html/tr/notes.txt"])
            #expect(files["html/tr/notes.txt"] == Data("mine".utf8))
            // The emptied folder went with its last file.
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output/html/tr/old").path))
        }

        @Test func filesOutsideThisBuildsRootsAreKept() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            try writer.apply(try writer.plan([OutputFile(path: "html/en/a.html", text: "en"), OutputFile(path: "html/tr/a.html", text: "tr")], roots: ["html/en/", "html/tr/"]))
            // A build of `tr` only must not remove `en`.
            let plan = try writer.plan([OutputFile(path: "html/tr/a.html", text: "tr")], roots: ["html/tr/"])
            #expect(plan.removals.isEmpty)
            try writer.apply(plan)
            #expect(try writer.manifest() == ["html/en/a.html", "html/tr/a.html"])
        }

        @Test func refusesToOverwriteAFileItDidNotWrite() throws {
            let directory = try TemporaryDirectory()
            try directory.write("Output/html/tr/a.html", Data("the user's".utf8))
            let writer = writer(directory)
            #expect(throws: OutputError.self) { try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots) }
            // The same bytes are adopted: an interrupted build is recognised.
            let plan = try writer.plan([OutputFile(path: "html/tr/a.html", text: "the user's")], roots: roots)
            #expect(plan.writes.isEmpty)
            #expect(plan.manifestChanged)
        }

        @Test func refusesPathsThatLeaveTheFolder() throws {
            let directory = try TemporaryDirectory()
            #expect(throws: OutputError.self) { try writer(directory).plan([OutputFile(path: "../escape.txt", text: "x")], roots: roots) }
            #expect(throws: OutputError.self) { try writer(directory).plan([OutputFile(path: "/etc/x", text: "x")], roots: roots) }
        }

        // MARK: Staging while rendering

        /// Staging writes new and changed files to temporary files only, and new folders whole
        /// under temporary names; discarding it removes them.
        @Test func stagingTouchesNoTargetAndDiscardLeavesTheFolderAsItWas() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots))
            let output = directory.url.appendingPathComponent("Output")
            let before = snapshot(of: output)

            let staging = try writer.staging(writing: true)
            let staged = try [OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "html/tr/new/b.html", text: "b"),
                              OutputFile(path: "checklists/tr.txt", text: "c")].map(staging.stage)
            #expect(staged.map { $0.change?.rawValue ?? "unchanged" } == ["changed", "added", "added"])
            let during = snapshot(of: output)
            #expect(during["html/tr/a.html"] == Data("a".utf8), "the target keeps its bytes until apply")
            #expect(during["html/tr/.a.html.guidegen-tmp"] == Data("a2".utf8))
            #expect(during["html/tr/.new.guidegen-tmp/b.html"] == Data("b".utf8), "a new folder is staged whole")
            #expect(during[".checklists.guidegen-tmp/tr.txt"] == Data("c".utf8))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("html/tr/new").path))

            staging.discard()
            #expect(snapshot(of: output) == before)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("html/tr/new").path))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("checklists").path))
        }

        /// A staged plan leaves the same folder as one planned in memory, also when a temporary
        /// file a killed build left has the name a staged file took (apply must not remove it).
        @Test func aStagedPlanLeavesWhatAPlanInMemoryLeaves() throws {
            let first = [OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "html/tr/old.html", text: "old")]
            let second = [OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "html/tr/b.html", text: "b"), OutputFile(path: "checklists/tr.txt", text: "c")]
            var results: [[String: Data]] = []
            for stagingFirst in [false, true] {
                let directory = try TemporaryDirectory()
                let writer = writer(directory)
                try writer.apply(try writer.plan(first, roots: roots))
                try directory.write("Output/html/tr/.a.html.guidegen-tmp", Data("left by a killed build".utf8))
                if stagingFirst {
                    let staging = try writer.staging(writing: true)
                    let plan = try staging.plan(try second.map(staging.stage), roots: roots)
                    #expect(plan.writes.allSatisfy { $0.bytes == nil }, "everything was staged")
                    try writer.apply(plan)
                } else {
                    try writer.apply(try writer.plan(second, roots: roots))
                }
                results.append(snapshot(of: directory.url.appendingPathComponent("Output")))
            }
            #expect(results[0] == results[1])
            #expect(results[1]["html/tr/a.html"] == Data("a2".utf8))
            #expect(results[1].keys.sorted() == [".guidegen-manifest", "checklists/tr.txt", "html/tr/a.html", "html/tr/b.html"])
        }

        /// Files in a folder the staging made are new without a look at the target (the folder
        /// was empty); in a folder that was there, a file guidegen did not write is still refused.
        @Test func aFolderTheStagingMadeHoldsOnlyNewFiles() throws {
            let directory = try TemporaryDirectory()
            try directory.write("Output/html/tr/a.html", Data("the user's".utf8))
            let staging = try writer(directory).staging(writing: true)
            let staged = try [OutputFile(path: "html/de/a.html", text: "a"), OutputFile(path: "html/de/sub/b.html", text: "b")].map(staging.stage)
            #expect(staged.map(\.change) == [.added, .added])
            #expect(throws: OutputError.self) { try staging.stage(OutputFile(path: "html/tr/a.html", text: "a")) }
            staging.discard()
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")).keys.sorted() == ["html/tr/a.html"])
        }

        /// A first build's folders are built under temporary names, their files under their own
        /// names, and each folder renamed into place once: no file is renamed on its own.
        @Test func aNewFolderIsStagedWholeAndRenamedIntoPlace() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            let output = directory.url.appendingPathComponent("Output")
            try directory.write("Output/html/index.html", Data("the user's".utf8))
            let files = [OutputFile(path: "html/tr/a.html", text: "a"), OutputFile(path: "html/tr/sub/b.html", text: "b"),
                         OutputFile(path: "html/de/a.html", text: "d"), OutputFile(path: "checklists/tr.txt", text: "c")]
            let staging = try writer.staging(writing: true)
            let staged = try files.map(staging.stage)
            #expect(staged.allSatisfy { $0.change == .added && $0.inTree })
            #expect(snapshot(of: output).keys.sorted() == [".checklists.guidegen-tmp/tr.txt", "html/.de.guidegen-tmp/a.html", "html/.tr.guidegen-tmp/a.html",
                                                            "html/.tr.guidegen-tmp/sub/b.html", "html/index.html"])
            try writer.apply(try staging.plan(staged, roots: ["html/", "checklists/tr.txt"]))
            #expect(snapshot(of: output) == [".guidegen-manifest": Data((OutputWriter.manifestHeader + "checklists/tr.txt\nhtml/de/a.html\nhtml/tr/a.html\nhtml/tr/sub/b.html\n").utf8),
                                             "checklists/tr.txt": Data("c".utf8), "html/de/a.html": Data("d".utf8), "html/index.html": Data("the user's".utf8),
                                             "html/tr/a.html": Data("a".utf8), "html/tr/sub/b.html": Data("b".utf8)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [".guidegen-manifest", "checklists", "html"])
        }

        /// A folder someone makes where a staged one goes, while the build runs, is theirs: the
        /// build stops before changing anything, and leaves the folder and nothing of its own.
        @Test func aFolderMadeWhereAStagedOneGoesIsNotReplaced() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            let output = directory.url.appendingPathComponent("Output")
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots))
            let before = snapshot(of: output)
            let staging = try writer.staging(writing: true)
            let staged = try [OutputFile(path: "html/tr/a.html", text: "a2"), OutputFile(path: "checklists/tr.txt", text: "c")].map(staging.stage)
            let plan = try staging.plan(staged, roots: roots)
            try FileManager.default.createDirectory(at: output.appendingPathComponent("checklists"), withIntermediateDirectories: false)
            #expect(throws: OutputError.self) { try writer.apply(plan) }
            #expect(snapshot(of: output) == before, "the changed file was put back")
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("checklists").path).isEmpty, "the folder made meanwhile is still there")
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".checklists.guidegen-tmp").path))
        }

        /// A staged folder a killed build left behind is a leftover like its temporary files: the
        /// next build that stages the same folder replaces it, and one that does not removes it.
        @Test(arguments: ["html", "markdown"])
        func aStagedFolderAKilledBuildLeftIsRemoved(leftover: String) throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            let output = directory.url.appendingPathComponent("Output")
            try directory.write("Output/.\(leftover).guidegen-tmp/tr/old.html", Data("left by a killed build".utf8))
            #expect(try writer.plan([], roots: ["markdown/"]).strays == [".\(leftover).guidegen-tmp"], "a check reports it as one leftover")
            let staging = try writer.staging(writing: true)
            let staged = try [OutputFile(path: "html/tr/a.html", text: "a")].map(staging.stage)
            try writer.apply(try staging.plan(staged, roots: ["html/"]))
            #expect(snapshot(of: output).keys.sorted() == [".guidegen-manifest", "html/tr/a.html"])
        }

        /// The folders above a file are cut at `/` bytes, as the file system cuts them: a folder
        /// name that starts with a combining mark does not hide a symbolic link before it (cut by
        /// characters, `html` + `/` + U+0301 was one name, and the link was followed).
        @Test func aSymbolicLinkBeforeANameThatStartsWithAMarkIsRefused() throws {
            let directory = try TemporaryDirectory()
            let elsewhere = directory.url.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("Output/html").path, withDestinationPath: "../elsewhere")
            let staging = try writer(directory).staging(writing: true)
            #expect(throws: OutputError.self) { try staging.stage(OutputFile(path: "html/\u{301}x/a.html", text: "a")) }
            staging.discard()
            #expect(snapshot(of: elsewhere).isEmpty)
        }

        /// The manifest and the journal list a build's paths merged with the others, when the
        /// build's are in order, and that is the sorted union of them all, as before: random lists
        /// (in order or not, with repeats, paths of both lists, and a path spelled in two
        /// canonically equivalent ways) give what `Set(a).union(b).sorted()` gives.
        @Test func aMergedListIsTheSortedUnion() {
            var random = RenderingTests.PropertyTests.Generator(state: 23)
            let names = ["html/tr/a.html", "html/tr/b.html", "html/de/a.html", "checklists/tr.txt", "markdown/tr/é.md", "markdown/tr/e\u{301}.md", "html/İ.html", "a", "b/c"]
            for _ in 0..<2_000 {
                var first = (0..<random.int(0...6)).map { _ in random.pick(names) }
                if random.chance(70) { first = Array(Set(first)).sorted() }
                let second = (0..<random.int(0...4)).map { _ in random.pick(names) }
                #expect(OutputWriter.sortedUnion(first, second) == Set(first).union(second).sorted(), "\(first) \(second)")
            }
        }

        @Test func leavesNoTemporaryFilesBehind() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots))
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "b")], roots: roots))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")).keys.sorted() == [".guidegen-manifest", "html/tr/a.html"])
        }
    }
}

extension RenderingTests.OutputWriterTests {
    /// A temporary file sits beside its target under the target's whole name, cut at the last
    /// `/` byte: a name that starts with a combining mark (one character with the slash) keeps it,
    /// so `x.png` and U+0301 + `x.png` never share a temporary file.
    @Test(arguments: ["/out/html/tr/a.html", "/out/html/assets/\u{301}x.png", "/out/html/assets/x.png", "/out/a/\u{301}/b"])
    func temporaryFilesKeepTheWholeName(target: String) {
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))!
        let folder = Array(target.utf8[...slash]), name = Array(target.utf8[target.utf8.index(after: slash)...])
        #expect(Array(OutputWriter.temporaryPath(for: target).utf8) == folder + Array(".".utf8) + name + Array(OutputWriter.temporarySuffix.utf8))
    }
}
