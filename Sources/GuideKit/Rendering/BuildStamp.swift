import Foundation

/// What one build wrote into an output folder and from which inputs, so that the next build into
/// that folder can skip loading, rendering and comparing when nothing changed.
///
/// Everything is compared by content, never by dates: the inputs by a digest of the bytes of
/// every file below the content and template folders (hidden folders aside), with the build's
/// options and the identity of the guidegen executable; the outputs by the size and digest of
/// each file the build left (a file edited, replaced or removed since makes the build run in full,
/// which compares bytes and writes what differs).
public struct BuildStamp: Sendable, Equatable {
    /// One file of the output folder as the build left it.
    public struct Output: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var digest: String

        init(path: String, size: Int, digest: String) {
            self.path = path
            self.size = size
            self.digest = digest
        }

        public init(path: String, bytes: Data) {
            self.path = path
            self.size = bytes.count
            var hasher = ContentHasher()
            hasher.add(bytes)
            self.digest = hasher.hex
        }
    }

    /// The digest of the inputs (`BuildStamp.digest`).
    public var inputs: String
    /// Every file the build produced, and the manifest.
    public var outputs: [Output]
    /// The summary line a build that skips everything prints (before ` in N s`).
    public var summary: String

    public init(inputs: String, outputs: [Output], summary: String) {
        self.inputs = inputs
        self.outputs = outputs
        self.summary = summary
    }

    /// Whether every output still has the size and bytes the build left.
    public func outputsUnchanged(in directory: URL, threads: Int = Parallel.defaultThreads) -> Bool {
        let base = directory.path
        let same = Parallel.map(outputs, threads: threads) { output -> Bool in
            // Not through a symbolic link (`O_NOFOLLOW`): a regular file of the same size, then
            // its bytes (a file written to while it is read is one written to just after).
            let descriptor = open(base + "/" + output.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == output.size,
                let bytes = FileBytes.read(descriptor, upTo: output.size) else { return false }
            return Output(path: output.path, bytes: bytes) == output
        }
        return !same.contains(false)
    }

    // MARK: Inputs

    /// A digest of `settings` and of every regular file below `folders` (recursively; folders
    /// whose names start with a dot are skipped unless `hiddenFolders`), each with its path below
    /// its folder.
    public static func digest(settings: [String], folders: [URL], hiddenFolders: Bool = false, threads: Int = Parallel.defaultThreads) -> String {
        var hasher = ContentHasher()
        for setting in settings { hasher.add(Data(setting.utf8)) }
        for folder in folders {
            let paths = files(below: folder, hiddenFolders: hiddenFolders)
            let root = folder.path
            hasher.add(Data("\(root)\n\(paths.count)\n".utf8))
            let digests = Parallel.map(paths, threads: threads) { path -> String in
                var file = ContentHasher()
                file.add(Data(path.utf8))
                file.add(FileBytes.contents(atPath: root + "/" + path) ?? Data("unreadable".utf8))
                return file.hex
            }
            for digest in digests { hasher.add(Data(digest.utf8)) }
        }
        return hasher.hex
    }

    /// Regular files below `folder`, relative, sorted; folders whose names start with a dot are
    /// skipped unless `hiddenFolders`. Symbolic links are followed (the loaders read through
    /// them), each folder once, so a link to a folder above cannot make the walk endless.
    static func files(below folder: URL, hiddenFolders: Bool = false) -> [String] {
        var result: [String] = []
        var visited: Set<[UInt64]> = []
        // Paths joined as strings: a URL appended to and turned back into a path for each file
        // was most of the walk, which every skipped build and cached validation makes.
        let base = folder.path
        func walk(_ relative: String, _ info: stat) {
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            let path = relative.isEmpty ? base : base + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard stat(base + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR where hiddenFolders || !name.hasPrefix("."): walk(child, info)
                case S_IFREG: result.append(child)
                default: break
                }
            }
        }
        var root = stat()
        if stat(folder.path, &root) == 0 { walk("", root) }
        return result.sorted()
    }

    /// What identifies the executable that runs (its device, inode, size and modification time),
    /// so that a rebuilt guidegen never trusts a stamp an older one wrote.
    public static var executableIdentity: String {
        #if os(Linux)
        // The running binary itself (`Bundle.main` costs more than the rest of a skipped build).
        let path = "/proc/self/exe"
        #else
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }

    // MARK: Storage

    /// Where the stamp of the build into `output` is kept: below `cache`, named by the output
    /// folder's absolute path.
    public static func location(for output: URL, cache: URL) -> URL {
        var hasher = ContentHasher()
        hasher.add(Data(output.standardizedFileURL.path.utf8))
        return cache.appendingPathComponent("build-\(hasher.hex)")
    }

    /// Reads a stamp; nil when there is none or it cannot be read.
    public static func load(from url: URL) -> BuildStamp? {
        guard let data = FileBytes.contents(atPath: url.path) else { return nil }
        // Cut on bytes: splitting the text into characters was a third of a skipped build at
        // S=100. Line feeds and tabs are ASCII, so no character is cut in two.
        let bytes = [UInt8](data)
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), text(first) == format, let inputs = lines.next(), let summary = lines.next() else { return nil }
        var outputs: [Output] = []
        while let line = lines.next(), !line.isEmpty {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 3, let size = Int(text(fields[1])) else { return nil }
            outputs.append(Output(path: text(fields[0]), size: size, digest: text(fields[2])))
        }
        return BuildStamp(inputs: text(inputs), outputs: outputs, summary: text(summary))
    }

    /// Saves the stamp (lines: format, inputs, summary, then `path TAB size TAB digest`); a stamp
    /// that cannot be saved only makes the next build a full one.
    public func save(to url: URL) {
        var text = "\(Self.format)\n\(inputs)\n\(summary)\n"
        for output in outputs { text += "\(output.path)\t\(output.size)\t\(output.digest)\n" }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }

    static let format = "guidegen build stamp 1"

    /// Removes a stamp, before a build that changes the folder.
    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A fast 128-bit hash of bytes, to tell whether files changed (not a security hash). Four
/// independent 64-bit lanes take 32 bytes at a time with xxHash64's round (a multiply, a
/// rotation, a multiply), so a core works on the four at once; the words after the last block
/// go through the first lane, the last bytes and then their count through the second, so where
/// one `add` ends and the next begins counts. `hex` folds the lanes and the length twice.
struct ContentHasher {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9, prime4: UInt64 = 0x85EB_CA77_C2B2_AE63

    private var a: UInt64 = prime1 &+ prime2, b: UInt64 = prime2, c: UInt64 = 0, d: UInt64 = 0 &- prime1
    private var length: UInt64 = 0

    /// The hash of `data` alone, as hex digits.
    static func hex(of data: Data) -> String {
        var hasher = ContentHasher()
        hasher.add(data)
        return hasher.hex
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    /// A string's UTF-8 bytes, read in place.
    mutating func add(_ string: String) {
        string.withBytes { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let count = raw.count
        length &+= UInt64(count)
        var index = 0
        // Lanes in locals, so the loop keeps them in registers.
        var (a, b, c, d) = (self.a, self.b, self.c, self.d)
        while index + 32 <= count {
            a = Self.round(a, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            b = Self.round(b, raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            c = Self.round(c, raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            d = Self.round(d, raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
            index += 32
        }
        while index + 8 <= count {
            a = Self.round(a, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(raw[index]) << shift
            shift += 8
            index += 1
        }
        // The count tells how many of the tail's bytes are there (and where this piece ends).
        b = Self.round(Self.round(b, tail), UInt64(count))
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
    }

    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        (lane &+ word &* prime2).rotated(31) &* prime1
    }

    var hex: String {
        func finish(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x = x &* 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x = x &* 0xC4CE_B9FE_1A85_EC53
            return x ^ (x >> 33)
        }
        let first = finish(a.rotated(1) &+ b.rotated(7) &+ c.rotated(12) &+ d.rotated(18) ^ length)
        let second = finish((a &* Self.prime3) ^ (b &* Self.prime4).rotated(23) ^ (c &* Self.prime1).rotated(41) ^ (d &* Self.prime2) &+ first)
        return [first, second].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}

private extension UInt64 {
    func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
