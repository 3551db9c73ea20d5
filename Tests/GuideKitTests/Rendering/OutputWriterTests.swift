import Foundation
import GuideKit
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

        @Test func leavesNoTemporaryFilesBehind() throws {
            let directory = try TemporaryDirectory()
            let writer = writer(directory)
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "a")], roots: roots))
            try writer.apply(try writer.plan([OutputFile(path: "html/tr/a.html", text: "b")], roots: roots))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")).keys.sorted() == [".guidegen-manifest", "html/tr/a.html"])
        }
    }
}
