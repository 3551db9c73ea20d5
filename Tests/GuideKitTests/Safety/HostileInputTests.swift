import Foundation
import GuideKit
import Testing

extension RenderingTests {
    /// Every hostile input in every kind of YAML file guidegen reads (a section, `guide.yaml`,
    /// `links.yaml`, a catalog, a chrome-strings table, `guidegen.yaml`): no crash, no hang, and a
    /// located error in that file, or acceptance where the input is legitimate (a BOM, CRLF).
    @Suite
    struct HostileInputTests {
        enum Hostile: String, CaseIterable, CustomTestStringConvertible, Sendable {
            case invalidUTF8, byteOrderMarkAndCRLF, nulByte, rawControlCharacter, fiftyMegabytes, empty, folder, fifo
            case symlinkOutside, danglingSymlinkOutside, aliasBomb, duplicateKey, binaryTag, customTag
            case nonStringKey, complexKey, numberWhereTextBelongs, deepFlow, deepBlock

            var testDescription: String { rawValue }
        }

        /// What loading must say about the file: nothing (accepted) or an error with this id here.
        enum Expected: Equatable {
            case accepted
            case error(String, line: Int, column: Int)
        }

        /// Writes the hostile version of `input` into a valid project and says what must happen.
        static func apply(_ hostile: Hostile, to input: YAMLInput, in directory: TemporaryDirectory) throws -> Expected {
            let url = directory.url.appendingPathComponent(input.rawValue)
            let valid = input.valid
            let lines = valid.split(separator: "\n", omittingEmptySubsequences: false).count
            func write(_ text: String) throws { try directory.write(input.rawValue, Data(text.utf8)) }
            switch hostile {
            case .invalidUTF8:
                try directory.write(input.rawValue, Data("a: b\nc: d".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
                return .error("invalid-utf8", line: 2, column: 5)
            case .byteOrderMarkAndCRLF:
                try directory.write(input.rawValue, Data([0xEF, 0xBB, 0xBF]) + Data(valid.replacingOccurrences(of: "\n", with: "\r\n").utf8))
                return .accepted
            case .rawControlCharacter:
            // An ANSI escape written raw (not as `\e` in double quotes).
            try write("a: b\nc: \"d\u{1B}[31m\"\n")
            return .error("invalid-character", line: 2, column: 6)
        case .nulByte:
                try write("a: b\nc: d\0e\n")
                return .error("invalid-character", line: 2, column: 5)
            case .fiftyMegabytes:
                // A sparse file: 50 MB by its size, refused before a byte is read.
                try write("")
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: 50 * 1024 * 1024)
                try handle.close()
                return .error("file-too-large", line: 1, column: 1)
            case .empty:
                try write("")
                return input.emptyIsAccepted ? .accepted : .error("empty-file", line: 1, column: 1)
            case .folder:
                try FileManager.default.removeItem(at: url)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                return .error("unreadable-file", line: 1, column: 1)
            case .fifo:
                try FileManager.default.removeItem(at: url)
                #expect(mkfifo(url.path, 0o644) == 0)
                return .error("unreadable-file", line: 1, column: 1)
            case .symlinkOutside, .danglingSymlinkOutside:
                // Beside content/ and templates/, so outside the folder the file belongs to.
                let target = directory.url.appendingPathComponent("outside/secret.yaml")
                if hostile == .symlinkOutside { try directory.write("outside/secret.yaml", Data(valid.utf8)) }
                try FileManager.default.removeItem(at: url)
                try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
                return .error("outside-folder", line: 1, column: 1)
            case .aliasBomb:
                var bomb = valid + "\na0: &a0 [lol]"
                for level in 1...9 { bomb += "\na\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]" }
                try write(bomb)
                return .error("yaml-alias", line: lines + 2, column: 10)
            case .duplicateKey:
                let first = valid.split(separator: "\n").first!
                try write(first + "\n" + valid)
                return .error("duplicate-key", line: 2, column: 1)
            case .binaryTag:
                try write("x: !!binary aGVsbG8=\n" + valid)
                return .error("yaml-tag", line: 1, column: 4)
            case .customTag:
                try write("x: !foo bar\n" + valid)
                return .error("yaml-tag", line: 1, column: 4)
            case .nonStringKey:
                try write("4: x\n" + valid)
                return .error("wrong-type", line: 1, column: 1)
            case .complexKey:
                try write("? [a, b]\n: c\n" + valid)
                return .error("wrong-type", line: 1, column: 3)
            case .numberWhereTextBelongs:
                let (text, line, column) = input.numberWhereTextBelongs
                try write(text)
                return .error("wrong-type", line: line, column: column)
            case .deepFlow:
                try write("x: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n" + valid)
                // libyaml's scanner stops at the first bracket past its own limit, looking ahead.
            return .error("too-deep", line: 1, column: 5)
            case .deepBlock:
                try write("x:\n" + String(repeating: "- ", count: 10_000) + "z\n" + valid)
                return .error("too-deep", line: 2, column: 127)
            }
        }

        @Test func theValidProjectLoadsCleanly() async throws {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            #expect(try await YAMLInput.loadProject(in: directory).isEmpty)
        }

        @Test(arguments: Hostile.allCases, YAMLInput.allCases)
        func hostileInputGetsALocatedErrorOrIsAccepted(hostile: Hostile, input: YAMLInput) async throws {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            let expected = try Self.apply(hostile, to: input, in: directory)
            let started = ContinuousClock.now
            let diagnostics = try await YAMLInput.loadProject(in: directory).about(input.rawValue)
            #expect(ContinuousClock.now - started < .seconds(10))
            switch expected {
            case .accepted:
                #expect(diagnostics.isEmpty, "\(diagnostics)")
            case .error(let id, let line, let column):
                let found = diagnostics.filter { $0.id == id }
                #expect(found.contains { $0.location.line == line && $0.location.column == column && $0.severity == .error },
                        "expected \(id) at \(line):\(column), got \(diagnostics)")
                // A bomb, a deep nesting or a bad file is one finding or a handful, never one per expansion.
                #expect(diagnostics.count <= 20, "\(diagnostics.count) diagnostics")
            }
        }

        /// A real 50 MB file (not sparse) is refused by its size before it is read, quickly.
        @Test func aFiftyMegabyteSectionIsRefusedQuickly() async throws {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            let line = Data("- id: step\n  kind: action\n  text: \"Ziyaret edin ve sonra devam edin\"\n".utf8)
            var data = Data(capacity: 50 * 1024 * 1024 + line.count)
            while data.count < 50 * 1024 * 1024 { data.append(line) }
            try directory.write(YAMLInput.section.rawValue, data)
            let started = ContinuousClock.now
            let content = directory.url.appendingPathComponent("content").path
            let result = try await onOwnThread { ContentLoader(directory: content).load() }
            #expect(ContinuousClock.now - started < .seconds(10))
            let diagnostic = try #require(result.diagnostics.first { $0.id == "file-too-large" })
            #expect(diagnostic.location.file.hasSuffix("sections/first.yaml"))
            #expect(diagnostic.message.contains("\(data.count) bytes"))
        }

        /// chmod 000 stops reads for anyone but root.
        @Test(.enabled(if: !runsAsRoot, "root reads any file; the test below runs guidegen as another user"))
        func anUnreadableFileIsAnError() async throws {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            let url = directory.url.appendingPathComponent(YAMLInput.section.rawValue)
            #expect(chmod(url.path, 0) == 0)
            defer { chmod(url.path, 0o644) }
            let diagnostic = try #require(try await YAMLInput.loadProject(in: directory).about(YAMLInput.section.rawValue).first)
            #expect(diagnostic.id == "unreadable-file")
            #expect(diagnostic.message.contains("check its permissions"))
        }

        /// As root, permissions do not stop reads: run the real `guidegen validate` as `nobody`
        /// (setpriv drops to that user), for whom chmod 000 does.
        @Test(.enabled(if: runsAsRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run guidegen as another user"))
        func anUnreadableFileIsAnErrorForAnotherUser() async throws {
            let directory = try TemporaryDirectory()
            try YAMLInput.writeProject(in: directory)
            let url = directory.url.appendingPathComponent(YAMLInput.section.rawValue)
            #expect(chmod(url.path, 0) == 0)
            let content = directory.url.appendingPathComponent("content").path
            let folder = directory.url
            let result = try await onOwnThread {
                try runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                               ["--reuid=65534", "--regid=65534", "--clear-groups", guidegenExecutable.path, "validate", "--content", content, "--format", "json"],
                               in: folder)
            }
            #expect(result.stdout.contains(#""ruleId" : "unreadable-file""#) || result.stdout.contains(#""id" : "unreadable-file""#), "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("sections/first.yaml"))
            #expect(result.status == 2 || result.status == 1, "\(result.status)")
        }
    }
}
