import Foundation

/// Reading a whole file with `open`, `fstat` and `read`.
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read, or is a folder:
    /// what `FileManager.default.contents(atPath:)` gives, with a quarter of its system calls.
    /// Foundation resolves each path first (a failing `readlink` for each of its parts, `getcwd`,
    /// `stat`s), which was most of what a skipped build, a build's comparison with the files
    /// already written and a read of the parsed-file cache cost.
    /// A relative `path` is taken from the open folder `folder` when one is given.
    static func contents(atPath path: String, in folder: Int32 = AT_FDCWD) -> Data? {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return read(descriptor, size: Int(info.st_size))
    }

    /// The first `size` bytes `descriptor` reads (fewer at its end), without the read that would
    /// see the end: for a file whose size is known and whose growth would not matter, such as an
    /// output compared with what a build wrote.
    static func read(_ descriptor: Int32, upTo size: Int) -> Data? {
        let capacity = max(size, 0)
        guard let buffer = malloc(max(capacity, 1)) else { return nil }
        guard let count = fill(buffer, capacity: capacity, from: 0, descriptor) else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// What `descriptor` reads to its end, or nil on a read error (`errno` says which). The buffer
    /// is sized to `size`, the file's size as `stat` gave it, and one byte to see the end: a file
    /// that grows meanwhile is read on, until more than `limit` bytes are read (so a file that grew
    /// past a limit is still refused).
    ///
    /// The bytes are read into memory from `malloc`, which the data then owns: `Data(count:)`
    /// zeroed every byte before the read wrote it (a sixth of the instructions of a skipped build,
    /// which reads every output to compare it).
    static func read(_ descriptor: Int32, size: Int, limit: Int = .max) -> Data? {
        var capacity = max(size, 0) + 1
        guard var buffer = malloc(capacity) else { return nil }
        var count = 0
        while count <= limit {
            if count == capacity {
                capacity += max(4096, capacity)
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    return nil
                }
                buffer = grown
            }
            guard let filled = fill(buffer, capacity: capacity, from: count, descriptor) else {
                free(buffer)
                return nil
            }
            let atEnd = filled < capacity
            count = filled
            if atEnd { break }
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Reads into `buffer` (of `capacity` bytes) from byte `start` until it is full or the file
    /// ends: how many of its bytes hold the file then, or nil on a read error.
    static func fill(_ buffer: UnsafeMutableRawPointer, capacity: Int, from start: Int, _ descriptor: Int32) -> Int? {
        var count = start
        while count < capacity {
            let got = Foundation.read(descriptor, buffer + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        return count
    }
}
