import Foundation
@testable import GuideKit

/// Options for loopback tests: no cache, no politeness delays, short timeouts and backoff.
func loopbackOptions(_ configure: (inout OnlineCheckOptions) -> Void = { _ in }) -> OnlineCheckOptions {
    var options = OnlineCheckOptions()
    options.useCache = false
    options.minimumHostInterval = .zero
    options.maxConcurrencyPerHost = 8
    // Generous: a loopback answer is instant, but the machine may be busy compiling. Tests that
    // are about timeouts set their own.
    options.requestTimeout = .seconds(15)
    options.deadline = .seconds(60)
    options.backoffBase = .milliseconds(50)
    configure(&options)
    return options
}

/// A fixed wall clock: 2023-11-14T22:13:20Z.
let fixedNow: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000) }

/// libcurl, but `https://127.0.0.1` is sent as `http://127.0.0.1`: the checker believes it talks
/// https (and so sees a redirect to an `http://` Location as a downgrade) without real TLS.
struct HTTPSOnLoopbackTransport: HTTPTransport {
    let base = try! CurlTransport()

    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        var request = request
        if request.url.scheme == "https", request.url.host == "127.0.0.1",
            var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false) {
            components.scheme = "http"
            request.url = components.url!
        }
        return try await base.send(request)
    }
}

/// A transport that fails every request the same way, for failures a loopback server cannot produce (DNS, TLS).
struct FailingTransport: HTTPTransport {
    let failure: TransportFailure

    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse { throw failure }
}

/// Checks `urls` against the network (only loopback in these tests) with `options`.
func check(_ urls: [String], options: OnlineCheckOptions = loopbackOptions(), transport: (any HTTPTransport)? = nil,
           now: @escaping @Sendable () -> Date = fixedNow) async throws -> LinkCheckReport {
    let checker = try LinkChecker(options: options, transport: transport ?? CurlTransport(), now: now)
    return await checker.check(urls)
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
