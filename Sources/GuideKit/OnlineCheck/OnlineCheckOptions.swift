/// How the online check behaves: politeness, patience, what to accept and what to skip.
///
/// Every default is what `guidegen validate --online` uses without configuration.
public struct OnlineCheckOptions: Sendable, Hashable {
    /// How long one request may wait for an answer.
    public var requestTimeout: Duration = .seconds(20)
    /// How long the whole run may take; checks still waiting then are unverifiable.
    public var deadline: Duration = .seconds(300)
    /// Requests in flight at once, over all hosts.
    public var maxConcurrency: Int = 8
    /// Requests in flight at once to one host.
    public var maxConcurrencyPerHost: Int = 2
    /// The least time between the starts of two requests to one host.
    public var minimumHostInterval: Duration = .milliseconds(500)
    /// Retries after a 429, a 500/502/503/504 or a reset connection.
    public var maxRetries: Int = 2
    /// The first retry waits this long, each next one twice as long, unless the server sent `Retry-After`.
    public var backoffBase: Duration = .seconds(1)
    /// Status codes that count as ok for a host (host name → codes), e.g. `["www.linkedin.com": [999]]`.
    public var acceptedStatusCodes: [String: Set<Int>] = [:]
    /// Regular expressions; a URL that any of them matches (anywhere in it) is not checked.
    public var skipPatterns: [String] = []
    public var userAgent: String = OnlineCheckOptions.userAgent()
    public var maxRedirects: Int = 10
    /// Whether a `#fragment` is looked for in the page (as an element's `id` or `name`).
    public var checkFragments: Bool = true
    /// The most of a page read to look for a fragment.
    public var maxPageBytes: Int = 5 * 1024 * 1024
    /// The cache file; relative paths are relative to the current directory.
    public var cachePath: String = ".guidegen-cache/links.json"
    /// How old a cached result may be and still be used.
    public var cacheMaxAge: Duration = .seconds(24 * 60 * 60)
    /// `false` (`--no-cache`) neither reads nor writes the cache file.
    public var useCache: Bool = true

    public init() {}

    /// `guidegen/0.1.0 (+https://example.org/guidegen)`: names the tool, its version and, when given,
    /// where site owners can read what it is.
    public static func userAgent(contact: String? = nil) -> String {
        "guidegen/\(guidegenVersion)" + (contact.map { " (+\($0))" } ?? "")
    }

    /// Whether `status` counts as ok for `host` (host names compared without case).
    func accepts(_ status: Int, host: String) -> Bool {
        let host = host.lowercased()
        return acceptedStatusCodes.contains { $0.key.lowercased() == host && $0.value.contains(status) }
    }
}

/// Options that cannot work, found before any request is sent.
public enum OnlineCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSkipPattern(pattern: String, detail: String)
    case invalidOption(name: String, detail: String)
    /// The network library cannot be loaded.
    case networkUnavailable(detail: String)

    public var description: String {
        switch self {
        case .invalidSkipPattern(let pattern, let detail): "the skip pattern ‘\(pattern)’ is not a regular expression (\(detail)): fix or remove it"
        case .invalidOption(let name, let detail): "the online option ‘\(name)’ \(detail)"
        case .networkUnavailable(let detail): detail
        }
    }
}
