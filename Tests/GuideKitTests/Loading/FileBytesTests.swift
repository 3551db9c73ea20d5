import Foundation
@testable import GuideKit
import Testing

/// `FileBytes.contents(atPath:)` reads what Foundation's `contents(atPath:)` reads, and fails where it fails.
@Suite struct FileBytesTests {
    @Test func aFileReadsAsFoundationReadsIt() throws {
        let folder = try TemporaryDirectory()
        // Empty, small, and larger than a page and than the size `fstat` gave at first (the
        // buffer is sized to the file plus one byte, so a full one grows once).
        let sizes = [0, 1, 4095, 4096, 4097, 200_000]
        for size in sizes {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) })
            try folder.write("file-\(size)", bytes)
            let path = folder.url.appendingPathComponent("file-\(size)").path
            #expect(FileBytes.contents(atPath: path) == bytes, "\(size) bytes")
            #expect(FileBytes.contents(atPath: path) == FileManager.default.contents(atPath: path))
        }
        // Through a symbolic link, as Foundation reads it.
        let target = folder.url.appendingPathComponent("file-4097").path
        let link = folder.url.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(FileBytes.contents(atPath: link) == FileManager.default.contents(atPath: target))
        // Nothing for a missing file, a folder or a dangling link.
        #expect(FileBytes.contents(atPath: folder.url.appendingPathComponent("missing").path) == nil)
        #expect(FileBytes.contents(atPath: folder.path) == nil)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        #expect(FileBytes.contents(atPath: folder.url.appendingPathComponent("dangling").path) == nil)
    }

    /// A file longer than `stat` said when it was opened (one that grew meanwhile) is read to
    /// its end, its buffer grown as it goes; past a limit, reading stops once it has more.
    @Test func aFileThatGrewIsReadToItsEndOrToPastTheLimit() throws {
        let folder = try TemporaryDirectory()
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        try folder.write("file", bytes)
        for size in [0, 1, 4095, 100_000] {
            let descriptor = open(folder.url.appendingPathComponent("file").path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            #expect(FileBytes.read(descriptor, size: size) == bytes, "stat said \(size) bytes")
        }
        let descriptor = open(folder.url.appendingPathComponent("file").path, O_RDONLY)
        defer { close(descriptor) }
        let limited = try #require(FileBytes.read(descriptor, size: 10, limit: 50_000))
        #expect(limited.count > 50_000 && limited.count < bytes.count && limited == bytes.prefix(limited.count))
    }

    /// `read(_:upTo:)` gives the first bytes of a file, all of a shorter one, none of an empty one.
    @Test func aFileReadsUpToASize() throws {
        let folder = try TemporaryDirectory()
        let bytes = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try folder.write("file", bytes)
        for size in [0, 1, 4096, 10_000, 12_000] {
            let descriptor = open(folder.url.appendingPathComponent("file").path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            #expect(FileBytes.read(descriptor, upTo: size) == bytes.prefix(size), "\(size) bytes")
        }
    }
}
