import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    /// Names that become paths (section ids, step ids, locales, template names, screenshot files,
    /// the output folder) never read or write outside their folder: each is a located error.
    @Suite struct PathEscapeTests {
        /// Loads a project whose files are the valid ones with `overrides`, as a build does.
        func load(_ overrides: [String: String], media: [String: Data] = [:], links: [(path: String, target: String)] = []) async throws -> (diagnostics: [Diagnostic], directory: TemporaryDirectory) {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            for (path, text) in overrides { try directory.write(path, Data(text.utf8)) }
            for (path, data) in media { try directory.write(path, data) }
            for link in links {
                let url = directory.url.appendingPathComponent(link.path)
                try? FileManager.default.removeItem(at: url)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: link.target)
            }
            let content = directory.url.appendingPathComponent("content").path
            let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"),
                                          user: TemplateFolders.Folder(url: directory.url.appendingPathComponent("templates"), display: "templates"))
            return (try await onOwnThread { SiteLoader(contentDirectory: content, templates: folders).load().diagnostics }, directory)
        }

        func expectError(_ diagnostics: [Diagnostic], id: String, file: String, line: Int, column: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(diagnostics.contains { $0.id == id && $0.location.file.hasSuffix(file) && $0.location.line == line && $0.location.column == column && $0.severity == .error },
                    "expected \(id) at \(file):\(line):\(column), got \(diagnostics)", sourceLocation: sourceLocation)
        }

        @Test(arguments: [("\"../../x\"", "invalid-id"), ("\"/etc/passwd\"", "invalid-id"), ("\"a/b\"", "invalid-id"), ("\"a\\\\b\"", "invalid-id"),
                          ("\"a\\u0000b\"", "invalid-id"), ("con", "reserved-name"), ("nul", "reserved-name"), ("com1", "reserved-name"), ("lpt9", "reserved-name"), ("NUL", "invalid-id")])
        func sectionIDsThatAreNotFileNamesAreErrors(id: String, expected: String) async throws {
            let guide = YAMLInput.guideText.replacingOccurrences(of: "sections: [first]", with: "sections: [first, \(id)]")
            let (diagnostics, _) = try await load(["content/guide.yaml": guide])
            expectError(diagnostics, id: expected, file: "content/guide.yaml", line: 3, column: 19)
        }

        @Test(arguments: ["\"../x\"", "\"a/b\"", "\"/x\"", "\"x\\u0000\""])
        func stepIDsThatLeaveTheirFolderAreErrors(id: String) async throws {
            let section = YAMLInput.section.valid.replacingOccurrences(of: "id: visit", with: "id: \(id)")
            let (diagnostics, _) = try await load([YAMLInput.section.rawValue: section])
            expectError(diagnostics, id: "invalid-id", file: "sections/first.yaml", line: 5, column: 9)
        }

        @Test(arguments: [("\"../../etc\"", "invalid-locale"), ("con", "invalid-locale"), ("\"tr/../x\"", "invalid-locale"), ("\"\"", "invalid-locale")])
        func aSourceLocaleThatIsNotAFolderNameIsAnError(locale: String, expected: String) async throws {
            let guide = YAMLInput.guideText.replacingOccurrences(of: "sourceLocale: tr", with: "sourceLocale: \(locale)")
            let (diagnostics, _) = try await load(["content/guide.yaml": guide])
            expectError(diagnostics, id: expected, file: "content/guide.yaml", line: 2, column: 15)
        }

        /// The catalog's file name and its `locale:` must agree, and be a usable folder name.
        @Test(arguments: [("nul", "nul", "reserved-name"), ("con", "con", "reserved-name"), ("aux", "aux", "reserved-name"),
                          ("x", "\"../x\"", "invalid-locale"), (".", ".", "invalid-locale"), ("en", "\"en/../../x\"", "invalid-locale"), ("en", "fr", "locale-mismatch")])
        func catalogLocalesThatAreNotFolderNamesAreErrors(file: String, locale: String, expected: String) async throws {
            let (diagnostics, _) = try await load(["content/locales/\(file).yaml": "locale: \(locale)\nname: X\nentries: {}"])
            expectError(diagnostics, id: expected, file: "content/locales/\(file).yaml", line: 1, column: 9)
        }

        @Test(arguments: ["../../x", "/etc/passwd", "../layout", "partials/../../../x"])
        func partialsAndParentsOutsideTheTemplatesAreUnknown(name: String) async throws {
            let template = "{{> \(name)}}\n"
            let (diagnostics, _) = try await load(["templates/checklist/footer.mustache": template])
            expectError(diagnostics, id: "unknown-partial", file: "templates/checklist/footer.mustache", line: 1, column: 1)
        }

        @Test func templatesAndAssetsThatLinkOutsideTheirFolderAreErrors() async throws {
            let (diagnostics, directory) = try await load(
                ["outside/evil.mustache": "{{#section}}x{{/section}}", "outside/evil.css": "body{}"],
                links: [(path: "templates/checklist/footer.mustache", target: "../../outside/evil.mustache"),
                        (path: "templates/html/assets/evil.css", target: "../../../outside/evil.css")])
            _ = directory
            expectError(diagnostics, id: "outside-folder", file: "templates/checklist/footer.mustache", line: 1, column: 1)
            expectError(diagnostics, id: "outside-folder", file: "templates/html/assets/evil.css", line: 1, column: 1)
        }

        /// A file is found inside its folder by a walk of `lstat`s when its path is the folder's
        /// and plain names, none a link; anything else is left to `realpath`. The walk never says
        /// inside where `realpath` says outside, and the whole check agrees with it everywhere,
        /// comparing names as bytes, as the file system does (a folder named with a combining
        /// accent is not the one named with the precomposed letter).
        @Test func theWalkWithoutRealpathAgreesWithIt() throws {
            let directory = try TemporaryDirectory()
            try directory.write("root/sections/a.yaml", Data("a".utf8))
            try directory.write("outside/b.yaml", Data("b".utf8))
            // Two folders whose names are canonically equivalent, so equal as strings, but two names.
            try directory.write("caf\u{E9}/a.yaml", Data("a".utf8))
            try directory.write("cafe\u{301}/a.yaml", Data("a".utf8))
            let fileManager = FileManager.default
            let base = directory.url.path
            try fileManager.createSymbolicLink(atPath: base + "/root/inner", withDestinationPath: "sections")
            try fileManager.createSymbolicLink(atPath: base + "/root/away", withDestinationPath: "../outside")
            try fileManager.createSymbolicLink(atPath: base + "/root/sections/b.yaml", withDestinationPath: "../../outside/b.yaml")
            try fileManager.createSymbolicLink(atPath: base + "/root/sections/c.yaml", withDestinationPath: "a.yaml")
            try fileManager.createSymbolicLink(atPath: base + "/link-to-root", withDestinationPath: "root")
            let root = base + "/root"
            #expect(ConfinedFile.realPath(base + "/cafe\u{301}").map { Array($0.utf8).suffix(3).elementsEqual("e\u{301}".utf8) } == true, "the folder keeps its own spelling")
            let cases: [(path: String, root: String, plain: Bool, inside: Bool)] = [
                (root + "/sections/a.yaml", root, true, true),
                (base + "/link-to-root/sections/a.yaml", base + "/link-to-root", true, true),
                (root + "/inner/a.yaml", root, false, true),
                (root + "/sections/c.yaml", root, false, true),
                (root + "/sections/b.yaml", root, false, false),
                (root + "/away/b.yaml", root, false, false),
                (root + "/sections/../../outside/b.yaml", root, false, false),
                (root + "/./sections/a.yaml", root, false, true),
                (root + "//sections/a.yaml", root, false, true),
                (root + "/sections/a.yaml", root + "/", false, true),
                (base + "/outside/b.yaml", root, false, false),
                (root + "-other/x", root, false, false),
                (base + "/cafe\u{301}/a.yaml", base + "/caf\u{E9}", false, false),
                (base + "/caf\u{E9}/a.yaml", base + "/caf\u{E9}", true, true),
            ]
            for item in cases {
                #expect(ConfinedFile.isPlainlyInside(item.path, root: item.root) == item.plain, "\(item.path)")
                // As bytes: as strings, `café` spelled with a combining accent starts with `café`.
                let reference = ConfinedFile.realPath(item.path).map { Array($0.utf8).starts(with: Array((ConfinedFile.realPath(item.root)! + "/").utf8)) } ?? false
                #expect(reference == item.inside, "\(item.path)")
                #expect(ConfinedFile.isInside(item.path, root: item.root) == item.inside, "\(item.path)")
            }
        }

        @Test(arguments: ["../../etc/passwd", "/etc/passwd", "a/../../b.png", "CON.png", "con/x.png", "shot\\u0000.png", "media\\\\..\\\\x.png", "shot.png.", "./shot.png", "a//b.png", ""])
        func screenshotPathsThatLeaveMediaAreErrors(file: String) async throws {
            let section = YAMLInput.section.valid + "\n    screenshot: {file: \"\(file)\", alt: Ekran}"
            let (diagnostics, _) = try await load([YAMLInput.section.rawValue: section])
            expectError(diagnostics, id: "invalid-path", file: "sections/first.yaml", line: 8, column: 24)
        }

        @Test func aScreenshotThatLinksOutsideMediaIsAnErrorAtItsField() async throws {
            let section = YAMLInput.section.valid + "\n    screenshot: {file: shot.png, alt: Ekran}"
            let (diagnostics, _) = try await load([YAMLInput.section.rawValue: section], media: ["outside/secret.png": Data([0x89, 0x50, 0x4E, 0x47])],
                                            links: [(path: "content/media/shot.png", target: "../../outside/secret.png")])
            expectError(diagnostics, id: "outside-folder", file: "sections/first.yaml", line: 8, column: 24)
        }

        @Test(arguments: ["../x.html", "/etc/x", "html/./x.html", "html//x.html", "html/CON.html", "html/nul.txt", "html/x\u{0}.html", "html\\x.html", "html/x.html ", ""])
        func theWriterRefusesPathsThatLeaveTheFolder(path: String) async throws {
            let directory = try TemporaryDirectory()
            let writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
            #expect(throws: OutputError.self) { try writer.plan([OutputFile(path: path, text: "x")], roots: ["html/"]) }
        }

        /// `--output` may not be, contain or lie inside the content or templates folder.
        @Test(arguments: [["--output", "content"], ["--output", "content/out"], ["--output", "."], ["--output", "/"], ["--output", "content/.."],
                          ["--templates", "tpl", "--output", "tpl/out"], ["--templates", "tpl", "--output", "tpl"], ["--output", "link-to-content"],
                          ["--output", Repository.templates.path]])
        func anOutputFolderThatOverlapsAnInputIsRefused(arguments: [String]) async throws {
            let directory = try TemporaryDirectory()
            _ = try directory.copy(Repository.fixture("render-small/content"), as: "content")
            try directory.write("tpl/strings/tr.yaml", Data("contents: İçindekiler".utf8))
            try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("link-to-content").path, withDestinationPath: "content")
            let before = snapshot(of: directory.url)
            let builtin = snapshot(of: Repository.templates)
            let result = try await guidegen(["build", "--content", "content"] + arguments, in: directory.url)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("overlaps"), "\(result.stderr)")
            #expect(snapshot(of: directory.url) == before)
            #expect(snapshot(of: Repository.templates) == builtin)
        }

        /// A symbolic link inside the output folder would lead writes elsewhere.
        @Test func aSymbolicLinkInTheOutputFolderIsNotWrittenThrough() async throws {
            let directory = try TemporaryDirectory()
            let elsewhere = directory.url.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory.url.appendingPathComponent("Output/html").path, withDestinationPath: "../elsewhere")
            let result = try await guidegen(["build", "--content", Repository.fixture("render-small/content").path], in: directory.url)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("Output/html is a symbolic link"), "\(result.stderr)")
            #expect(snapshot(of: elsewhere).isEmpty)
        }
    }
}
