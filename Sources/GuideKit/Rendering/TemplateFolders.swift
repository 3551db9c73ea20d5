import Foundation

/// The built-in templates overlaid, file by file, with a user's folder (`--templates DIR`):
/// a file the user's folder has replaces the built-in one; every other file stays built in.
public struct TemplateFolders: Sendable {
    /// One folder of templates, and how diagnostics name it.
    public struct Folder: Sendable, Hashable {
        public var url: URL
        /// The folder as the user named it (`Templates`, `my-theme`), never an absolute machine path.
        public var display: String

        public init(url: URL, display: String) {
            self.url = url
            self.display = display
        }
    }

    public var builtin: Folder
    public var user: Folder?

    public init(builtin: Folder, user: Folder? = nil) {
        self.builtin = builtin
        // Overlaying the built-in folder on itself changes nothing.
        self.user = user.flatMap { $0.url.standardizedFileURL.resolvingSymlinksInPath() == builtin.url.standardizedFileURL.resolvingSymlinksInPath() ? nil : $0 }
    }

    /// The repository's `Templates/`, found from this source file, like the tests find fixtures.
    public static var repositoryTemplates: Folder {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return Folder(url: root.appendingPathComponent("Templates"), display: "Templates")
    }

    /// A file the overlay provides: where it is and how to name it.
    public struct File: Sendable, Hashable {
        /// Path below the templates folder, `/`-separated (`html/layout.mustache`).
        public var relative: String
        public var url: URL
        /// `folder.display + "/" + relative`.
        public var display: String
        public var isUser: Bool
        /// The templates folder the file belongs to: reading it must not leave that folder.
        public var root: URL
    }

    /// Every file below `subfolder` (recursively), the user's where it has one, sorted by path.
    public func files(under subfolder: String) -> [File] {
        var byPath: [String: File] = [:]
        for (folder, isUser) in [(builtin, false)] + (user.map { [($0, true)] } ?? []) {
            for relative in Self.list(folder.url.appendingPathComponent(subfolder)) {
                let path = subfolder + "/" + relative
                byPath[path] = File(relative: path, url: folder.url.appendingPathComponent(path), display: folder.display + "/" + path, isUser: isUser, root: folder.url)
            }
        }
        return byPath.keys.sorted().map { byPath[$0]! }
    }

    /// The folders, user's first, for lookups that layer whole tables (strings).
    public var layers: [Folder] { (user.map { [$0] } ?? []) + [builtin] }

    /// Regular files and symbolic links below `directory`, relative, sorted; hidden files are
    /// skipped. A link is listed so that reading it reports where it leads (`ConfinedFile`),
    /// rather than the built-in file being used in silence.
    static func list(_ directory: URL) -> [String] {
        // Folders listed by path with `lstat`, not with FileManager's enumerator and URLs, which
        // cost about 50,000 instructions a file: 1 % of building the real guide. A link is not
        // followed, so no walk can loop.
        var result: [String] = []
        let base = directory.path
        func walk(_ relative: String) {
            let path = relative.isEmpty ? base : base + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(base + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG, S_IFLNK: result.append(child)
                default: break
                }
            }
        }
        walk("")
        return result.sorted()
    }
}
