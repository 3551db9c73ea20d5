import Foundation

/// Checks that URLs are alive: each once, concurrently within the politeness limits, with the
/// cache consulted first. Returns data (a `LinkCheckReport`); turning it into diagnostics is
/// `OnlineCheck.diagnostics`, printing it is the CLI's.
public struct LinkChecker: Sendable {
    public let options: OnlineCheckOptions
    let transport: any HTTPTransport
    /// The wall clock, read once per run: it stamps and ages cache entries, nothing else.
    let now: @Sendable () -> Date
    private let skipPatterns: [String]

    /// - Throws: `OnlineCheckError` when a skip pattern is not a regular expression or a limit is not positive.
    public init(options: OnlineCheckOptions, transport: any HTTPTransport, now: @escaping @Sendable () -> Date) throws(OnlineCheckError) {
        for pattern in options.skipPatterns {
            do { _ = try NSRegularExpression(pattern: pattern) } catch {
                throw .invalidSkipPattern(pattern: pattern, detail: (error as NSError).localizedDescription.lowercasedFirst)
            }
        }
        let positive: [(String, Bool)] = [
            ("maxConcurrency", options.maxConcurrency >= 1), ("maxConcurrencyPerHost", options.maxConcurrencyPerHost >= 1),
            ("requestTimeout", options.requestTimeout > .zero), ("deadline", options.deadline > .zero),
            ("maxRedirects", options.maxRedirects >= 0), ("maxRetries", options.maxRetries >= 0),
            ("minimumHostInterval", options.minimumHostInterval >= .zero), ("backoffBase", options.backoffBase >= .zero),
        ]
        if let (name, _) = positive.first(where: { !$0.1 }) { throw .invalidOption(name: name, detail: "must be positive: raise it") }
        self.options = options
        self.transport = transport
        self.now = now
        self.skipPatterns = options.skipPatterns
    }

    /// A checker that talks to the network through libcurl.
    public init(options: OnlineCheckOptions, now: @escaping @Sendable () -> Date) throws(OnlineCheckError) {
        try self.init(options: options, transport: CurlTransport(), now: now)
    }

    /// The registry's URLs, each once, in registry order.
    public static func urls(in registry: LinkRegistry) -> [String] {
        var seen: Set<String> = []
        return registry.entries.map(\.url.value).filter { seen.insert($0).inserted }
    }

    /// Checks every URL of the registry once, however many keys share it.
    public func check(_ registry: LinkRegistry) async -> LinkCheckReport {
        await check(Self.urls(in: registry))
    }

    /// Checks each distinct URL once and reports one result per URL, in the order given.
    public func check(_ urls: [String]) async -> LinkCheckReport {
        let startedAt = now()
        let deadline = ContinuousClock.now + options.deadline
        var seen: Set<String> = []
        let unique = urls.filter { seen.insert($0).inserted }

        let regexes = skipPatterns.compactMap { try? NSRegularExpression(pattern: $0) }
        var skipped: [String] = []
        var toCheck: [String] = []
        var results: [String: LinkCheckResult] = [:]
        var cacheIssues: [LinkCacheIssue] = []

        var cache: LinkCache?
        if options.useCache {
            do { cache = try LinkCache.load(path: options.cachePath) } catch {
                cacheIssues.append(error)
                cache = LinkCache()
            }
        }
        for url in unique {
            if Self.isSkipped(url, by: regexes) {
                skipped.append(url)
            } else if let entry = cache?.freshEntry(for: url, now: startedAt, maxAge: options.cacheMaxAge) {
                results[url] = LinkCheckResult(url: url, outcome: entry.outcome, redirects: entry.redirects, fromCache: true)
            } else {
                toCheck.append(url)
            }
        }

        let scheduler = PolitenessScheduler(
            maxConcurrency: options.maxConcurrency, maxPerHost: options.maxConcurrencyPerHost,
            minimumInterval: options.minimumHostInterval)
        let check = URLCheck(options: options, transport: transport, scheduler: scheduler, deadline: deadline)
        // One child per URL: the scheduler, not the group, bounds how many requests run at once.
        await withTaskGroup(of: LinkCheckResult.self) { group in
            for url in toCheck { group.addTask { await check.run(url) } }
            for await result in group { results[result.url] = result }
        }

        if var cache {
            cache.removeExpired(now: startedAt, maxAge: options.cacheMaxAge)
            for url in toCheck {
                guard let result = results[url], LinkCache.shouldStore(result.outcome) else { continue }
                cache.entries[url] = LinkCache.Entry(outcome: result.outcome, redirects: result.redirects, checkedAt: startedAt.timeIntervalSince1970)
            }
            do { try cache.write(path: options.cachePath) } catch { cacheIssues.append(error) }
        }
        return LinkCheckReport(results: unique.compactMap { results[$0] }, skipped: skipped, cacheIssues: cacheIssues)
    }

    /// Skip patterns first; then anything that is not http(s) (`mailto:`, `tel:`) has nothing to ask.
    private static func isSkipped(_ url: String, by regexes: [NSRegularExpression]) -> Bool {
        let range = NSRange(url.startIndex..., in: url)
        if regexes.contains(where: { $0.firstMatch(in: url, range: range) != nil }) { return true }
        guard let scheme = URL(string: url)?.scheme?.lowercased() else { return false }
        return scheme != "http" && scheme != "https"
    }
}
