import Foundation

/// One file of a build as the output folder's staging handled it: the same bytes as the folder
/// has, or new or changed and then either written to its temporary file already or kept to be
/// written by `OutputWriter.apply`.
public struct StagedFile: Sendable {
    /// The file as the build leaves it, for the build stamp.
    public let output: BuildStamp.Output
    /// nil when the folder already has these bytes.
    public let change: WritePlan.Change?
    /// The bytes still to write; nil when there is nothing to write or they are staged already.
    let bytes: Data?
    /// Written under its own name in a staged tree (`StagedTree`).
    var inTree = false

    public var path: String { output.path }
}

/// Compares a build's files with the output folder one at a time, as they render. When
/// `writing`, each new or changed file goes to its temporary file beside its target at once
/// (`.name.guidegen-tmp`, as `OutputWriter.apply` would write it), so a build never holds every
/// rendered file in memory; `plan` then hands the temporary files to `apply`, which flushes and
/// renames them. A folder the output does not have yet is built whole under a temporary name
/// (`StagedTree`, `.html.guidegen-tmp`), its files under their own names, and `apply` renames
/// the folder. Nothing a user sees changes before `apply`: `discard` removes the temporary
/// files and trees, leaving the folder as it was.
///
/// `stage` may be called from several threads at once. Take the folder's lock before creating a
/// staging and hold it until the plan is applied or the staging discarded.
public final class OutputStaging: @unchecked Sendable {
    public let writer: OutputWriter
    /// Whether new and changed files are written to temporary files now (a build) or kept in
    /// memory (`OutputWriter.plan`, `build --check`).
    public let writing: Bool
    private let owned: [String]
    /// The paths an interrupted build's journal lists: still guidegen's until a manifest lists them.
    private let journal: [String]
    private let ownedOrJournaled: Set<String>
    /// Leftovers of an interrupted build, found before this staging wrote anything.
    private let strays: [String]

    /// Guards everything below.
    private let lock = NSLock()
    /// Where the files of each folder seen so far go.
    private var placements: [Substring: Placement] = [:]
    private var trees: [StagedTree] = []
    private var temporaries: [String] = []
    private var written = 0

    private enum Placement {
        /// The folder exists: each file is compared with its target, and a new or changed one
        /// written to a temporary file beside it.
        case existing
        /// The folder is new: its files are all new, written under their own names at this
        /// absolute path, in a staged tree.
        case tree(String)
    }

    init(writer: OutputWriter, writing: Bool) throws {
        self.writer = writer
        self.writing = writing
        owned = try writer.manifest()
        journal = try writer.paths(in: OutputWriter.journalName)
        ownedOrJournaled = Set(owned).union(journal)
        strays = writer.strays()
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Compares one file with the folder and, when writing and it differs, writes its temporary file.
    public func stage(_ file: OutputFile) throws -> StagedFile {
        try OutputWriter.checkPath(file.path)
        // The files of one folder have the same folders above them: each folder is looked at once.
        let folder = file.path[..<(file.path.lastSlash ?? file.path.startIndex)]
        let placement = try locked {
            if let known = placements[folder] { return known }
            let placement = try place(folder, of: file.path)
            placements[folder] = placement
            return placement
        }
        let output = BuildStamp.Output(path: file.path, bytes: file.bytes)
        if case .tree(let staged) = placement {
            // A new folder holds only new files: nothing to compare, nothing to rename one by one.
            try locked {
                try writer.failIfTheDiskIsFull(written: written)
                written += 1
            }
            try OutputWriter.writeNewFile(file.bytes, to: staged + "/" + file.path.nameAfterLastSlash)
            var staged = StagedFile(output: output, change: .added, bytes: nil)
            staged.inTree = true
            return staged
        }
        let target = writer.location(file.path)
        var change = WritePlan.Change.added
        var info = stat()
        if lstat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputError(message: "\(writer.display)/\(file.path) is a folder, where guidegen writes a file: move it away")
            case S_IFREG:
                break
            default:
                throw OutputError(message: "\(writer.display)/\(file.path) is a symbolic link or special file, where guidegen writes a file: move it away")
            }
            let existing = FileBytes.contents(atPath: target)
            if existing == file.bytes {
                return StagedFile(output: output, change: nil, bytes: nil)
            }
            guard ownedOrJournaled.contains(file.path) else {
                throw OutputError(message: "\(writer.display)/\(file.path) exists and guidegen did not write it: move it away or delete it, then build again")
            }
            change = .changed
        }
        guard writing else {
            return StagedFile(output: output, change: change, bytes: file.bytes)
        }
        let temporary = OutputWriter.temporaryPath(for: target)
        try locked {
            try writer.failIfTheDiskIsFull(written: written)
            written += 1
            temporaries.append(temporary)
        }
        try OutputWriter.writeNewFile(file.bytes, to: temporary)
        return StagedFile(output: output, change: change, bytes: nil)
    }

    /// Where the files of `folder` go (`path` is one of them): when writing and the folder does
    /// not exist, into a staged tree, a new one for its outermost missing folder or the one
    /// already staged for it. Called with the lock held.
    private func place(_ folder: Substring, of path: String) throws -> Placement {
        let missing = try writer.checkFolders(of: path)
        guard writing, !folder.isEmpty else { return .existing }
        let tree: StagedTree
        if let staged = trees.first(where: { $0.holds(folder) }) {
            tree = staged
        } else if let missing {
            tree = StagedTree(path: String(missing), temporary: OutputWriter.temporaryPath(for: writer.location(String(missing))))
            try writer.makeTree(at: tree.temporary)
            trees.append(tree)
        } else {
            return .existing
        }
        let staged = tree.staged(String(folder))
        try OutputWriter.makeFolders(staged, inside: tree.temporary)
        return .tree(staged)
    }

    /// What `apply` must do, from every file the build produced (sorted by path): write or
    /// rename what differs, remove stale files, update the manifest.
    public func plan(_ files: [StagedFile], roots: [String]) throws -> WritePlan {
        let paths = files.map(\.path)
        let produced = Set(paths)
        let stale = Set(owned + journal).filter { path in
            !produced.contains(path) && OutputWriter.isUnder(path, roots: roots) && writer.isRegularFile(path)
        }
        let kept = Set(owned).union(journal.filter(writer.isRegularFile)).filter { !produced.contains($0) && !OutputWriter.isUnder($0, roots: roots) }
        let manifestText = OutputWriter.manifestHeader + OutputWriter.sortedUnion(paths, kept).map { $0 + "\n" }.joined()
        let manifestChanged = FileBytes.contents(atPath: writer.location(OutputWriter.manifestName)) != Data(manifestText.utf8)
        var plan = WritePlan(writes: files.compactMap { file in file.change.map { PlannedWrite(path: file.path, change: $0, bytes: file.bytes, inTree: file.inTree) } },
                             removals: stale.sorted(), unchanged: files.filter { $0.change == nil }.map(\.path), manifest: manifestText, manifestChanged: manifestChanged)
        plan.strays = strays
        plan.journaled = journal
        locked { plan.trees = trees }
        return plan
    }

    /// Removes the temporary files and staged trees written so far: the folder is as it was
    /// before the staging (a leftover temporary file of an earlier, killed build whose name a new
    /// file needed is gone too: it was never anyone's file).
    public func discard() {
        locked {
            OutputWriter.discard(temporaries: temporaries, folders: [])
            for tree in trees { OutputWriter.removeTree(tree.temporary) }
            temporaries = []
            trees = []
        }
    }
}
