import Foundation

/// What one build wrote into an output folder and from which inputs, so that the next build into
/// that folder can skip loading, rendering and comparing when nothing changed.
///
/// The inputs are compared by content, never by dates: a digest of the bytes of every file below
/// the content and template folders (hidden folders aside), with the build's options and the
/// identity of the guidegen executable. The outputs are compared with the size and digest of each
/// file the build left, read again, unless the file still has the identity it had when the build
/// recorded it (`FileIdentity`: device, inode and the kernel's change time, which no tool can set
/// back), as git trusts its index and Bazel its digest cache. A file edited, replaced or removed
/// since makes the build run in full, which compares bytes and writes what differs.
public struct BuildStamp: Sendable, Equatable {
    /// One file of the output folder as the build left it.
    public struct Output: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var digest: String
        /// What the file system said of the file just after the build, when that can vouch for its
        /// bytes (`recordIdentities`); without it, the next build reads the file.
        public var identity: FileIdentity?

        init(path: String, size: Int, digest: String, identity: FileIdentity? = nil) {
            self.path = path
            self.size = size
            self.digest = digest
            self.identity = identity
        }

        public init(path: String, bytes: Data) {
            self.path = path
            self.size = bytes.count
            var hasher = ContentHasher()
            hasher.add(bytes)
            self.digest = hasher.hex
        }
    }

    /// What `lstat` says of a file without reading it: the device and inode, and the times the
    /// bytes (`st_mtim`) and the inode (`st_ctim`) last changed. Any write, rename, `touch` or
    /// change of permissions sets the change time to the clock's, and no call sets it to another,
    /// so a file with the same identity and size still has the bytes it had, but for a change made
    /// within one tick of the file system's clock after the identity was taken: see
    /// `recordIdentities`.
    public struct FileIdentity: Sendable, Equatable {
        public var device: UInt64
        public var inode: UInt64
        public var changed: Time
        public var modified: Time

        public struct Time: Sendable, Comparable {
            public var seconds: Int
            public var nanoseconds: Int

            public static func < (a: Time, b: Time) -> Bool {
                (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
            }

            /// Appends `seconds.nanoseconds`.
            func append(to bytes: inout [UInt8]) {
                bytes.append(decimal: seconds)
                bytes.append(UInt8(ascii: "."))
                bytes.append(decimal: nanoseconds)
            }
        }

        public init(device: UInt64, inode: UInt64, changed: Time, modified: Time) {
            self.device = device
            self.inode = inode
            self.changed = changed
            self.modified = modified
        }

        init(_ info: stat) {
            #if canImport(Darwin)
            let changed = info.st_ctimespec, modified = info.st_mtimespec
            #else
            let changed = info.st_ctim, modified = info.st_mtim
            #endif
            self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
                      changed: Time(seconds: Int(changed.tv_sec), nanoseconds: Int(changed.tv_nsec)),
                      modified: Time(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec)))
        }

        /// The identity of the regular file at `path` (not through a symbolic link; relative to
        /// the open folder `folder`, if given) whose size is `size`; nil for anything else.
        static func of(path: String, in folder: Int32 = AT_FDCWD, size: Int) -> FileIdentity? {
            var info = stat()
            guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return nil }
            return FileIdentity(info)
        }

        /// Appends the identity as the stamp keeps it: `device inode changed modified`, each time
        /// as `seconds.nanoseconds`.
        func append(to bytes: inout [UInt8]) {
            bytes.append(decimal: device)
            bytes.append(0x20)
            bytes.append(decimal: inode)
            bytes.append(0x20)
            changed.append(to: &bytes)
            bytes.append(0x20)
            modified.append(to: &bytes)
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

    /// Whether every output still has the size and bytes the build left: the same identity as
    /// recorded, or else the same digest of its bytes.
    public func outputsUnchanged(in directory: URL, threads: Int = Parallel.defaultThreads) -> Bool {
        // Paths relative to the open folder: the kernel walking the folder's own path again for
        // each file was a tenth of a skipped build.
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let same = Parallel.map(outputs, threads: threads) { output -> Bool in
            if let identity = output.identity, FileIdentity.of(path: output.path, in: folder, size: output.size) == identity { return true }
            // Not through a symbolic link (`O_NOFOLLOW`): a regular file of the same size, then
            // its bytes (a file written to while it is read is one written to just after).
            let descriptor = openat(folder, output.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == output.size,
                let bytes = FileBytes.read(descriptor, upTo: output.size) else { return false }
            return ContentHasher.hex(of: bytes) == output.digest
        }
        return !same.contains(false)
    }

    /// Records each output's identity as the folder holds it now, after the build wrote it.
    /// `now` is the identity of a file of the output folder whose times were set just before
    /// (`OutputLock.touch`): the file system's clock, at its own granularity. An output changed at
    /// that time or later gets no identity, since a change made after this record in the same tick
    /// of that clock would keep its times (git calls such index entries racy): the next build
    /// reads it. Nor does one on another device, whose clock may tick otherwise, or one dated before
    /// 1970. Without `now`, no output gets one.
    public mutating func recordIdentities(in directory: URL, now: FileIdentity?, threads: Int = Parallel.defaultThreads) {
        guard let now else { return }
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        let identities = Parallel.map(outputs, threads: threads) { output -> FileIdentity? in
            guard let identity = FileIdentity.of(path: output.path, in: folder, size: output.size),
                identity.device == now.device, identity.changed < now.changed,
                identity.modified < now.changed, identity.modified.seconds >= 0 else { return nil }
            return identity
        }
        for index in outputs.indices { outputs[index].identity = identities[index] }
    }

    // MARK: Inputs

    /// A digest of `settings` and of every regular file below `folders` (recursively; folders
    /// whose names start with a dot are skipped unless `hiddenFolders`), each with its path below
    /// its folder.
    public static func digest(settings: [String], folders: [URL], hiddenFolders: Bool = false, threads: Int = Parallel.defaultThreads) -> String {
        var hasher = ContentHasher()
        for setting in settings { hasher.add(setting) }
        for folder in folders {
            let paths = files(below: folder, hiddenFolders: hiddenFolders)
            let root = folder.path
            hasher.add("\(root)\n\(paths.count)\n")
            // Each file opened from the open folder, not by its whole path (see `outputsUnchanged`).
            let opened = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let digests = Parallel.map(paths, threads: threads) { path -> String in
                var file = ContentHasher()
                file.add(path)
                if opened < 0 || !file.addFile(atPath: path, in: opened) { file.add("unreadable") }
                return file.hex
            }
            if opened >= 0 { close(opened) }
            for digest in digests { hasher.add(digest) }
        }
        return hasher.hex
    }

    /// Regular files below `folder`, relative, sorted; folders whose names start with a dot are
    /// skipped unless `hiddenFolders`. Symbolic links are followed (the loaders read through
    /// them), each folder once, so a link to a folder above cannot make the walk endless.
    ///
    /// Each folder is read with `readdir`, whose entries say what they are: a regular file needs no
    /// `stat`, only a folder (for its identity), a link or an entry of unknown type. `FileManager`
    /// and a `stat` per entry took 2.2 ms for the 1,050 files of an S=1000 help centre (0.8 ms
    /// now), on one thread before anything else could start.
    static func files(below folder: URL, hiddenFolders: Bool = false) -> [String] {
        var result: [String] = []
        var visited: Set<[UInt64]> = []
        // Entries looked at from the open folder, not by their whole paths (see `outputsUnchanged`).
        let opened = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { return [] }
        defer { close(opened) }
        func walk(_ relative: String, _ info: stat) {
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            let descriptor = openat(opened, relative.isEmpty ? "." : relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            guard let stream = fdopendir(descriptor) else {
                close(descriptor)
                return
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if Int32(entry.pointee.d_type) == Int32(DT_REG) {
                    result.append(child)
                    continue
                }
                var info = stat()
                guard fstatat(opened, child, &info, 0) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR where hiddenFolders || !name.hasPrefix("."): walk(child, info)
                case S_IFREG: result.append(child)
                default: break
                }
            }
        }
        var root = stat()
        if fstat(opened, &root) == 0 { walk("", root) }
        return result.sorted()
    }

    /// What identifies the executable that runs (its device, inode, size and modification time),
    /// so that a rebuilt guidegen never trusts a stamp an older one wrote. Worked out once: the
    /// parsed-file cache keys every file with it.
    public static let executableIdentity: String = {
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
    }()

    // MARK: Storage

    /// Where the stamp of the build into `output` is kept: below `cache`, named by the output
    /// folder's absolute path.
    public static func location(for output: URL, cache: URL) -> URL {
        var hasher = ContentHasher()
        hasher.add(output.standardizedFileURL.path)
        return cache.appendingPathComponent("build-\(hasher.hex)")
    }

    /// Reads a stamp; nil when there is none or it cannot be read.
    public static func load(from url: URL) -> BuildStamp? {
        guard let data = FileBytes.contents(atPath: url.path) else { return nil }
        return data.withUnsafeBytes { read($0) }
    }

    /// A stamp from its saved bytes (`save`), cut on bytes: splitting the text into characters
    /// was a third of a skipped build at S=100, and splitting the bytes into arrays of lines and
    /// fields half of what reading the stamp cost. Line feeds, tabs, spaces and dots are ASCII,
    /// so no character is cut in two.
    static func read(_ bytes: UnsafeRawBufferPointer) -> BuildStamp? {
        var reader = FieldReader(bytes: bytes)
        guard reader.text(endingWith: 0x0A) == format, let inputs = reader.text(endingWith: 0x0A),
            let summary = reader.text(endingWith: 0x0A) else { return nil }
        var outputs: [Output] = []
        while !reader.atEnd {
            guard let path = reader.text(endingWith: 0x09), let size = reader.number(endingWith: 0x09), size <= UInt64(Int.max),
                let digest = reader.text(endingWith: 0x09) else { return nil }
            var identity: FileIdentity?
            if !reader.skipDash() {
                guard let device = reader.number(endingWith: 0x20), let inode = reader.number(endingWith: 0x20),
                    let changed = reader.time(endingWith: 0x20), let modified = reader.time(endingWith: 0x0A) else { return nil }
                identity = FileIdentity(device: device, inode: inode, changed: changed, modified: modified)
            }
            outputs.append(Output(path: path, size: Int(size), digest: digest, identity: identity))
        }
        return BuildStamp(inputs: inputs, outputs: outputs, summary: summary)
    }

    /// Reads a stamp's fields in order, each up to the byte that ends it.
    private struct FieldReader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// The bytes up to `end` (which is passed over), or nil when the line ends first.
        mutating func field(endingWith end: UInt8) -> Slice<UnsafeRawBufferPointer>? {
            var stop = index
            while stop < bytes.count, bytes[stop] != end {
                if bytes[stop] == 0x0A { return nil }
                stop += 1
            }
            guard stop < bytes.count else { return nil }
            defer { index = stop + 1 }
            return bytes[index..<stop]
        }

        mutating func text(endingWith end: UInt8) -> String? {
            field(endingWith: end).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Decimal digits, at least one, of a number that fits in 64 bits (an inode may need all of them).
        mutating func number(endingWith end: UInt8) -> UInt64? {
            guard let digits = field(endingWith: end), !digits.isEmpty else { return nil }
            var value: UInt64 = 0
            for digit in digits {
                guard digit >= 0x30, digit <= 0x39 else { return nil }
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = tens.addingReportingOverflow(UInt64(digit - 0x30))
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return value
        }

        /// `seconds.nanoseconds`.
        mutating func time(endingWith end: UInt8) -> FileIdentity.Time? {
            guard let seconds = number(endingWith: 0x2E), let nanoseconds = number(endingWith: end), nanoseconds < 1_000_000_000,
                seconds <= UInt64(Int.max) else { return nil }
            return FileIdentity.Time(seconds: Int(seconds), nanoseconds: Int(nanoseconds))
        }

        /// Passes over a line that holds only `-`.
        mutating func skipDash() -> Bool {
            guard bytes.count - index >= 2, bytes[index] == 0x2D, bytes[index + 1] == 0x0A else { return false }
            index += 2
            return true
        }
    }

    /// Saves the stamp (lines: format, inputs, summary, then `path TAB size TAB digest TAB
    /// identity`, the identity `-` when there is none); a stamp that cannot be saved only makes
    /// the next build a full one.
    public func save(to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url, options: .atomic)
    }

    /// The saved stamp, written as bytes: a line made by string interpolation for each of the
    /// 6,011 outputs of an S=1000 build took 6 ms, on one thread at the end of the build.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + outputs.count * 128)
        for line in [Self.format, inputs, summary] {
            bytes.append(utf8: line)
            bytes.append(0x0A)
        }
        for output in outputs {
            bytes.append(utf8: output.path)
            bytes.append(0x09)
            bytes.append(decimal: output.size)
            bytes.append(0x09)
            bytes.append(utf8: output.digest)
            bytes.append(0x09)
            if let identity = output.identity {
                identity.append(to: &bytes)
            } else {
                bytes.append(UInt8(ascii: "-"))
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    static let format = "guidegen build stamp 2"

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

    /// The bytes of the file at `path` (from the open folder `folder`), read into one buffer and
    /// added a full buffer at a time, so a file's hash does not depend on how its reads were cut;
    /// false when it cannot be opened or read. Read whole, each 5 MB catalog of an S=1000 help
    /// centre went into fresh memory (1,200 page faults) only to be hashed, before the loader read
    /// it again.
    mutating func addFile(atPath path: String, in folder: Int32) -> Bool {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { buffer in
            while true {
                guard let count = FileBytes.fill(buffer.baseAddress!, capacity: buffer.count, from: 0, descriptor) else { return false }
                // The last piece is added even when empty, so an empty file is one empty piece.
                add(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                if count < buffer.count { return true }
            }
        }
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

    /// The two 64-bit words of the hash: the lanes and the length folded twice.
    var words: (UInt64, UInt64) {
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
        return (first, second)
    }

    /// The two words as 32 lower-case hex digits. Written into the string's buffer:
    /// `String(radix:)`, padding and `joined` cost about 6,000 instructions a hash, and a skipped
    /// build makes one for every file it compares.
    var hex: String {
        let (first, second) = words
        return String(unsafeUninitializedCapacity: 32) { buffer in
            func put(_ value: UInt64, at offset: Int) {
                for digit in 0..<16 {
                    let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(digit))) & 0xF
                    buffer[offset + digit] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble  // 0-9, a-f
                }
            }
            put(first, at: 0)
            put(second, at: 16)
            return 32
        }
    }
}

private extension UInt64 {
    func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
