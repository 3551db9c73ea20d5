/// Names that become file or folder names (section ids, locale tags, screenshot paths, output
/// paths) must stay inside their folder on every system the output is published from.
public enum PathSafety {
    /// Names Windows reserves for devices, with or without an extension (`CON`, `nul.yaml`, `COM1.txt`).
    static let reservedNames: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul", "conin$", "conout$"]
        for digit in 0...9 {
            names.insert("com\(digit)")
            names.insert("lpt\(digit)")
        }
        return names
    }()

    /// Whether a single file or folder name is reserved on Windows: its part before the first dot,
    /// trailing spaces ignored, compared without case.
    public static func isReserved(_ name: String) -> Bool {
        // Every reserved stem is 3 to 7 ASCII characters: most names are told apart by the length
        // of their bytes before the first dot (trailing spaces left out), without a lower-cased copy.
        var length = 0, spaces = 0
        for byte in name.utf8 {
            if byte == UInt8(ascii: ".") { break }
            if byte == UInt8(ascii: " ") {
                spaces += 1
            } else {
                length += spaces + 1
                spaces = 0
            }
        }
        guard (3...7).contains(length) else { return false }
        let stem = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
        var trimmed = Substring(stem)
        while trimmed.last == " " { trimmed.removeLast() }
        return reservedNames.contains(trimmed.lowercased())
    }

    /// Whether `scalar` is a control character (general category Cc): U+0000–U+001F and
    /// U+007F–U+009F, a set Unicode never changes, so no property table is needed.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Why a relative `/`-separated path cannot be used below a folder, or nil when it can: it must
    /// not be empty or absolute, and every component must be a plain name (no `.`, `..`, NUL,
    /// control character or backslash, no name Windows reserves, none ending in a dot or a space).
    public static func problem(relativePath path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("/") { return "it is an absolute path" }
        // Cut at each `/` byte, as the file system cuts: cutting the string character by
        // character took a `/` followed by a combining mark for part of one name, so `../` + U+0301
        // hid a `..`; it also cost 12,000 instructions an output path.
        var rest = path[...]
        while true {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            if let problem = problem(name: String(rest[..<end])) { return problem }
            guard end < rest.endIndex else { return nil }
            rest = rest[rest.utf8.index(after: end)...]
        }
    }

    /// Why one file or folder name is unusable, or nil.
    public static func problem(name: String) -> String? {
        if name.isEmpty { return "it has an empty path component" }
        if name == "." || name == ".." { return "it leaves its folder (‘\(name)’)" }
        if name.unicodeScalars.contains(where: { $0 == "\\" || $0 == ":" || isControl($0) }) {
            return "it contains a backslash, colon or control character"
        }
        if isReserved(name) { return "‘\(name)’ is a device name Windows reserves" }
        if name.hasSuffix(".") || name.hasSuffix(" ") { return "‘\(name)’ ends in a dot or a space, which Windows drops" }
        return nil
    }
}
