import Foundation
@testable import GuideKit
import Testing

/// The cache file: hits, bypass, expiry, stable bytes, and problems that never stop a check.
@Suite struct OnlineCacheTests {
    static func cachedOptions(_ directory: TemporaryDirectory, _ configure: (inout OnlineCheckOptions) -> Void = { _ in }) -> OnlineCheckOptions {
        loopbackOptions {
            $0.useCache = true
            $0.cachePath = directory.url.appendingPathComponent(".guidegen-cache/links.json").path
            $0.cacheMaxAge = .seconds(3600)
            configure(&$0)
        }
    }

    @Test func secondRunIsAnsweredFromTheCache() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        server.route("/gone", always: .respond(status: 404))
        let directory = try TemporaryDirectory()
        let options = Self.cachedOptions(directory)
        let urls = [server.url("/ok"), server.url("/gone")]
        let first = try await check(urls, options: options)
        #expect(first.results.allSatisfy { !$0.fromCache })
        let requestsAfterFirst = server.requests.count

        let second = try await check(urls, options: options, now: { fixedNow().addingTimeInterval(60) })
        #expect(server.requests.count == requestsAfterFirst, "no request reaches the server")
        #expect(second.results.allSatisfy { $0.fromCache && $0.requests == 0 })
        #expect(second.results.map(\.outcome) == first.results.map(\.outcome))
        #expect(second.cacheIssues.isEmpty)
    }

    @Test func noCacheBypassesTheFileAndLeavesItAlone() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        let directory = try TemporaryDirectory()
        let options = Self.cachedOptions(directory)
        _ = try await check([server.url("/ok")], options: options)
        let before = try Data(contentsOf: URL(fileURLWithPath: options.cachePath))

        var bypass = options
        bypass.useCache = false
        let report = try await check([server.url("/ok")], options: bypass, now: { fixedNow().addingTimeInterval(7200) })
        #expect(server.requests("/ok").count == 2)
        #expect(report[server.url("/ok")]?.fromCache == false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: options.cachePath)) == before)
    }

    @Test func expiredEntriesAreCheckedAgain() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        let directory = try TemporaryDirectory()
        let options = Self.cachedOptions(directory)
        _ = try await check([server.url("/ok")], options: options)
        let later: @Sendable () -> Date = { fixedNow().addingTimeInterval(3601) }
        let report = try await check([server.url("/ok")], options: options, now: later)
        #expect(server.requests("/ok").count == 2)
        #expect(report[server.url("/ok")]?.fromCache == false)
        let cache = try LinkCache.load(path: options.cachePath)
        #expect(cache.entries[server.url("/ok")]?.checkedAt == later().timeIntervalSince1970)
    }

    @Test func unverifiableResultsAreNotCached() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/private", always: .respond(status: 403))
        let directory = try TemporaryDirectory()
        let options = Self.cachedOptions(directory)
        _ = try await check([server.url("/private")], options: options)
        _ = try await check([server.url("/private")], options: options)
        #expect(server.requests("/private").count == 4, "HEAD and GET, twice")
        #expect(try LinkCache.load(path: options.cachePath).entries.isEmpty)
    }

    @Test func fileHasSortedKeysAndStableBytes() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("links.json").path
        let cache = LinkCache(entries: [
            "https://b.example/": .init(outcome: .broken(.status(404)), redirects: [], checkedAt: 1_700_000_000),
            "https://a.example/": .init(
                outcome: .ok(finalURL: "https://www.a.example/", permanentRedirect: true),
                redirects: [Redirect(status: 301, from: "https://a.example/", to: "https://www.a.example/")], checkedAt: 1_700_000_000),
        ])
        try cache.write(path: path)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try cache.write(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        let text = String(decoding: first, as: UTF8.self)
        let a = try #require(text.range(of: "https://a.example/\""))
        let b = try #require(text.range(of: "https://b.example/\""))
        #expect(a.lowerBound < b.lowerBound)
        #expect(text.contains("\"checkedAt\" : 1700000000"))
        #expect(try LinkCache.load(path: path) == cache)
        // Nothing but the cache itself is left in the folder (the temporary file was renamed).
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["links.json"])
    }

    @Test func unreadableCacheIsReportedAndTheCheckRunsWithoutIt() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        let directory = try TemporaryDirectory()
        let options = Self.cachedOptions(directory)
        try directory.write(".guidegen-cache/links.json", Data("{ not json".utf8))
        let report = try await check([server.url("/ok")], options: options)
        #expect(report[server.url("/ok")]?.outcome.isOK == true)
        #expect(report.cacheIssues.count == 1)
        guard case .unreadable(let path, _) = report.cacheIssues.first else {
            Issue.record("expected an unreadable cache, got \(report.cacheIssues)")
            return
        }
        #expect(path == options.cachePath)
        // The broken file was replaced by a good one.
        #expect(try LinkCache.load(path: options.cachePath).entries.count == 1)
    }
}
