import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// `guidegen build` end to end: the real executable on fixture trees in temporary folders.
    @Suite struct BuildCommandTests {
        static let smallContent = Repository.fixture("render-small/content")

        /// Runs `guidegen build` in `directory` (no Templates/ there: the built-in templates only).
        func build(_ arguments: [String], in directory: TemporaryDirectory, content: URL = smallContent) async throws -> CommandResult {
            try await guidegen(["build", "--content", content.path] + arguments, in: directory.url)
        }

        @Test func goldenOutputOfTheSmallGuide() async throws {
            let directory = try TemporaryDirectory()
            let result = try await build([], in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            // The lock file is empty and not guidegen's output (it is not in the manifest).
            var produced = snapshot(of: directory.url.appendingPathComponent("Output"))
            #expect(produced.removeValue(forKey: OutputWriter.lockName) == Data())
            let expectedFolder = Repository.fixture("render-small/expected")
            if ProcessInfo.processInfo.environment["GUIDEGEN_UPDATE_GOLDENS"] == "1" {
                try? FileManager.default.removeItem(at: expectedFolder)
                for (path, data) in produced {
                    let url = expectedFolder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
            }
            let expected = snapshot(of: expectedFolder)
            #expect(produced.keys.sorted() == expected.keys.sorted())
            for path in expected.keys.sorted() where produced[path] != expected[path] {
                Issue.record("\(path) differs from the golden; rerun with GUIDEGEN_UPDATE_GOLDENS=1 and review the diff:\n\(String(decoding: produced[path] ?? Data(), as: UTF8.self))")
            }
            // Every format of both locales is there.
            #expect(produced.keys.contains("html/en/verify-account.html"))
            #expect(produced.keys.contains("markdown/tr/index.md"))
            #expect(produced.keys.contains("checklists/en.txt"))
            #expect(result.stdout.hasPrefix("guidegen build: 2 locales (tr, en), 3 formats (html, markdown, checklist): 16 written, 0 unchanged, 0 removed, 2 strings in the source language in "))
        }

        @Test func twoBuildsWriteTheSameBytesAndTheSecondWritesNothing() async throws {
            let one = try TemporaryDirectory(), two = try TemporaryDirectory()
            let first = try await build([], in: one)
            #expect(first.status == 0)
            #expect(try await build([], in: two).status == 0)
            #expect(snapshot(of: one.url.appendingPathComponent("Output")) == snapshot(of: two.url.appendingPathComponent("Output")))
            let again = try await build([], in: one)
            #expect(again.stdout.contains(": 0 written, 16 unchanged, 0 removed"))
            // Both summaries, the full build's and the one the stamp answers, end with the time
            // in seconds and two decimals.
            let time = try Regex(#" in [0-9]+\.[0-9]{2} s\n$"#)
            for summary in [first.stdout, again.stdout] { #expect(summary.contains(time), "\(summary)") }
        }

        @Test func checkWritesNothingAndExitsOneListingWhatWouldChange() async throws {
            let directory = try TemporaryDirectory()
            let content = try directory.copy(Self.smallContent, as: "content")
            let fresh = try await build(["--check"], in: directory, content: content)
            #expect(fresh.status == 1)
            #expect(fresh.stdout.contains("would be added: Output/html/tr/open-account.html"))
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output").path))

            #expect(try await build([], in: directory, content: content).status == 0)
            let clean = try await build(["--check"], in: directory, content: content)
            #expect(clean.status == 0, "\(clean.stdout)")
            #expect(clean.stdout.contains("0 to write, 16 unchanged, 0 to remove"))

            let section = content.appendingPathComponent("sections/verify-account.yaml")
            let text = try String(contentsOf: section, encoding: .utf8)
            try text.replacingOccurrences(of: "6 haneli kodu girin", with: "6 haneli kodu yazın").write(to: section, atomically: true, encoding: .utf8)
            let before = snapshot(of: directory.url.appendingPathComponent("Output"))
            let stale = try await build(["--check"], in: directory, content: content)
            #expect(stale.status == 1)
            #expect(stale.stdout.contains("would be changed: Output/html/tr/verify-account.html"))
            #expect(stale.stdout.contains("would be changed: Output/checklists/en.txt"))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")) == before)
        }

        @Test func aFailingTemplateLeavesThePreviousOutputByteIdentical() async throws {
            let directory = try TemporaryDirectory()
            #expect(try await build([], in: directory).status == 0)
            try directory.write("Output/html/tr/notes.txt", Data("mine".utf8))
            let before = snapshot(of: directory.url.appendingPathComponent("Output"))
            try directory.write(tree: """
                -- broken/html/article.mustache --
                {{<layout}}
                {{$main}}{{#article}}{{title}}{{/main}}
                {{/layout}}
                """)
            let result = try await build(["--templates", "broken"], in: directory)
            #expect(result.status == 1)
            #expect(result.stdout.hasPrefix("broken/html/article.mustache:2:"))
            #expect(result.stdout.contains("error: this closing tag does not match the section it closes: fix the template [template-syntax]"))
            #expect(result.stdout.hasSuffix("guidegen build: nothing written\n"))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")) == before)
        }

        @Test func contentErrorsAreReportedLikeValidateAndNothingIsWritten() async throws {
            let directory = try TemporaryDirectory()
            let content = try directory.copy(Self.smallContent, as: "content")
            #expect(try await build([], in: directory, content: content).status == 0)
            let before = snapshot(of: directory.url.appendingPathComponent("Output"))
            let section = content.appendingPathComponent("sections/verify-account.yaml")
            let text = try String(contentsOf: section, encoding: .utf8)
            try text.replacingOccurrences(of: "kind: input", with: "kind: imput").write(to: section, atomically: true, encoding: .utf8)
            let result = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(result.status == 1)
            #expect(result.stdout.hasPrefix("content/sections/verify-account.yaml:10:11: error: ‘imput’ is not a valid step kind: did you mean ‘input’? [invalid-value]\n"))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")) == before)
        }

        @Test func filesTheContentNoLongerProducesAreRemovedButNotTheUsers() async throws {
            let directory = try TemporaryDirectory()
            let content = try directory.copy(Self.smallContent, as: "content")
            #expect(try await build([], in: directory, content: content).status == 0)
            try directory.write("Output/html/tr/custom.html", Data("<p>mine</p>".utf8))
            try directory.write("Output/README.txt", Data("mine too".utf8))

            let guide = content.appendingPathComponent("guide.yaml")
            let text = try String(contentsOf: guide, encoding: .utf8)
            try text.replacingOccurrences(of: "  - verify-account\n", with: "").write(to: guide, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: content.appendingPathComponent("sections/verify-account.yaml"))
            let result = try await build([], in: directory, content: content)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("4 removed"))
            let files = snapshot(of: directory.url.appendingPathComponent("Output"))
            #expect(!files.keys.contains { $0.contains("verify-account") })
            #expect(files["html/tr/custom.html"] == Data("<p>mine</p>".utf8))
            #expect(files["Output/README.txt"] == nil && files["README.txt"] == Data("mine too".utf8))
        }

        /// `--no-cache` keeps nothing in .guidegen-cache and trusts nothing there: a second such
        /// build compares every file (no stamp) and both write what a cached build writes.
        @Test func noCacheKeepsNothingAndBuildsTheSameBytes() async throws {
            let cached = try TemporaryDirectory(), uncached = try TemporaryDirectory()
            #expect(try await build([], in: cached).status == 0)
            let kept = try FileManager.default.contentsOfDirectory(atPath: cached.url.appendingPathComponent(".guidegen-cache").path)
            // A first build keeps its stamp, and no parsed files (ParsedFileCacheTests).
            #expect(kept.contains { $0.hasPrefix("build-") } && !kept.contains("parsed"), "\(kept)")
            let first = try await build(["--no-cache"], in: uncached)
            let second = try await build(["--no-cache"], in: uncached)
            #expect(first.status == 0 && second.status == 0)
            #expect(!FileManager.default.fileExists(atPath: uncached.url.appendingPathComponent(".guidegen-cache").path))
            #expect(second.stdout.contains(": 0 written, 16 unchanged, 0 removed"), "\(second.stdout)")
            #expect(snapshot(of: cached.url.appendingPathComponent("Output")) == snapshot(of: uncached.url.appendingPathComponent("Output")))
        }

        @Test func aBuildOfOneLocaleAndFormatLeavesTheOthers() async throws {
            let directory = try TemporaryDirectory()
            #expect(try await build([], in: directory).status == 0)
            let result = try await build(["--locale", "en", "--format", "checklist"], in: directory)
            #expect(result.stdout.hasPrefix("guidegen build: 1 locale (en), 1 format (checklist): 0 written, 1 unchanged, 0 removed"))
            #expect(snapshot(of: directory.url.appendingPathComponent("Output")).keys.filter { $0 != OutputWriter.lockName }.count == 17)
        }

        @Test func strictL10nFailsOnFallbacks() async throws {
            let directory = try TemporaryDirectory()
            let result = try await build(["--strict-l10n"], in: directory)
            #expect(result.status == 1)
            #expect(result.stdout.contains("error: the ‘en’ translation of ‘verify-account.steps.open-settings.text’ was made from an older source text"))
            #expect(result.stdout.contains("[missing-translation]"))
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output").path))
        }

        @Test(arguments: [["--locale", "fr"], ["--format", "pdf"], ["--page-length", "3"], ["--templates", "nowhere"]])
        func badArgumentsCannotRun(arguments: [String]) async throws {
            let directory = try TemporaryDirectory()
            let result = try await build(arguments, in: directory)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("Output").path))
        }

        @Test func pageLengthInsertsFormFeedsBeforeSections() async throws {
            let directory = try TemporaryDirectory()
            let result = try await guidegen(["build", "--content", Repository.content.path, "--format", "checklist", "--locale", "tr", "--page-length", "40"], in: directory.url)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: directory.url.appendingPathComponent("Output/checklists/tr.txt"), encoding: .utf8)
            let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            #expect(pages.count > 1)
            for page in pages.dropFirst() {
                #expect(page.hasPrefix("Bölüm ") || page.hasPrefix("Destek:"))
            }
        }
    }
}
