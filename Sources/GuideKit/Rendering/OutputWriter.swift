import Foundation

/// What a build would do to the output folder, computed without changing it.
public struct WritePlan: Sendable {
    public enum Change: String, Sendable, Hashable {
        case added, changed, removed
    }

    /// Files to write (new or with other bytes), with their change.
    public var writes: [(file: OutputFile, change: Change)]
    /// Paths (below the output folder) of stale files guidegen wrote before.
    public var removals: [String]
    public var unchanged: [String]
    /// The manifest's new text.
    public var manifest: String
    public var manifestChanged: Bool

    /// Every path that would change, sorted, with how.
    public var changes: [(path: String, change: Change)] {
        var all = writes.map { ($0.file.path, $0.change) } + removals.map { ($0, Change.removed) }
        if manifestChanged { all.append((OutputWriter.manifestName, .changed)) }
        return all.sorted { $0.0 < $1.0 }
    }

    public var isEmpty: Bool { writes.isEmpty && removals.isEmpty && !manifestChanged }
}

/// Why the writer could not do its work.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The one stage that touches the disk. It compares the rendered files with the output folder,
/// writes only files whose bytes changed (each through a temporary file renamed into place in the
/// same folder), removes files it wrote before that the content no longer produces, and keeps a
/// manifest of the files it owns (`.guidegen-manifest`), so a file it did not write is never
/// removed or overwritten.
public struct OutputWriter: Sendable {
    public static let manifestName = ".guidegen-manifest"
    static let manifestHeader = "# Files guidegen wrote here; it removes them when the content no longer produces them. Do not edit.\n"

    public let directory: URL
    /// How the folder is named in messages (`Output`).
    public let display: String
    /// Threads files are written on.
    public var threads = Parallel.defaultThreads

    public init(directory: URL, display: String) {
        self.directory = directory
        self.display = display
    }

    /// The paths the manifest lists (none when there is no manifest).
    public func manifest() throws -> [String] {
        let url = directory.appendingPathComponent(Self.manifestName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw OutputError(message: "cannot read \(display)/\(Self.manifestName): check its permissions or delete it")
        }
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// Compares the site with the folder. `roots` are the parts of the folder this build owns.
    public func plan(_ files: [OutputFile], roots: [String]) throws -> WritePlan {
        let owned = try manifest()
        let ownedSet = Set(owned)
        let produced = Set(files.map(\.path))
        var writes: [(OutputFile, WritePlan.Change)] = []
        var unchanged: [String] = []
        for file in files {
            try Self.checkPath(file.path)
            let url = directory.appendingPathComponent(file.path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw OutputError(message: "\(display)/\(file.path) is a folder, where guidegen writes a file: move it away")
                }
                // A file of another size differs: no need to read it.
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
                if size == file.bytes.count, FileManager.default.contents(atPath: url.path) == file.bytes {
                    unchanged.append(file.path)
                } else if ownedSet.contains(file.path) {
                    writes.append((file, .changed))
                } else {
                    throw OutputError(message: "\(display)/\(file.path) exists and guidegen did not write it: move it away or delete it, then build again")
                }
            } else {
                writes.append((file, .added))
            }
        }
        let stale = owned.filter { path in
            !produced.contains(path) && Self.isUnder(path, roots: roots) && FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
        }
        let kept = owned.filter { !produced.contains($0) && !Self.isUnder($0, roots: roots) }
        let manifestText = Self.manifestHeader + (Set(kept).union(produced)).sorted().map { $0 + "\n" }.joined()
        let manifestURL = directory.appendingPathComponent(Self.manifestName)
        let manifestChanged = FileManager.default.contents(atPath: manifestURL.path) != Data(manifestText.utf8)
        return WritePlan(writes: writes, removals: stale.sorted(), unchanged: unchanged, manifest: manifestText, manifestChanged: manifestChanged)
    }

    /// Carries a plan out: writes, then removals, then the manifest, so that an interrupted build
    /// leaves at worst files that the next build recognises as its own (same bytes) or removes.
    public func apply(_ plan: WritePlan) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Folders first, one thread; then the files, on several (each write is independent).
            for folder in Set(plan.writes.map { directory.appendingPathComponent($0.file.path).deletingLastPathComponent() }).sorted(by: { $0.path < $1.path }) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            let failures = Parallel.map(plan.writes, threads: threads) { write -> Error? in
                do {
                    try Self.writeAtomically(write.file.bytes, to: directory.appendingPathComponent(write.file.path))
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            for path in plan.removals {
                let url = directory.appendingPathComponent(path)
                try FileManager.default.removeItem(at: url)
                removeEmptyFolders(from: url.deletingLastPathComponent())
            }
            if plan.manifestChanged {
                try Self.writeAtomically(Data(plan.manifest.utf8), to: directory.appendingPathComponent(Self.manifestName))
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(message: "cannot write to \(display): \(error.localizedDescription)")
        }
    }

    /// Writes through a temporary file in the same folder and renames it over the target, so a
    /// reader never sees half a file.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).guidegen-\(ProcessInfo.processInfo.processIdentifier).tmp")
        // Plain open/write/close: `FileManager.createFile` writes through a temporary file of its
        // own and fsyncs it, one disk flush per page (seconds for a few hundred pages); the rename
        // below already makes the replacement atomic.
        guard writeFile(data, to: temporary.path) else {
            throw OutputError(message: "cannot create \(temporary.lastPathComponent) next to \(url.lastPathComponent): check the folder’s permissions")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(message: "cannot move the new \(url.lastPathComponent) into place: \(reason)")
        }
    }

    /// Creates (or truncates) `path` and writes `data` to it.
    private static func writeFile(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        return close(descriptor) == 0 && complete
    }

    /// Removes folders left empty by a removal, up to (not including) the output folder.
    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        let root = directory.standardizedFileURL.path
        while current.path.hasPrefix(root + "/"),
            let contents = try? FileManager.default.contentsOfDirectory(atPath: current.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }

    static func isUnder(_ path: String, roots: [String]) -> Bool {
        roots.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
    }

    /// Output paths are relative and stay inside the folder.
    static func checkPath(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains("..") || parts.contains("") || parts.contains(".") {
            throw OutputError(message: "refusing to write ‘\(path)’: it leaves the output folder")
        }
    }
}
