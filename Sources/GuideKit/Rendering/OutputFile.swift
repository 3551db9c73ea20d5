import Foundation

/// One file of the output: its path below the output folder (`/`-separated) and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var bytes: Data

    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Data(text.utf8))
    }
}
