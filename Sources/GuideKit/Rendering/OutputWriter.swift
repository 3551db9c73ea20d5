import Foundation
#if canImport(CGlibcExtras)
import CGlibcExtras
#endif

/// What a build would do to the output folder, computed without changing it.
public struct WritePlan: Sendable {
    public enum Change: String, Sendable, Hashable {
        case added, changed, removed
    }

    /// Files to write (new or with other bytes), with their change.
    public var writes: [PlannedWrite]
    /// Paths (below the output folder) of stale files guidegen wrote before.
    public var removals: [String]
    /// Leftovers of an interrupted build (temporary files, the journal), removed by the next one.
    public var strays: [String] = []
    /// The paths an interrupted build's journal lists: still guidegen's until a manifest lists them.
    var journaled: [String] = []
    /// Folders that did not exist, which `OutputStaging` built whole under temporary names.
    var trees: [StagedTree] = []
    public var unchanged: [String]
    /// The manifest's new text.
    public var manifest: String
    public var manifestChanged: Bool

    /// Every path that would change, sorted, with how.
    public var changes: [(path: String, change: Change)] {
        var all = writes.map { ($0.path, $0.change) } + (removals + strays).map { ($0, Change.removed) }
        if manifestChanged { all.append((OutputWriter.manifestName, .changed)) }
        return all.sorted { $0.0 < $1.0 }
    }

    public var isEmpty: Bool { writes.isEmpty && removals.isEmpty && strays.isEmpty && !manifestChanged }
}

/// One file a plan writes.
public struct PlannedWrite: Sendable {
    public var path: String
    public var change: WritePlan.Change
    /// The bytes to write; nil when `OutputStaging` wrote them to the temporary file already.
    var bytes: Data?
    /// Written under its own name into a staged tree (`StagedTree`), which is renamed, not the file.
    var inTree = false
}

/// A folder the output did not have, written whole by `OutputStaging` as `.<name>.guidegen-tmp`
/// beside its place and renamed into place by `apply` in one step: a first build's thousands of
/// files were each renamed, 7 % of its time.
struct StagedTree: Sendable {
    /// The folder's path below the output folder (`html`, `html/de`).
    let path: String
    /// Where it is built, as an absolute path.
    let temporary: String

    /// Whether `path` is the tree's folder or below it (compared as bytes, as the file system
    /// compares names).
    func holds(_ path: some StringProtocol) -> Bool {
        path.utf8.count >= self.path.utf8.count && path.utf8.starts(with: self.path.utf8)
            && (path.utf8.count == self.path.utf8.count || path.utf8[path.utf8.index(path.startIndex, offsetBy: self.path.utf8.count)] == UInt8(ascii: "/"))
    }

    /// Where `path` (one the tree `holds`) is while the tree is staged.
    func staged(_ path: String) -> String { temporary + String(decoding: path.utf8.dropFirst(self.path.utf8.count), as: UTF8.self) }
}

/// Why the writer could not do its work.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The one stage that touches the disk. It compares the rendered files with the output folder,
/// writes only files whose bytes changed, removes files it wrote before that the content no
/// longer produces, and keeps a manifest of the files it owns (`.guidegen-manifest`), so a file
/// it did not write is never removed or overwritten.
///
/// Writing is staged so that no failure loses data: every new file is first written in full to a
/// temporary file beside its target (as the build renders: see `OutputStaging`; in a folder the
/// output does not have, the folder is staged whole, `StagedTree`), and all of them
/// are flushed to disk together (one `syncfs` on Linux rather than one flush per file); only when
/// all of them are on disk is a journal of the paths written (`.guidegen-journal`), then each
/// temporary file renamed over its target and each staged folder into its place (a rename is atomic, so every file is always either old
/// or new; a changed file's old version stays linked as `.<name>.guidegen-old` until all are
/// renamed), then stale files removed, then the manifest written and the journal removed. A
/// failure before the renames removes the temporary files and leaves the folder byte-identical;
/// a failing rename puts the old files back. A build killed half-way leaves old and new files,
/// temporary files, old versions and the journal, which lists the new files as guidegen's own, so
/// the next build adopts or rewrites them and removes the leftovers.
/// One build writes at a time: see `lock(exclusive:timeout:onWait:)`.
public struct OutputWriter: Sendable {
    public static let manifestName = ".guidegen-manifest"
    /// The paths a build is about to rename into place, written before the first rename.
    public static let journalName = ".guidegen-journal"
    /// The advisory lock (flock(2)) two builds writing the same folder take in turn.
    public static let lockName = ".guidegen-lock"
    /// Temporary files are named `.<name>` + this, beside their target.
    static let temporarySuffix = ".guidegen-tmp"
    /// While the new files are renamed into place, the old version of each changed one stays
    /// reachable as `.<name>` + this (a hard link), so a failed rename can put it back.
    static let backupSuffix = ".guidegen-old"
    static let manifestHeader = "# Files guidegen wrote here; it removes them when the content no longer produces them. Do not edit.\n"

    /// Faults to inject, for tests of what a failed or killed build leaves behind.
    public struct Faults: Sendable {
        /// Fail as a full disk would, when writing the temporary file after this many.
        public var failAfterWrites: Int?
        /// Kill the process (SIGKILL) right after this many renames.
        public var crashAfterRenames: Int?
        /// Behave as on a file system without hard links (FAT, some network file systems).
        public var noHardLinks = false

        public init(failAfterWrites: Int? = nil, crashAfterRenames: Int? = nil, noHardLinks: Bool = false) {
            self.failAfterWrites = failAfterWrites
            self.crashAfterRenames = crashAfterRenames
            self.noHardLinks = noHardLinks
        }
    }

    public let directory: URL
    /// How the folder is named in messages (`Output`).
    public let display: String
    public var faults = Faults()
    /// Threads the folders are flushed on (each flush mostly waits for the disk).
    public var threads = Parallel.defaultThreads

    /// The folder's path, for system calls: a `URL` built per file cost more than writing the file.
    private let root: String

    public init(directory: URL, display: String) {
        self.directory = directory
        self.display = display
        self.root = directory.path
    }

    /// The path of `relative` (`html/tr/index.html`) inside the folder.
    func location(_ relative: String) -> String {
        root + "/" + relative
    }

    /// The paths the manifest lists (none when there is no manifest).
    public func manifest() throws -> [String] {
        try paths(in: Self.manifestName)
    }

    /// The paths a list file (manifest or journal) names, or none when it does not exist.
    func paths(in name: String) throws -> [String] {
        let url = directory.appendingPathComponent(name)
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return [] }
        guard (info.st_mode & S_IFMT) == S_IFREG, let data = FileBytes.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw OutputError(message: "cannot read \(display)/\(name): it is not a text file guidegen wrote; delete it")
        }
        // A path that could leave the folder is never guidegen's: ignore it rather than act on it.
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty && PathSafety.problem(relativePath: $0) == nil }
    }

    /// Compares the site with the folder, changing nothing. `roots` are the parts of the folder
    /// this build owns.
    public func plan(_ files: [OutputFile], roots: [String]) throws -> WritePlan {
        let staging = try staging(writing: false)
        return try staging.plan(files.map(staging.stage), roots: roots)
    }

    /// A staging for a build's files as they render (see `OutputStaging`); take the lock first.
    public func staging(writing: Bool) throws -> OutputStaging {
        try OutputStaging(writer: self, writing: writing)
    }

    /// Every folder between the output folder and a file must be a real folder (not a file, and
    /// not a symbolic link that would lead the write elsewhere), or not exist yet. Returns the
    /// outermost one that does not exist, nil when they all do.
    @discardableResult
    func checkFolders(of path: String) throws -> Substring? {
        // Cut at `/` bytes, as the file system cuts (and `PathSafety`): a `/` followed by a
        // combining mark is no `/` character, but it still ends a folder's name.
        let bytes = path.utf8
        guard let last = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        var end = bytes.startIndex
        while end < last {
            end = bytes[bytes.index(after: end)...].firstIndex(of: UInt8(ascii: "/")) ?? last
            let relative = path[..<end]
            var info = stat()
            guard lstat(location(String(relative)), &info) == 0 else { return relative }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK:
                throw OutputError(message: "\(display)/\(relative) is a symbolic link, where guidegen writes into a folder: replace it with a folder")
            default:
                throw OutputError(message: "\(display)/\(relative) is a file, where guidegen needs a folder: move it away")
            }
        }
        return nil
    }

    func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(location(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` is a folder, not a symbolic link to one.
    func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(location(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates the folder of a staged tree (`StagedTree`), replacing one an interrupted build left.
    func makeTree(at temporary: String) throws {
        var made = mkdir(temporary, 0o755) == 0
        if !made, errno == EEXIST {
            // Its name is guidegen's: whatever has it is a leftover (`strays`), removed, not followed.
            Self.removeTree(temporary)
            made = mkdir(temporary, 0o755) == 0
        }
        guard made else {
            throw OutputError(message: "cannot create the folder \(temporary.nameAfterLastSlash) in \(display): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates `folder` (an absolute path inside a staged tree) and its missing parents there.
    static func makeFolders(_ folder: String, inside tree: String) throws {
        let bytes = folder.utf8
        var end = bytes.index(bytes.startIndex, offsetBy: tree.utf8.count)
        while end < bytes.endIndex {
            end = bytes[bytes.index(after: end)...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            guard mkdir(String(folder[..<end]), 0o755) == 0 || errno == EEXIST else {
                throw OutputError(message: "cannot create the folder \(String(folder[..<end]).nameAfterLastSlash): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes a staged tree and everything in it (symbolic links in it are removed, not followed).
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Leftovers of an interrupted build: temporary files anywhere below the folder, and the journal.
    func strays() -> [String] {
        var result: [String] = []
        if isRegularFile(Self.journalName) { result.append(Self.journalName) }
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix(".") else { continue }
            if name.hasSuffix(Self.temporarySuffix), isRealFolder(relative) {
                // A staged tree an interrupted build left: removed whole, nothing in it is anyone's.
                enumerator.skipDescendants()
                result.append(relative)
            } else if name.hasSuffix(Self.temporarySuffix) || name.hasSuffix(Self.backupSuffix) || Self.isOldTemporaryName(name), isRegularFile(relative) {
                result.append(relative)
            }
        }
        return result.sorted()
    }

    /// Earlier versions named temporary files `.<name>.guidegen-<pid>.tmp`.
    private static func isOldTemporaryName(_ name: String) -> Bool {
        guard name.hasSuffix(".tmp"), let range = name.range(of: ".guidegen-", options: .backwards) else { return false }
        let pid = name[range.upperBound...].dropLast(4)
        return !pid.isEmpty && pid.allSatisfy(\.isNumber)
    }

    /// `folder/.name.guidegen-tmp` for `folder/name`.
    static func temporaryPath(for target: String) -> String {
        hiddenPath(for: target, suffix: temporarySuffix)
    }

    /// `folder/.name` + `suffix` for `folder/name`.
    private static func hiddenPath(for target: String, suffix: String) -> String {
        let name = target.nameAfterLastSlash
        return String(target[..<name.startIndex]) + hiddenName(name, suffix: suffix)
    }

    /// `.name` + `suffix`: the name in its folder of a file `hiddenPath` gives.
    private static func hiddenName(_ name: some StringProtocol, suffix: String) -> String {
        "." + name + suffix
    }

    /// Carries a plan out (see the type's description for the order and what a failure leaves).
    public func apply(_ plan: WritePlan) throws {
        // The folders made here for the temporary files of a plan made in memory.
        var created: [URL] = []
        var staged: [(temporary: String, target: String, path: String, change: WritePlan.Change)] = []
        func discardStaged() {
            Self.discard(temporaries: staged.map(\.temporary), folders: created)
            for tree in plan.trees { Self.removeTree(tree.temporary) }
        }
        // Leftovers of an interrupted build first (a temporary file or staged tree of this build
        // may have a leftover's name, unless staging wrote it already).
        let alreadyStaged = plan.strays.isEmpty ? [] : Set(plan.writes.filter { $0.bytes == nil && !$0.inTree }.map { Self.temporaryPath(for: location($0.path)) } + plan.trees.map(\.temporary))
        for path in plan.strays where path != Self.journalName && !alreadyStaged.contains(location(path)) {
            if isRealFolder(path) { Self.removeTree(location(path)) } else { unlink(location(path)) }
        }
        // The files staged in new folders, which move with their folder.
        let inTrees = plan.writes.filter(\.inTree).map(\.path)
        do {
            try createFolders(directory, created: &created)
            var folders: Set<Substring> = []
            var written = 0
            for write in plan.writes where !write.inTree {
                let target = location(write.path)
                let temporary = Self.temporaryPath(for: target)
                staged.append((temporary, target, write.path, write.change))
                guard let bytes = write.bytes else { continue }
                try failIfTheDiskIsFull(written: written)
                written += 1
                let folder = target[..<target.lastSlash!]
                if folders.insert(folder).inserted { try createFolders(URL(fileURLWithPath: String(folder)), created: &created) }
                try Self.writeNewFile(bytes, to: temporary)
            }
            if !staged.isEmpty || !plan.trees.isEmpty {
                try flush(staged.map(\.temporary) + inTrees.compactMap { path in plan.trees.first { $0.holds(path) }?.staged(path) })
                let paths = Self.sortedUnion(plan.writes.map(\.path), plan.journaled)
                try Self.writeAtomically(Data(paths.map { $0 + "\n" }.joined().utf8), to: directory.appendingPathComponent(Self.journalName))
            }
        } catch {
            discardStaged()
            throw wrap(error)
        }

        let renamed = try moveIntoPlace(staged.map { ($0.target, $0.path, $0.change) }, plan: plan)
        try moveTreesIntoPlace(plan.trees, after: renamed, plan: plan)
        // The renames are on disk once their folders are; then the old versions can go.
        let folders = Set((staged.map(\.target) + plan.trees.map { location($0.path) }).map { String($0[..<$0.lastSlash!]) }).sorted()
        _ = Parallel.map(folders, threads: threads) { Self.syncFolder($0) }
        for backup in renamed.compactMap(\.backup) { unlink(backup) }

        do {
            for path in plan.removals {
                let url = directory.appendingPathComponent(path)
                try FileManager.default.removeItem(at: url)
                removeEmptyFolders(from: url.deletingLastPathComponent())
            }
            if plan.manifestChanged {
                try Self.writeAtomically(Data(plan.manifest.utf8), to: directory.appendingPathComponent(Self.manifestName))
            }
            // The manifest now lists every file the journal did: the journal has done its work.
            unlink(directory.appendingPathComponent(Self.journalName).path)
        } catch {
            throw wrap(error)
        }
    }

    /// Renames every staged file over its target. Folder by folder, on several threads: a rename
    /// locks only its folder, so renames in different folders do not wait for each other; and
    /// each is made relative to its opened folder, without walking the whole path again (the
    /// renames of a large build were 5 % of its time, on one thread). Within a folder the files
    /// go in the plan's order. When one fails, the files renamed before it, in every folder, are
    /// put back, and the temporary files not renamed are removed.
    private func moveIntoPlace(_ staged: [(target: String, path: String, change: WritePlan.Change)], plan: WritePlan) throws -> [Renamed] {
        var folders: [Substring: Int] = [:]
        var groups: [[Int]] = []
        for (index, entry) in staged.enumerated() {
            let folder = entry.target[..<entry.target.lastSlash!]
            if let group = folders[folder] {
                groups[group].append(index)
            } else {
                folders[folder] = groups.count
                groups.append([index])
            }
        }
        let moved: [Moved]
        if let limit = faults.crashAfterRenames {
            // The crash fault counts renames in the plan's order, on one thread.
            var count = 0
            moved = groups.map { group in
                moveFolder(group, of: staged) {
                    count += 1
                    if count == limit { kill(getpid(), SIGKILL) }
                }
            }
        } else {
            moved = Parallel.map(groups, threads: threads) { moveFolder($0, of: staged) {} }
        }
        let renamed = moved.flatMap(\.renamed)
        guard let failure = moved.compactMap(\.failure).min(by: { $0.index < $1.index }) else { return renamed }
        for group in moved { for index in group.notMoved { unlink(Self.temporaryPath(for: staged[index].target)) } }
        rollBack(renamed, plan: plan)
        throw OutputError(message: "cannot move the new \(staged[failure.index].path) into place in \(display): \(failure.reason); the files written before it were put back")
    }

    /// Renames each staged tree into its place, after the files (`renamed`), never over anything
    /// there: a folder made there during the build is the user's. When one fails, the trees moved
    /// before it and the files go back, and the staged trees are removed.
    private func moveTreesIntoPlace(_ trees: [StagedTree], after renamed: [Renamed], plan: WritePlan) throws {
        for (index, tree) in trees.enumerated() {
            guard Self.renameWithoutReplacing(tree.temporary, location(tree.path)) else {
                let reason = String(cString: strerror(errno))
                // Back to their temporary names, or else gone: nothing in them is anyone else's.
                for moved in trees[..<index].reversed() {
                    if rename(location(moved.path), moved.temporary) != 0 { Self.removeTree(location(moved.path)) }
                }
                for staged in trees { Self.removeTree(staged.temporary) }
                rollBack(renamed, plan: plan)
                throw OutputError(message: "cannot move the new folder \(display)/\(tree.path) into place: \(reason); the files written before it were put back")
            }
            if let limit = faults.crashAfterRenames, renamed.count + index + 1 == limit { kill(getpid(), SIGKILL) }
        }
    }

    /// `rename` that fails (EEXIST) rather than replace what is at `target`.
    private static func renameWithoutReplacing(_ source: String, _ target: String) -> Bool {
        #if canImport(CGlibcExtras)
        if renameat2(AT_FDCWD, source, AT_FDCWD, target, UInt32(RENAME_NOREPLACE)) == 0 { return true }
        guard errno == EINVAL || errno == ENOSYS else { return false }
        #endif
        // A file system that cannot refuse for us: looked at first, so that an empty folder made
        // there in the meantime is not replaced.
        var info = stat()
        guard lstat(target, &info) != 0 else {
            errno = EEXIST
            return false
        }
        return rename(source, target) == 0
    }

    /// What `moveFolder` did: the files renamed, and where it stopped.
    private struct Moved {
        var renamed: [Renamed] = []
        /// The file that could not be renamed, and why.
        var failure: (index: Int, reason: String)?
        /// The files not renamed (that one and those after it).
        var notMoved: ArraySlice<Int> = []
    }

    /// Renames the staged files at `indices`, which share a folder, relative to that folder.
    private func moveFolder(_ indices: [Int], of staged: [(target: String, path: String, change: WritePlan.Change)], afterEach: () -> Void) -> Moved {
        var moved = Moved()
        let first = staged[indices[0]].target
        let folder = open(String(first[..<first.lastSlash!]), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            moved.failure = (indices[0], String(cString: strerror(errno)))
            moved.notMoved = indices[...]
            return moved
        }
        defer { close(folder) }
        for (position, index) in indices.enumerated() {
            let entry = staged[index]
            let name = String(entry.target.nameAfterLastSlash)
            var done = Renamed(target: entry.target)
            if entry.change == .changed {
                // The old version stays reachable under a second name until every rename is done
                // (a hard link: no bytes copied, none held). Where the file system has no hard
                // links, its bytes are kept in memory instead.
                let backup = Self.hiddenName(name, suffix: Self.backupSuffix)
                unlinkat(folder, backup, 0)
                if !faults.noHardLinks, linkat(folder, name, folder, backup, 0) == 0 {
                    done.backup = Self.hiddenPath(for: entry.target, suffix: Self.backupSuffix)
                } else {
                    done.oldBytes = FileBytes.contents(atPath: entry.target)
                }
            }
            guard renameat(folder, Self.hiddenName(name, suffix: Self.temporarySuffix), folder, name) == 0 else {
                moved.failure = (index, String(cString: strerror(errno)))
                moved.notMoved = indices[position...]
                if let backup = done.backup { unlink(backup) }
                return moved
            }
            moved.renamed.append(done)
            afterEach()
        }
        return moved
    }

    /// A file renamed into place, and how to put its old version back.
    private struct Renamed {
        let target: String
        /// The hard link to the old version of a changed file.
        var backup: String?
        /// The old version's bytes, where no hard link could be made.
        var oldBytes: Data?
    }

    /// Puts the files of a failed build back as they were: changed files get their old version,
    /// added ones are removed. Only when everything was put back does the journal go back to what
    /// it was (an earlier interrupted build's, or none).
    private func rollBack(_ renamed: [Renamed], plan: WritePlan) {
        var complete = true
        for file in renamed.reversed() {
            if let backup = file.backup {
                if rename(backup, file.target) != 0 { complete = false }
            } else if let old = file.oldBytes {
                if (try? Self.writeAtomically(old, to: URL(fileURLWithPath: file.target))) == nil { complete = false }
            } else if unlink(file.target) != 0 {
                complete = false
            }
        }
        guard complete else { return }
        let journal = directory.appendingPathComponent(Self.journalName)
        if plan.journaled.isEmpty {
            unlink(journal.path)
        } else {
            try? Self.writeAtomically(Data(plan.journaled.map { $0 + "\n" }.joined().utf8), to: journal)
        }
    }

    /// The `failAfterWrites` fault: fails as a full disk would when `written` files were written.
    func failIfTheDiskIsFull(written: Int) throws {
        if let limit = faults.failAfterWrites, written >= limit {
            throw OutputError(message: "cannot write to \(display): No space left on device (simulated)")
        }
    }

    /// Removes temporary files and then the folders created for them (innermost first).
    static func discard(temporaries: [String], folders: [URL]) {
        for temporary in temporaries { unlink(temporary) }
        for folder in folders.reversed() { rmdir(folder.path) }
    }

    private func wrap(_ error: Error) -> OutputError {
        if let error = error as? OutputError { return error }
        return OutputError(message: "cannot write to \(display): \(error.localizedDescription)")
    }

    /// Creates `folder` and its missing parents, remembering the ones it created (outermost first).
    /// Returns whether `folder` itself was made here, and so was empty.
    @discardableResult
    func createFolders(_ folder: URL, created: inout [URL]) throws -> Bool {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.append(current)
            current.deleteLastPathComponent()
        }
        var madeLast = false
        for url in missing.reversed() {
            madeLast = mkdir(url.path, 0o755) == 0
            guard madeLast || errno == EEXIST else {
                throw OutputError(message: "cannot create the folder \(url.lastPathComponent) in \(display): \(String(cString: strerror(errno)))")
            }
            created.append(url)
        }
        return madeLast
    }

    /// Flushes the files just written to disk before anything is renamed: on Linux with one
    /// `syncfs` of the output folder's file system, elsewhere each file in turn.
    private func flush(_ files: @autoclosure () -> [String]) throws {
        func failure() -> OutputError {
            OutputError(message: "cannot write to \(display): \(String(cString: strerror(errno)))")
        }
        #if canImport(CGlibcExtras)
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        guard syncfs(descriptor) == 0 else { throw failure() }
        #else
        for file in files() {
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure() }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw failure() }
        }
        #endif
    }

    /// Flushes a folder's entries (the renames into it) to disk; a failure there loses nothing.
    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Writes `data` to a new file at `path` (replacing a leftover there); `flush` puts it on disk.
    static func writeNewFile(_ data: Data, to path: String) throws {
        // The name for a message, made only for one (cutting the path cost more than the write).
        func name() -> Substring { path.nameAfterLastSlash }
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST {
            // A temporary file an interrupted build left: replaced, never written through.
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw OutputError(message: "cannot create \(name()): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    unlink(path)
                    throw OutputError(message: "cannot write \(name()): \(reason)")
                }
                offset += count
            }
        }
    }

    /// Writes through a temporary file in the same folder and renames it over the target, so a
    /// reader never sees half a file.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        do {
            try AtomicFile.write(data, to: url)
        } catch let error as AtomicFile.WriteError {
            throw OutputError(message: error.description)
        }
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

    /// `Set(sorted).union(others).sorted()`: a merge when `sorted` is in ascending order, as a
    /// build's files are (sorting a set of all of them was 10 ms at S=1000 while the other thread
    /// waited), and that sort otherwise.
    static func sortedUnion(_ sorted: [String], _ others: some Collection<String>) -> [String] {
        guard zip(sorted, sorted.dropFirst()).allSatisfy({ $0 < $1 }) else { return Set(sorted).union(others).sorted() }
        if others.isEmpty { return sorted }
        let extra = Set(others).subtracting(sorted).sorted()
        var merged: [String] = []
        merged.reserveCapacity(sorted.count + extra.count)
        var next = extra.startIndex
        for path in sorted {
            while next < extra.endIndex, extra[next] < path {
                merged.append(extra[next])
                next += 1
            }
            merged.append(path)
        }
        merged += extra[next...]
        return merged
    }

    static func isUnder(_ path: String, roots: [String]) -> Bool {
        roots.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
    }

    /// Output paths are relative and stay inside the folder.
    static func checkPath(_ path: String) throws {
        if let problem = PathSafety.problem(relativePath: path) {
            throw OutputError(message: "refusing to write ‘\(path)’ in the output folder: \(problem)")
        }
    }

    // MARK: Lock

    /// Takes the folder's advisory lock (`.guidegen-lock`, flock(2)): exclusive to write, creating
    /// the folder and the lock file when needed; shared to read (`--check`), and then only when a
    /// lock file exists (a check never writes). When another build holds it, calls `onWait` once
    /// and waits up to `timeout`. The lock is released when the returned value is released; a
    /// build that ends up writing nothing calls `removeWhatItCreated` first.
    public func lock(exclusive: Bool, timeout: Duration = .seconds(600), onWait: () -> Void = {}) throws -> OutputLock? {
        let path = location(Self.lockName)
        let deadline = ContinuousClock.now + timeout
        var waited = false
        while true {
            var created: [URL] = []
            var createdFile = false
            let descriptor: Int32
            if exclusive {
                try createFolders(directory, created: &created)
                var opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
                createdFile = opened >= 0
                if opened < 0, errno == EEXIST { opened = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW) }
                descriptor = opened
            } else {
                descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                if descriptor < 0, errno == ENOENT { return nil }
            }
            guard descriptor >= 0 else {
                throw OutputError(message: "cannot open \(display)/\(Self.lockName): \(String(cString: strerror(errno)))")
            }
            let operation = exclusive ? LOCK_EX : LOCK_SH
            while flock(descriptor, operation | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw OutputError(message: "cannot lock \(display)/\(Self.lockName): \(reason)")
                }
                if !waited {
                    onWait()
                    waited = true
                }
                guard ContinuousClock.now < deadline else {
                    close(descriptor)
                    throw OutputError(message: "another guidegen build has been writing \(display) for too long: wait for it to finish, then build again")
                }
                usleep(50_000)
            }
            // A build that wrote nothing removes the lock file it created (`removeWhatItCreated`):
            // a lock taken on a file no longer at the path guards nothing, so take the new one.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, lstat(path, &current) == 0, held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return OutputLock(descriptor: descriptor, path: path, createdFile: createdFile, createdFolders: created)
            }
            close(descriptor)
            if !exclusive { return nil }
        }
    }
}

/// A held advisory lock on an output folder; released when this value is.
public final class OutputLock: Sendable {
    private let descriptor: Int32
    private let path: String
    private let createdFile: Bool
    private let createdFolders: [String]

    init(descriptor: Int32, path: String, createdFile: Bool, createdFolders: [URL]) {
        self.descriptor = descriptor
        self.path = path
        self.createdFile = createdFile
        self.createdFolders = createdFolders.map(\.path)
    }

    /// For a build that wrote nothing: removes the lock file and the output folder when taking
    /// the lock created them (the folder only if it is empty again), so the build leaves no trace.
    /// Still held while it does so; a build waiting for it then takes a new lock file.
    public func removeWhatItCreated() {
        guard createdFile else { return }
        unlink(path)
        for folder in createdFolders.reversed() { rmdir(folder) }
    }

    /// Sets the lock file's times to now and returns its identity: a time of the output folder's
    /// own file system, taken as it takes the times of the files it writes
    /// (`BuildStamp.recordIdentities`). Nil when the times cannot be set.
    public func touch() -> BuildStamp.FileIdentity? {
        var info = stat()
        guard futimens(descriptor, nil) == 0, fstat(descriptor, &info) == 0 else { return nil }
        return BuildStamp.FileIdentity(info)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension String {
    /// Where the last `/` is, found in the UTF-8 bytes: looking for it character by character
    /// cost about 6,000 instructions for an output path, and a build looks four times per file.
    /// (A `/` is one byte and never part of another character's bytes.)
    var lastSlash: String.Index? { utf8.lastIndex(of: UInt8(ascii: "/")) }

    /// What follows the last `/` (all of it when there is none). It starts at the byte after the
    /// slash, even where a combining mark begins it: stepping one character from the slash would
    /// drop the mark, which is one character with the slash.
    var nameAfterLastSlash: Substring {
        lastSlash.map { self[utf8.index(after: $0)...] } ?? self[...]
    }
}
