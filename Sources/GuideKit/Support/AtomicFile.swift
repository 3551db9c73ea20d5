import Foundation

/// Writes a file so no reader ever sees half of it: the bytes go to a temporary file in the same
/// folder, which is then renamed over the target (or linked to it, when the target must not exist).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// With `replacing: false`, fails (and writes nothing) when the target exists.
    public static func write(_ data: Data, to url: URL, replacing: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).guidegen-\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(description: "cannot create \(temporary.lastPathComponent) next to \(url.lastPathComponent): check the folder’s permissions")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        if replacing {
            if rename(temporary.path, url.path) != 0 {
                throw WriteError(description: "cannot move the new \(url.lastPathComponent) into place: \(String(cString: strerror(errno)))")
            }
        } else if link(temporary.path, url.path) != 0 {
            throw WriteError(description: errno == EEXIST ? "\(url.lastPathComponent) exists already" : "cannot create \(url.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }
}
