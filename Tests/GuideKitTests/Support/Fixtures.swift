import Foundation
import GuideKit
import Testing

/// Paths of the repository, found from this file so tests never depend on the current directory.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: URL { root.appendingPathComponent("Content") }
    static var templates: URL { root.appendingPathComponent("Templates") }
    static func fixture(_ name: String) -> URL { root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name) }

    /// Every text of the real guide, then every translation of its catalogs.
    static func texts() throws -> [String] {
        let guide = try #require(ContentLoader(directory: content.path).load().guide)
        let catalogs = CatalogLoader(directory: content.path).load().catalogs
        return guide.texts.map(\.value) + catalogs.flatMap { $0.entries.map(\.text.value) }
    }
}

/// A fresh temporary folder per test, removed when the value is released.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a small project given as txtar-like text: `-- path --` lines start each file.
    @discardableResult
    func write(tree: String) throws -> URL {
        var current: String?
        var body: [String] = []
        func flush() throws {
            guard let current else { return }
            let file = url.appendingPathComponent(current)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.joined(separator: "\n").utf8).write(to: file)
        }
        for line in tree.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                try flush()
                current = String(line.dropFirst(3).dropLast(3))
                body = []
            } else {
                body.append(String(line))
            }
        }
        try flush()
        return url
    }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Copies a folder (e.g. the repository's Content/) into this one under `name`.
    func copy(_ source: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// Text with position markers (`1️⃣`, `2️⃣` …): the markers are removed and their 1-based
/// line and column (in Unicode scalars) recorded, so a test says where it expects a finding.
struct MarkedText {
    let text: String
    let positions: [Int: (line: Int, column: Int)]

    init(_ marked: String) {
        let markers: [Character: Int] = ["1️⃣": 1, "2️⃣": 2, "3️⃣": 3, "4️⃣": 4, "5️⃣": 5, "6️⃣": 6, "7️⃣": 7, "8️⃣": 8, "9️⃣": 9]
        var text = ""
        var positions: [Int: (Int, Int)] = [:]
        var line = 1, column = 1
        for character in marked {
            if let number = markers[character] {
                positions[number] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        self.text = text
        self.positions = positions
    }

    subscript(marker: Int) -> (line: Int, column: Int) { positions[marker]! }
}

/// The result of running the real `guidegen` executable.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built `guidegen` binary (the test target depends on it, so it is built beside the tests).
func runGuidegen(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    try runProcess(guidegenExecutable, arguments, in: directory, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
}

/// Runs a program and collects its exit status and output.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    try StartedProcess(executable, arguments, in: directory, environment: environment).wait()
}

/// A program started without waiting for it. Its output goes to files, not pipes: a child that
/// writes more than a pipe holds to one stream while the test reads the other would block for
/// ever (a LeakSanitizer report alone can be longer than that).
final class StartedProcess: @unchecked Sendable {
    let process = Process()
    private let capture: TemporaryDirectory
    private var stdoutURL: URL { capture.url.appendingPathComponent("stdout") }
    private var stderrURL: URL { capture.url.appendingPathComponent("stderr") }

    init(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws {
        capture = try TemporaryDirectory()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdoutURL), err = try FileHandle(forWritingTo: stderrURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the program to end and reads what it wrote.
    func wait() throws -> CommandResult {
        process.waitUntilExit()
        let stdout = try Data(contentsOf: stdoutURL), stderr = try Data(contentsOf: stderrURL)
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// `guidegen` sits in the same products folder as the test bundle.
let guidegenExecutable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("guidegen")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return Repository.root.appendingPathComponent(".build/debug/guidegen")
}()

/// Loads a content folder given as a txtar-like tree.
func load(tree: String) throws -> (LoadResult, TemporaryDirectory) {
    let directory = try TemporaryDirectory()
    try directory.write(tree: tree)
    return (ContentLoader(directory: directory.path).load(), directory)
}
