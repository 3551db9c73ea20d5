import Foundation

/// A file copied into the output as it is: a screenshot from `Content/media/` or a stylesheet
/// from the templates' `html/assets/`.
public struct MediaAsset: Sendable, Hashable {
    /// Path below the output's `assets/` folder (`media/verify.png`), percent-encoding not applied.
    public var outputPath: String
    public var bytes: Data
    /// Pixel size, when the image format tells it (PNG, GIF, JPEG).
    public var width: Int?
    public var height: Int?

    public init(outputPath: String, bytes: Data) {
        self.outputPath = outputPath
        self.bytes = bytes
        (width, height) = Self.size(of: bytes) ?? (nil, nil)
    }

    /// Screenshots and assets larger than this are refused before they are read.
    public static let maximumBytes = 32 * 1024 * 1024

    /// Image formats a screenshot may have.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif"]

    /// Reads the screenshots the guide's steps name from `<content>/media/`, reporting missing files
    /// and file types that are not images at the `file:` field.
    public static func loadScreenshots(of guide: Guide, contentDirectory: String, diagnostics: inout [Diagnostic]) -> [String: MediaAsset] {
        var assets: [String: MediaAsset] = [:]
        let media = URL(fileURLWithPath: contentDirectory).appendingPathComponent("media")
        for section in guide.sections {
            for step in section.steps {
                guard let file = step.screenshot?.file, assets[file.value] == nil else { continue }
                let fileExtension = (file.value as NSString).pathExtension.lowercased()
                guard imageExtensions.contains(fileExtension) else {
                    diagnostics.append(Diagnostic(id: "invalid-media", message: "‘\(file.value)’ is not an image guidegen publishes: use \(imageExtensions.sorted().joined(separator: ", "))", at: file.location))
                    continue
                }
                let bytes: Data
                switch ConfinedFile.contents(of: media.appendingPathComponent(file.value), within: media, limit: maximumBytes) {
                case .success(let data): bytes = data
                case .failure(.missing):
                    diagnostics.append(Diagnostic(id: "missing-media", message: "no file media/\(file.value) in the content folder: add the screenshot or fix the path", at: file.location))
                    continue
                case .failure(let failure):
                    var diagnostic = failure.diagnostic(file: file.location.file, what: "screenshot", limit: maximumBytes)
                    diagnostic.location = file.location
                    diagnostics.append(diagnostic)
                    continue
                }
                assets[file.value] = MediaAsset(outputPath: "media/" + file.value, bytes: bytes)
            }
        }
        return assets
    }

    /// `/`-separated path with every segment percent-encoded for a URL.
    public static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    static func size(of data: Data) -> (Int?, Int?)? {
        let bytes = [UInt8](data.prefix(64 * 1024))
        func be16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func be32(_ at: Int) -> Int { be16(at) << 16 | be16(at + 2) }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return (be32(16), be32(20))
        }
        if bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) {
            return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return (be16(index + 7), be16(index + 5))
                }
                index += 2 + be16(index + 2)
            }
        }
        return nil
    }
}
