/// One hop of a redirect chain.
public struct Redirect: Sendable, Hashable, Codable {
    public var status: Int
    public var from: String
    public var to: String

    public init(status: Int, from: String, to: String) {
        self.status = status
        self.from = from
        self.to = to
    }

    /// 301 and 308 say the old URL should no longer be used.
    public var isPermanent: Bool { status == 301 || status == 308 }
}

/// What checking one URL found, and what it cost.
public struct LinkCheckResult: Sendable, Hashable {
    /// The URL as the registry spells it.
    public var url: String
    public var outcome: LinkOutcome
    /// The redirects followed, in order.
    public var redirects: [Redirect]
    /// HTTP requests sent for this URL (0 when the result came from the cache).
    public var requests: Int
    /// How many of those requests repeated an earlier one after a 429, a 5xx or a reset.
    public var retries: Int
    public var fromCache: Bool

    public init(url: String, outcome: LinkOutcome, redirects: [Redirect] = [], requests: Int = 0, retries: Int = 0, fromCache: Bool = false) {
        self.url = url
        self.outcome = outcome
        self.redirects = redirects
        self.requests = requests
        self.retries = retries
        self.fromCache = fromCache
    }

    /// The URL the registry should use instead: where the leading run of permanent redirects ends
    /// (a temporary redirect after it, such as one to a login page, is not a place to link to).
    public var permanentTarget: String? {
        var target: String?
        for hop in redirects {
            guard hop.isPermanent else { break }
            target = hop.to
        }
        guard let target else { return nil }
        // Keep the registry's fragment when the redirect dropped it.
        if let hash = url.firstIndex(of: "#"), !target.contains("#") { return target + url[hash...] }
        return target
    }
}

/// A problem with the cache file; the check still ran, without it.
public enum LinkCacheIssue: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case unwritable(path: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "the link cache \(path) could not be read (\(detail)): delete it; it is rebuilt on the next run"
        case .unwritable(let path, let detail): "the link cache \(path) could not be written (\(detail)): check the folder’s permissions"
        }
    }
}

/// Everything one run of the checker found, in the order the URLs were given.
public struct LinkCheckReport: Sendable, Hashable {
    /// One result per checked URL, in input order, each URL once.
    public var results: [LinkCheckResult]
    /// URLs matched by a skip pattern, or whose scheme is not http or https (`mailto:`, `tel:`), in input order.
    public var skipped: [String]
    public var cacheIssues: [LinkCacheIssue]

    public init(results: [LinkCheckResult], skipped: [String] = [], cacheIssues: [LinkCacheIssue] = []) {
        self.results = results
        self.skipped = skipped
        self.cacheIssues = cacheIssues
    }

    public subscript(url: String) -> LinkCheckResult? { results.first { $0.url == url } }

    public var broken: [LinkCheckResult] { results.filter { $0.outcome.isBroken } }
    public var unverifiable: [LinkCheckResult] { results.filter { $0.outcome.isUnverifiable } }
    public var ok: [LinkCheckResult] { results.filter { $0.outcome.isOK } }
}
