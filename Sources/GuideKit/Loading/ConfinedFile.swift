import Foundation

/// Reads an input file (content, catalog, template, screenshot) so that no input can crash,
/// hang or mislead the build: the file must be a regular file that stays inside its folder
/// (symbolic links included), and it is refused by its size before a byte is read.
enum ConfinedFile {
    /// Why a file could not be read.
    enum Failure: Error, Equatable {
        case missing
        case folder
        /// A FIFO, socket or device: reading it could block or never end.
        case notRegular
        /// A symbolic link (or a path through one) that leads outside the folder.
        case outside
        case tooLarge(bytes: Int)
        case unreadable(reason: String)

        /// A located diagnostic for the failure, at the start of `file`.
        func diagnostic(file: String, what: String = "file", limit: Int) -> Diagnostic {
            let start = SourceLocation(file: file, line: 1, column: 1)
            switch self {
            case .missing:
                return Diagnostic(id: "missing-file", message: "\(what) not found: create it or fix the name that refers to it", at: start)
            case .folder:
                return Diagnostic(id: "unreadable-file", message: "expected a \(what) but found a folder: remove the folder or rename it", at: start)
            case .notRegular:
                return Diagnostic(id: "unreadable-file", message: "expected a \(what) but found a device, pipe or socket: replace it with a regular file", at: start)
            case .outside:
                return Diagnostic(id: "outside-folder", message: "the \(what) is a symbolic link that leads outside its folder: copy the file into the folder instead", at: start)
            case .tooLarge(let bytes):
                return Diagnostic(id: "file-too-large", message: "the \(what) is \(bytes) bytes, more than the \(limit) guidegen reads: split it or make it smaller", at: start)
            case .unreadable(let reason):
                return Diagnostic(id: "unreadable-file", message: "cannot read the \(what) (\(reason)): check its permissions", at: start)
            }
        }
    }

    /// Whether there is anything at `url`, a symbolic link that leads nowhere included (it is
    /// then read, and reported, rather than taken for a missing file).
    static func entryExists(_ url: URL) -> Bool { entryExists(atPath: url.path) }

    static func entryExists(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The real path of an existing file or folder (symbolic links resolved), or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the file at `path` (which must exist) resolves to a path inside the folder at `root`.
    static func isInside(_ path: String, root: String) -> Bool {
        if isPlainlyInside(path, root: root) { return true }
        guard let file = realPath(path), let folder = realPath(root) else { return false }
        return folder == "/" || isBelow(file, folder)
    }

    /// Whether `path` names something inside the folder `folder`, comparing bytes, as the file
    /// system compares names (two canonically equivalent spellings are equal strings but two names).
    static func isBelow(_ path: String, _ folder: String) -> Bool {
        let pathBytes = Array(path.utf8), folderBytes = Array(folder.utf8)
        return pathBytes.count > folderBytes.count && pathBytes.starts(with: folderBytes) && pathBytes[folderBytes.count] == UInt8(ascii: "/")
    }

    /// Whether `path` is `root` followed by names, none empty, `.` or `..`, and none a symbolic
    /// link: then it resolves to the root's real path followed by the same names, inside it.
    /// Checked with one `lstat` a name, where `realpath` of both paths read every component of
    /// them as a link (a dozen system calls for each file of the content).
    static func isPlainlyInside(_ path: String, root: String) -> Bool {
        // Compared as bytes, as the file system compares names (strings compare canonically
        // equivalent spellings, which are different names, as equal).
        guard let last = root.utf8.last, last != UInt8(ascii: "/"), isBelow(path, root) else { return false }
        let names = Array(path.utf8)[(root.utf8.count + 1)...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard names.allSatisfy({ !$0.isEmpty && !$0.elementsEqual([UInt8(ascii: ".")]) && !$0.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) }) else { return false }
        var prefix = root
        for name in names {
            prefix += "/" + String(decoding: name, as: UTF8.self)
            var info = stat()
            guard lstat(prefix, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return false }
        }
        return true
    }

    /// The bytes of `url`, a regular file inside `root` (when given) of at most `limit` bytes.
    static func contents(of url: URL, within root: URL?, limit: Int) -> Result<Data, Failure> {
        contents(atPath: url.path, within: root?.path, limit: limit)
    }

    /// The same for paths. `URL.path` costs about 17,000 instructions, more than the system calls
    /// it is used for: a loader that reads many files below one folder works out the folder's
    /// path once and joins names to it.
    static func contents(atPath path: String, within root: String?, limit: Int) -> Result<Data, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            // A link whose target does not exist is missing too, unless the target is outside.
            if lstat(path, &link) == 0, let root, (link.st_mode & S_IFMT) == S_IFLNK,
               !linkTargetIsInside(URL(fileURLWithPath: path), root: URL(fileURLWithPath: root)) {
                return .failure(.outside)
            }
            return errno == ENOENT || errno == ENOTDIR ? .failure(.missing) : .failure(.unreadable(reason: String(cString: strerror(errno))))
        }
        if let root, !isInside(path, root: root) { return .failure(.outside) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.folder)
        case S_IFREG: break
        default: return .failure(.notRegular)
        }
        if Int(info.st_size) > limit { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        // A file that grew past the limit since `stat` is still refused.
        guard let data = FileBytes.read(descriptor, size: Int(info.st_size), limit: limit) else {
            return .failure(.unreadable(reason: String(cString: strerror(errno))))
        }
        if data.count > limit { return .failure(.tooLarge(bytes: data.count)) }
        return .success(data)
    }

    /// A dangling link's target, resolved as far as it exists, compared with the folder.
    private static func linkTargetIsInside(_ url: URL, root: URL) -> Bool {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { return true }
        let absolute = target.hasPrefix("/") ? URL(fileURLWithPath: target) : url.deletingLastPathComponent().appendingPathComponent(target)
        guard let folder = realPath(root.path), let parent = realPath(absolute.deletingLastPathComponent().path) else { return false }
        return parent.utf8.elementsEqual(folder.utf8) || isBelow(parent, folder)
    }
}
