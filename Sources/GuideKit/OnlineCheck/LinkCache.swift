import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Results of earlier runs, so repeated CI runs do not ask the same sites again.
///
/// A JSON file of url → {outcome, redirects, checkedAt (seconds since 1970)}, written with sorted
/// keys (stable bytes) through a temporary file and a rename (never half-written). Only ok and
/// broken outcomes are stored: unverifiable ones are transient by definition and are asked again.
public struct LinkCache: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Codable {
        public var outcome: LinkOutcome
        public var redirects: [Redirect]
        /// Seconds since 1970.
        public var checkedAt: Double

        public init(outcome: LinkOutcome, redirects: [Redirect], checkedAt: Double) {
            self.outcome = outcome
            self.redirects = redirects
            self.checkedAt = checkedAt
        }
    }

    /// The file's shape; a different `format` is read as an empty cache.
    private struct File: Codable {
        var format: Int
        var entries: [String: Entry]
    }

    static let format = 1

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// Reads the cache; a missing file is an empty cache, an unreadable one an issue.
    public static func load(path: String) throws(LinkCacheIssue) -> LinkCache {
        guard FileManager.default.fileExists(atPath: path) else { return LinkCache() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.format == format else { return LinkCache() }
            return LinkCache(entries: file.entries)
        } catch {
            throw .unreadable(path: path, detail: Self.describe(error))
        }
    }

    /// Writes the cache atomically: a temporary file beside the target, then a rename over it.
    public func write(path: String) throws(LinkCacheIssue) {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            var data = try encoder.encode(File(format: Self.format, entries: entries))
            data.append(contentsOf: Array("\n".utf8))
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: path, detail: Self.describe(error))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let detail = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: path, detail: detail)
        }
    }

    /// The entry for `url` when it is at most `maxAge` old at `now`.
    public func freshEntry(for url: String, now: Date, maxAge: Duration) -> Entry? {
        guard let entry = entries[url] else { return nil }
        let age = now.timeIntervalSince1970 - entry.checkedAt
        return age >= 0 && age <= maxAge.seconds ? entry : nil
    }

    /// Drops entries older than `maxAge` (or from the future) at `now`.
    public mutating func removeExpired(now: Date, maxAge: Duration) {
        entries = entries.filter { freshEntry(for: $0.key, now: now, maxAge: maxAge) != nil }
    }

    /// Whether an outcome is worth remembering.
    static func shouldStore(_ outcome: LinkOutcome) -> Bool { !outcome.isUnverifiable }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "not a guidegen link cache: \(context.debugDescription.lowercasedFirst)"
        default:
            (error as NSError).localizedDescription.lowercasedFirst
        }
    }
}
