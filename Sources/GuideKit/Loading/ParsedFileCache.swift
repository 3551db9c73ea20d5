import Foundation

/// Section files and catalogs as they were parsed, kept below a cache folder by the hash of each
/// file's bytes, so that a build or a validation after a small change parses only the files that
/// changed: at S=1000 parsing is over a third of a validation, and a writer's save changes one
/// section file of a thousand, while the catalogs (most of the bytes) change far less often.
///
/// An entry is used only for the same bytes, read under the same name (locations and
/// diagnostics carry it) by the same guidegen executable (`BuildStamp.executableIdentity`, as
/// the build stamp and the validation cache): never by dates. Only files that parsed without
/// a problem are kept; a file with one is parsed again each time, so its diagnostics come out
/// as they always did. An entry that cannot be read is a miss, one that cannot be written is
/// left out: the cache can make a run faster, never different.
public struct ParsedFileCache: Sendable {
    /// The folder entries are kept in (`.guidegen-cache/parsed` for the command line).
    public let folder: URL

    /// Whether files parsed on a miss are kept. Keeping costs a fifth of a full build's time at
    /// S=1000 (a thousand entries written), so the command line keeps them only on a repeated
    /// run (a build into a folder built before, a validation of content validated before), not
    /// on a first build such as CI's on a fresh clone. Entries are read either way.
    public var keepsNewEntries: Bool

    /// `folder`'s path, worked out once: an entry's location made with `URL` calls
    /// (`absoluteURL`, `appendingPathComponent`, `path`) cost 67,000 instructions a file, 2 % of
    /// a first build's loading at S=1000, where every look-up misses. Files are named by their
    /// paths for the same reason.
    private let folderPath: String

    public init(folder: URL, keepsNewEntries: Bool = true) {
        self.folder = folder
        self.keepsNewEntries = keepsNewEntries
        folderPath = folder.path
    }

    /// What an entry is keyed by: the kind of file, its name in diagnostics, its bytes and the executable.
    static func key(kind: String, displayPath: String, bytes: Data) -> String {
        var hasher = ContentHasher()
        for part in [currentFormat, BuildStamp.executableIdentity, kind, displayPath] {
            hasher.add(part)
        }
        hasher.add(bytes)
        return hasher.hex
    }

    /// The name of the entry for the file at `path` (absolute, as a file URL's `path` is): one
    /// per file, named by its path, so an edited file replaces its entry rather than adding one.
    /// (`standardizedFileURL` was 0.7 % of a full build's samples.)
    func entryName(of path: String, kind: String) -> String {
        var hasher = ContentHasher()
        hasher.add(kind)
        hasher.add(path)
        return "\(kind)-\(hasher.hex)"
    }

    /// The payload of the entry for the file at `path` when it was written under `key` and is
    /// whole (its checksum matches: a damaged entry could otherwise still read as other values),
    /// else nil. The key is worked out only when there is an entry: it hashes the file's bytes,
    /// 15 MB for a first build at S=1000, which has no entries.
    func payload(of path: String, kind: String, key: () -> String) -> BinaryReader? {
        guard let data = FileBytes.contents(atPath: folderPath + "/" + entryName(of: path, kind: kind)) else { return nil }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == key(), let checksum = try? reader.string(), reader.hexOfRest == checksum else { return nil }
        return reader
    }

    /// Keeps `payload` as the entry for the file at `path` under `key`. Written to a file of its
    /// own and renamed into place, so a reader never sees half an entry, even with two runs at once.
    func store(_ payload: BinaryWriter, of path: String, kind: String, key: String) {
        var entry = BinaryWriter()
        entry.write(key)
        entry.write(ContentHasher.hex(of: payload.data))
        entry.append(payload)
        let name = entryName(of: path, kind: kind)
        let temporary = folderPath + "/.\(name).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max))"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try entry.data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, folderPath + "/" + name) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    static let currentFormat = "guidegen parsed 1"
}

/// Writes the values of a parsed file as bytes: integers as 32-bit little-endian words, strings
/// as their UTF-8 length and bytes.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func write(_ value: Int) {
        let word = UInt32(clamping: value).littleEndian
        withUnsafeBytes(of: word) { data.append(contentsOf: $0) }
    }

    mutating func write(_ value: String) {
        write(value.utf8.count)
        data.append(contentsOf: value.utf8)
    }

    mutating func write(_ value: Bool) { write(value ? 1 : 0) }

    mutating func append(_ other: BinaryWriter) { data.append(other.data) }
}

/// Reads what `BinaryWriter` wrote. Every read is checked against the end of the data: a damaged
/// or cut entry throws, never crashes.
struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { position == bytes.count }

    /// The hash (`ContentHasher`) of the bytes not read yet: an entry's checksum of what follows it.
    var hexOfRest: String {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[position...])) }
        return hasher.hex
    }

    mutating func int() throws -> Int {
        guard position + 4 <= bytes.count else { throw Damaged() }
        var value = 0
        for index in 0..<4 { value |= Int(bytes[position + index]) << (8 * index) }
        position += 4
        return value
    }

    /// Entries are checked by their checksum before they are read, so the bytes are what
    /// `BinaryWriter` wrote from strings; `String(decoding:)` would repair, never trap on, others.
    mutating func string() throws -> String {
        let count = try int()
        guard count <= bytes.count - position else { throw Damaged() }
        let start = position
        position += count
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    mutating func bool() throws -> Bool {
        switch try int() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }
}
