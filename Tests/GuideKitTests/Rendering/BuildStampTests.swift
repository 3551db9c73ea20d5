import Foundation
@testable import GuideKit
import Testing

/// The build stamp: what a build leaves for the next build into the same folder.
@Suite struct BuildStampTests {
    /// A saved stamp loads as it was, paths and summary in any script, outputs with an identity
    /// or without; a damaged one does not load.
    @Test func aStampLoadsAsItWasSaved() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("cache/build-x")
        var page = BuildStamp.Output(path: "html/tr/ödeme-adımları.html", bytes: Data("<p>Adım</p>\n".utf8))
        page.identity = .init(device: 2049, inode: UInt64.max, changed: .init(seconds: 1_796_000_000, nanoseconds: 5),
                              modified: .init(seconds: 0, nanoseconds: 999_999_999))
        let stamp = BuildStamp(inputs: "0123456789abcdef", outputs: [
            page,
            BuildStamp.Output(path: "checklists/zh-Hans.txt", bytes: Data("[ ] 第一步\n".utf8)),
            BuildStamp.Output(path: ".guidegen-manifest", bytes: Data()),
        ], summary: "guidegen build: 2 locales (tr, zh-Hans) — nothing changed")
        stamp.save(to: url)
        // The bytes as written, every number in plain decimal digits.
        let outputs = stamp.outputs
        #expect(try Data(contentsOf: url) == Data("""
            guidegen build stamp 2
            0123456789abcdef
            guidegen build: 2 locales (tr, zh-Hans) — nothing changed
            html/tr/ödeme-adımları.html\t\(outputs[0].size)\t\(outputs[0].digest)\t2049 18446744073709551615 1796000000.5 0.999999999
            checklists/zh-Hans.txt\t\(outputs[1].size)\t\(outputs[1].digest)\t-
            .guidegen-manifest\t0\t\(outputs[2].digest)\t-

            """.utf8))
        #expect(BuildStamp.load(from: url) == stamp)
        #expect(BuildStamp.load(from: url)?.outputs.map { $0.identity != nil } == [true, false, false])

        // A time before 1970 (`recordIdentities` records none such) is written with its sign,
        // and a stamp that holds one is not trusted.
        var early = page
        early.identity?.changed = .init(seconds: -3, nanoseconds: 4)
        BuildStamp(inputs: "x", outputs: [early], summary: "s").save(to: url)
        #expect(try String(decoding: Data(contentsOf: url), as: UTF8.self).hasSuffix("\t2049 18446744073709551615 -3.4 0.999999999\n"))
        #expect(BuildStamp.load(from: url) == nil)

        let head = "guidegen build stamp 2\nabc\nsummary\n"
        for damage in ["guidegen build stamp 0\n", "guidegen build stamp 1\nabc\nsummary\nhtml/x.html\t10\tdigest\n", head.dropLast(9) + "",
                       head + "html/x.html\tten\tdigest\t-\n", head + "html/x.html\t10\tdigest\n",
                       head + "html/x.html\t10\tdigest\t1 2 3.4 5\n", head + "html/x.html\t10\tdigest\t1 2 3.4 5.6 7\n",
                       head + "html/x.html\t10\tdigest\t1 2 3 4 5 6\n", head + "html/x.html\t10\tdigest\t1 2 -3.4 5.6\n",
                       head + "html/x.html\t10\tdigest\t1  2 3.4 5.6\n", head + "html/x.html\t10\tdigest\t\n",
                       head + "html/x.html\t10\tdigest\t1 2 3.4 5.1000000000\n", head + "html/x.html\t10\tdigest\t-", head + "html/x.html\n",
                       head + "html/x.html\t10\tdigest\t-\n" + "b.html\t1\n\tdigest\t-\n", head + "html/x.html\t10\tdigest\t-\tx\n",
                       head + "html/x.html\t10\tdigest\t1 18446744073709551616 3.4 5.6\n", head + "html/x.html\t9223372036854775808\tdigest\t-\n"] {
            try Data(damage.utf8).write(to: url)
            #expect(BuildStamp.load(from: url) == nil, "\(damage.debugDescription)")
        }
        try Data((head + "html/x.html\t10\tdigest\t1 2 3.4 5.6\n").utf8).write(to: url)
        #expect(BuildStamp.load(from: url)?.outputs.first?.identity == .init(device: 1, inode: 2, changed: .init(seconds: 3, nanoseconds: 4),
                                                                               modified: .init(seconds: 5, nanoseconds: 6)))
        #expect(BuildStamp.load(from: directory.url.appendingPathComponent("missing")) == nil)
    }

    /// The files a stamp digests: regular files at any depth, hidden ones too, through symbolic
    /// links to files and folders, not in hidden folders unless asked for; a dangling link and a
    /// link to something that is no file are left out. Sorted by path.
    @Test func theFilesBelowAFolderAreItsRegularFilesThroughLinks() throws {
        let directory = try TemporaryDirectory()
        for file in ["Content/guide.yaml", "Content/.editorconfig", "Content/sections/b.yaml", "Content/locales/de/x.yaml",
                     "Content/.git/config", "Elsewhere/linked.yaml", "Elsewhere/folder/inside.yaml"] {
            try directory.write(file, Data("x".utf8))
        }
        let content = directory.url.appendingPathComponent("Content")
        for (name, target) in [("link.yaml", "../Elsewhere/linked.yaml"), ("linked-folder", "../Elsewhere/folder"), ("dangling", "missing.yaml"),
                               ("null", "/dev/null")] {
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent(name).path, withDestinationPath: target)
        }
        #expect(BuildStamp.files(below: content) == [".editorconfig", "guide.yaml", "link.yaml", "linked-folder/inside.yaml", "locales/de/x.yaml", "sections/b.yaml"])
        #expect(BuildStamp.files(below: content, hiddenFolders: true) == [".editorconfig", ".git/config", "guide.yaml", "link.yaml", "linked-folder/inside.yaml",
                                                                          "locales/de/x.yaml", "sections/b.yaml"])
        #expect(BuildStamp.files(below: directory.url.appendingPathComponent("missing")).isEmpty)
    }

    /// The digest of the inputs changes with any byte of any file, large files (read a piece at
    /// a time) and empty ones included, with a file added or renamed, and with the settings; it
    /// is the same for the same files.
    @Test func theInputDigestFollowsEveryByteOfEveryFile() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("Content")
        var large = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try directory.write("Content/sections/large.yaml", large)
        try directory.write("Content/empty.yaml", Data())
        func digest(_ settings: [String] = ["a"]) -> String { BuildStamp.digest(settings: settings, folders: [folder], threads: 2) }
        let original = digest()
        #expect(digest() == original)
        #expect(digest(["b"]) != original)
        var seen: Set<String> = [original]
        for offset in [0, 65_535, 65_536, 131_072, 199_999] {
            large[offset] ^= 1
            try directory.write("Content/sections/large.yaml", large)
            #expect(seen.insert(digest()).inserted, "byte \(offset)")
            large[offset] ^= 1
        }
        try directory.write("Content/sections/large.yaml", large + Data([0]))
        #expect(seen.insert(digest()).inserted)
        try directory.write("Content/sections/large.yaml", large)
        #expect(digest() == original)
        try directory.write("Content/empty.yaml", Data([0x0A]))
        #expect(seen.insert(digest()).inserted)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("empty.yaml"), to: folder.appendingPathComponent("other.yaml"))
        #expect(seen.insert(digest()).inserted)
        try directory.write("Content/new.yaml", Data())
        #expect(seen.insert(digest()).inserted)
    }

    /// The hex digits are the hash's two words, each written out in full.
    @Test func hexIsTheTwoWordsInLowerCaseDigits() {
        var generator = SystemRandomNumberGenerator()
        var sawLeadingZero = false
        for count in 0..<300 {
            var hasher = ContentHasher()
            hasher.add(Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            let (first, second) = hasher.words
            func padded(_ word: UInt64) -> String {
                let digits = String(word, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }
            #expect(hasher.hex == padded(first) + padded(second))
            sawLeadingZero = sawLeadingZero || first >> 60 == 0 || second >> 60 == 0
        }
        #expect(sawLeadingZero)
    }

    /// Three output files and a stamp of them, as a build leaves them.
    private func builtFolder() throws -> (TemporaryDirectory, BuildStamp) {
        let directory = try TemporaryDirectory()
        var outputs: [BuildStamp.Output] = []
        for (path, text) in [("html/tr/index.html", "<p>Adım</p>\n"), ("checklists/tr.txt", "[ ] Bir\n"), (".guidegen-manifest", "")] {
            try directory.write(path, Data(text.utf8))
            outputs.append(BuildStamp.Output(path: path, bytes: Data(text.utf8)))
        }
        return (directory, BuildStamp(inputs: "inputs", outputs: outputs, summary: "summary"))
    }

    /// The identity of a file `changed` at `time`, on the folder's device.
    private func clock(at time: BuildStamp.FileIdentity.Time, of directory: TemporaryDirectory) throws -> BuildStamp.FileIdentity {
        let folder = try #require(BuildStamp.FileIdentity.of(path: directory.url.appendingPathComponent(".guidegen-manifest").path, size: 0))
        return .init(device: folder.device, inode: 1, changed: time, modified: time)
    }

    /// Only a file changed before the file system's clock said `now`, on its device, gets an
    /// identity: a later one could still change in the same tick and keep its times.
    @Test func onlyFilesChangedBeforeTheClockTimeGetAnIdentity() throws {
        let (directory, built) = try builtFolder()
        var stamp = built
        stamp.recordIdentities(in: directory.url, now: try clock(at: .init(seconds: Int(Int32.max) * 4, nanoseconds: 0), of: directory))
        #expect(stamp.outputs.allSatisfy { $0.identity != nil })
        let page = try #require(stamp.outputs.first?.identity)
        #expect(page == BuildStamp.FileIdentity.of(path: directory.url.appendingPathComponent("html/tr/index.html").path, size: built.outputs[0].size))

        for now in [try clock(at: .init(seconds: 1_000_000_000, nanoseconds: 0), of: directory), page, nil] {
            stamp = built
            stamp.recordIdentities(in: directory.url, now: now)
            #expect(stamp.outputs.allSatisfy { $0.identity == nil }, "\(String(describing: now))")
        }
        var elsewhere = try clock(at: .init(seconds: Int(Int32.max) * 4, nanoseconds: 0), of: directory)
        elsewhere.device &+= 1
        stamp = built
        stamp.recordIdentities(in: directory.url, now: elsewhere)
        #expect(stamp.outputs.allSatisfy { $0.identity == nil })
    }

    /// A file with its recorded identity is not read (a digest that no longer matches goes
    /// unnoticed); one without is read and compared.
    @Test func aFileWithItsRecordedIdentityIsNotRead() throws {
        let (directory, built) = try builtFolder()
        var stamp = built
        stamp.outputs[0].digest = String(repeating: "0", count: 32)
        #expect(!stamp.outputsUnchanged(in: directory.url, threads: 1))
        stamp.recordIdentities(in: directory.url, now: try clock(at: .init(seconds: Int(Int32.max) * 4, nanoseconds: 0), of: directory), threads: 1)
        #expect(stamp.outputsUnchanged(in: directory.url, threads: 1))
        #expect(built.outputsUnchanged(in: directory.url, threads: 2))
    }

    /// Whatever changes a file after its identity was recorded is seen, even a change that keeps
    /// its size and puts its modification time back (`touch -r`, `cp -p`), or a file of the same
    /// bytes put in its place; a symbolic link to the same bytes is not the file the build left.
    @Test(arguments: ["same size, time put back", "replaced by a copy", "removed", "symbolic link", "permissions"])
    func anyChangeAfterTheRecordIsSeen(change: String) throws {
        let (directory, built) = try builtFolder()
        var stamp = built
        stamp.recordIdentities(in: directory.url, now: try clock(at: .init(seconds: Int(Int32.max) * 4, nanoseconds: 0), of: directory), threads: 1)
        let file = directory.url.appendingPathComponent("html/tr/index.html")
        let recorded = try #require(stamp.outputs[0].identity)
        // A change in the tick the file was written in could keep its change time (what
        // `recordIdentities` guards against with the clock's time): wait for the next tick.
        let probe = directory.url.appendingPathComponent("probe")
        repeat {
            try Data().write(to: probe)
        } while try #require(BuildStamp.FileIdentity.of(path: probe.path, size: 0)).changed <= recorded.changed
        let original = try Data(contentsOf: file)
        switch change {
        case "same size, time put back":
            try Data("<p>Adın</p>\n".utf8).write(to: file)
            var times = [timespec(tv_sec: recorded.modified.seconds, tv_nsec: recorded.modified.nanoseconds),
                         timespec(tv_sec: recorded.modified.seconds, tv_nsec: recorded.modified.nanoseconds)]
            #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
            #expect(!built.outputsUnchanged(in: directory.url))
        case "replaced by a copy":
            try original.write(to: probe)
            #expect(rename(probe.path, file.path) == 0)
        case "removed":
            try FileManager.default.removeItem(at: file)
        case "symbolic link":
            try original.write(to: probe)
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: probe)
        default:
            #expect(chmod(file.path, 0o600) == 0)
        }
        if change == "same size, time put back" || change == "permissions" {
            let now = try #require(BuildStamp.FileIdentity.of(path: file.path, size: original.count))
            #expect(now.inode == recorded.inode && now.modified == recorded.modified && now.changed > recorded.changed)
        }
        let sameBytes = change == "replaced by a copy" || change == "permissions"
        // Read again when its identity changed: the same bytes pass, other bytes or no file do not.
        #expect(stamp.outputsUnchanged(in: directory.url) == sameBytes)
    }
}

/// The time a build records identities against comes from the output folder's own file system.
@Suite struct OutputLockClockTests {
    /// Touching the lock gives a time no earlier than that of any file written before, on the
    /// folder's device: what `recordIdentities` compares each output with.
    @Test func theLocksTouchIsNoEarlierThanTheFilesWrittenBefore() throws {
        let directory = try TemporaryDirectory()
        let writer = OutputWriter(directory: directory.url.appendingPathComponent("Output"), display: "Output")
        let lock = try #require(try writer.lock(exclusive: true))
        let file = directory.url.appendingPathComponent("Output/page.html")
        try Data("<p>x</p>\n".utf8).write(to: file)
        let written = try #require(BuildStamp.FileIdentity.of(path: file.path, size: 9))
        let now = try #require(lock.touch())
        #expect(now.device == written.device && now.inode != written.inode)
        #expect(now.changed >= written.changed)
        let later = try #require(lock.touch())
        #expect(later.changed >= now.changed)
    }
}
