import Foundation
@testable import GuideKit
import Testing

/// The checker against a loopback server: one test per answer the issue lists.
@Suite struct OnlineLinkCheckerTests {
    @Test func okWithHEADAndAUserAgentThatNamesGuidegen() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        let report = try await check([server.url("/ok")])
        let result = try #require(report[server.url("/ok")])
        #expect(result.outcome == .ok(finalURL: server.url("/ok"), permanentRedirect: false))
        #expect(result.requests == 1 && result.retries == 0 && !result.fromCache)
        let request = try #require(server.requests("/ok").first)
        #expect(request.method == "HEAD")
        #expect(request.headers["user-agent"] == "guidegen/\(guidegenVersion)")
    }

    @Test func permanentRedirectIsOkWithTheFinalURL() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/old", always: .respond(status: 301, headers: ["Location": "/new"]))
        server.route("/new", always: .respond(status: 200))
        let result = try #require(try await check([server.url("/old")])[server.url("/old")])
        #expect(result.outcome == .ok(finalURL: server.url("/new"), permanentRedirect: true))
        #expect(result.redirects == [Redirect(status: 301, from: server.url("/old"), to: server.url("/new"))])
        #expect(result.permanentTarget == server.url("/new"))
    }

    @Test func temporaryRedirectIsOkWithoutASuggestion() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/login", always: .respond(status: 302, headers: ["Location": "/login/form"]))
        server.route("/login/form", always: .respond(status: 200))
        let result = try #require(try await check([server.url("/login")])[server.url("/login")])
        #expect(result.outcome == .ok(finalURL: server.url("/login/form"), permanentRedirect: false))
        #expect(result.permanentTarget == nil)
    }

    @Test func redirectLoopIsBroken() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/a", always: .respond(status: 302, headers: ["Location": "/b"]))
        server.route("/b", always: .respond(status: 302, headers: ["Location": "/a"]))
        let result = try #require(try await check([server.url("/a")])[server.url("/a")])
        #expect(result.outcome == .broken(.redirectLoop(url: server.url("/a"))))
        #expect(server.requests.count == 2)
    }

    @Test func tooManyRedirectsIsBroken() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/hop") { _, index in .respond(status: 307, headers: ["Location": "/hop?n=\(index + 1)"]) }
        let options = loopbackOptions { $0.maxRedirects = 3 }
        let result = try #require(try await check([server.url("/hop")], options: options)[server.url("/hop")])
        #expect(result.outcome == .broken(.tooManyRedirects(limit: 3)))
        #expect(server.requests("/hop").count == 4)
    }

    @Test(arguments: [404, 410])
    func goneIsBroken(status: Int) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/gone", always: .respond(status: status))
        let result = try #require(try await check([server.url("/gone")])[server.url("/gone")])
        #expect(result.outcome == .broken(.status(status)))
        // HEAD is confirmed with GET before a page is called broken.
        #expect(server.requests("/gone").map(\.method) == ["HEAD", "GET"])
    }

    @Test(arguments: [401, 403, 999])
    func refusalIsUnverifiable(status: Int) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/private", always: .respond(status: status))
        let result = try #require(try await check([server.url("/private")])[server.url("/private")])
        #expect(result.outcome == .unverifiable(.status(status)))
        #expect(result.retries == 0)
    }

    @Test func acceptedStatusForTheHostIsOk() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/private", always: .respond(status: 999))
        let options = loopbackOptions { $0.acceptedStatusCodes = ["127.0.0.1": [999]] }
        let result = try #require(try await check([server.url("/private")], options: options)[server.url("/private")])
        #expect(result.outcome == .ok(finalURL: server.url("/private"), permanentRedirect: false))
        #expect(result.requests == 1)
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/busy", sequence: [.respond(status: 429, headers: ["Retry-After": "1"]), .respond(status: 200)])
        let result = try #require(try await check([server.url("/busy")])[server.url("/busy")])
        #expect(result.outcome == .ok(finalURL: server.url("/busy"), permanentRedirect: false))
        #expect(result.retries == 1 && result.requests == 2)
        let times = server.requests("/busy").map(\.receivedAt)
        try #require(times.count == 2)
        // The backoff base is 50 ms here: only Retry-After explains a wait of a second.
        #expect((times[1] - times[0]).inSeconds >= 0.95)
    }

    @Test func retryAfterPastTheDeadlineIsUnverifiableAtOnce() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/busy", always: .respond(status: 429, headers: ["Retry-After": "3600"]))
        // The deadline leaves room for a slow first answer on a loaded machine; Retry-After never fits in it.
        let options = loopbackOptions { $0.deadline = .seconds(60) }
        let started = ContinuousClock.now
        let result = try #require(try await check([server.url("/busy")], options: options)[server.url("/busy")])
        #expect(result.outcome == .unverifiable(.retryAfterPastDeadline(status: 429, seconds: 3600)))
        // "At once" next to a Retry-After of an hour: generous, so a loaded machine does not fail it.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func serviceUnavailableThenOkAfterOneRetry() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/flaky", sequence: [.respond(status: 503), .respond(status: 200)])
        let result = try #require(try await check([server.url("/flaky")])[server.url("/flaky")])
        #expect(result.outcome == .ok(finalURL: server.url("/flaky"), permanentRedirect: false))
        #expect(result.retries == 1 && result.requests == 2)
    }

    @Test func serviceUnavailableAlwaysIsUnverifiableAfterTheRetries() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/down", always: .respond(status: 503))
        let options = loopbackOptions { $0.maxRetries = 2 }
        let result = try #require(try await check([server.url("/down")], options: options)[server.url("/down")])
        #expect(result.outcome == .unverifiable(.status(503)))
        #expect(result.retries == 2 && result.requests == 3)
        // Exponential: 50 ms, then 100 ms.
        let times = server.requests("/down").map(\.receivedAt)
        try #require(times.count == 3)
        #expect((times[1] - times[0]).inSeconds >= 0.045)
        #expect((times[2] - times[1]).inSeconds >= 0.095)
    }

    @Test func backoffPastTheDeadlineReportsTheStatusNotTheClock() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/down", always: .respond(status: 503))
        // The deadline leaves room for a slow first answer on a loaded machine; the backoff never fits in it.
        let options = loopbackOptions { $0.deadline = .seconds(60); $0.backoffBase = .seconds(3600) }
        let result = try #require(try await check([server.url("/down")], options: options)[server.url("/down")])
        #expect(result.outcome == .unverifiable(.status(503)))
        #expect(result.retries == 0 && result.requests == 1)
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/silent", always: .hang)
        let options = loopbackOptions { $0.requestTimeout = .milliseconds(500) }
        let started = ContinuousClock.now
        let result = try #require(try await check([server.url("/silent")], options: options)[server.url("/silent")])
        #expect(result.outcome == .unverifiable(.timeout(seconds: 0.5)))
        // The outcome proves the request timeout fired; the bound only shows the 60 s deadline was
        // not waited for, with room for a loaded machine (under ThreadSanitizer this took 21 s).
        #expect(ContinuousClock.now - started < .seconds(50))
    }

    @Test func totalDeadlineCutsALongRequestShort() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/silent", always: .hang)
        let options = loopbackOptions { $0.requestTimeout = .seconds(120); $0.deadline = .milliseconds(500) }
        let started = ContinuousClock.now
        let result = try #require(try await check([server.url("/silent")], options: options)[server.url("/silent")])
        #expect(result.outcome == .unverifiable(.deadlineExceeded))
        // Far under the 120 s request timeout (the outcome already says the deadline fired).
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    /// A reset says nothing about the page (servers shedding load and bot filters reset too), so it
    /// is retried like a 503 and then unverifiable, never broken.
    @Test func connectionResetIsRetriedThenUnverifiable() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/reset", always: .reset)
        let options = loopbackOptions { $0.maxRetries = 1 }
        let result = try #require(try await check([server.url("/reset")], options: options)[server.url("/reset")])
        #expect(result.outcome == .unverifiable(.connectionReset))
        #expect(result.retries == 1 && result.requests == 2)
    }

    @Test func headRejectedButGetFineIsOkWithTwoRequests() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/nohead") { request, _ in request.method == "HEAD" ? .respond(status: 405) : .respond(status: 200, body: "hi") }
        let result = try #require(try await check([server.url("/nohead")])[server.url("/nohead")])
        #expect(result.outcome == .ok(finalURL: server.url("/nohead"), permanentRedirect: false))
        #expect(result.requests == 2 && result.retries == 0)
        #expect(server.requests("/nohead").map(\.method) == ["HEAD", "GET"])
    }

    @Test func httpsToHTTPDowngradeIsBroken() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/secure", always: .respond(status: 301, headers: ["Location": server.url("/plain")]))
        server.route("/plain", always: .respond(status: 200))
        let url = server.httpsURL("/secure")
        let result = try #require(try await check([url], transport: HTTPSOnLoopbackTransport())[url])
        #expect(result.outcome == .broken(.httpsDowngrade(location: server.url("/plain"))))
        #expect(server.requests("/plain").isEmpty)
    }

    @Test func httpsRedirectWithinHTTPSIsOk() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/secure", always: .respond(status: 308, headers: ["Location": "/secure/"]))
        server.route("/secure/", always: .respond(status: 200))
        let url = server.httpsURL("/secure")
        let result = try #require(try await check([url], transport: HTTPSOnLoopbackTransport())[url])
        #expect(result.outcome == .ok(finalURL: server.httpsURL("/secure/"), permanentRedirect: true))
    }

    @Test func fragmentPresentIsOkAndMissingIsBroken() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let page = #"<html><body><h2 id="hesap-açma">Hesap</h2><a name='legacy'></a></body></html>"#
        server.route("/page", always: .respond(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: page))
        let present = server.url("/page#hesap-a%C3%A7ma")
        let named = server.url("/page#legacy")
        let missing = server.url("/page#odeme")
        let report = try await check([present, named, missing])
        #expect(report[present]?.outcome == .ok(finalURL: present, permanentRedirect: false))
        #expect(report[named]?.outcome == .ok(finalURL: named, permanentRedirect: false))
        #expect(report[missing]?.outcome == .broken(.missingFragment(fragment: "odeme")))
        // The page is needed, so GET straight away.
        #expect(server.requests("/page").map(\.method) == ["GET", "GET", "GET"])
    }

    @Test func clientRouteFragmentIsNotLookedFor() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/", always: .respond(status: 200, headers: ["Content-Type": "text/html"], body: "<div id=app></div>"))
        let url = server.url("/#/home")
        let result = try #require(try await check([url])[url])
        #expect(result.outcome == .ok(finalURL: url, permanentRedirect: false))
        #expect(server.requests("/").map(\.method) == ["HEAD"])
    }

    @Test func eachURLIsCheckedOnceHoweverManyKeysUseIt() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/shared", always: .respond(status: 200))
        server.route("/other", always: .respond(status: 200))
        let at = SourceLocation(file: "links.yaml", line: 1, column: 1)
        let registry = LinkRegistry(entries: [
            Link(key: Located("a", at: at), url: Located(server.url("/shared"), at: at), service: nil),
            Link(key: Located("b", at: at), url: Located(server.url("/other"), at: at), service: nil),
            Link(key: Located("c", at: at), url: Located(server.url("/shared"), at: at), service: nil),
        ])
        let checker = try LinkChecker(options: loopbackOptions(), transport: CurlTransport(), now: fixedNow)
        let report = await checker.check(registry)
        #expect(report.results.map(\.url) == [server.url("/shared"), server.url("/other")])
        #expect(server.requests("/shared").count == 1)
    }

    @Test func skipPatternsAndOtherSchemesAreNotChecked() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let skipped = server.url("/internal/admin")
        let options = loopbackOptions { $0.skipPatterns = ["/internal/"] }
        let report = try await check([skipped, "mailto:help@example.com", server.url("/ok")], options: options)
        #expect(report.skipped == [skipped, "mailto:help@example.com"])
        #expect(report.results.map(\.url) == [server.url("/ok")])
        #expect(server.requests("/internal/admin").isEmpty)
    }

    @Test func invalidSkipPatternIsRejectedBeforeAnyRequest() {
        #expect(throws: OnlineCheckError.self) {
            try LinkChecker(options: loopbackOptions { $0.skipPatterns = ["(unclosed"] }, transport: FailingTransport(failure: .timedOut), now: fixedNow)
        }
    }

    @Test func notAnAbsoluteURLIsBroken() async throws {
        let report = try await check(["https://"], transport: FailingTransport(failure: .timedOut))
        #expect(report["https://"]?.outcome == .broken(.invalidURL))
    }

    /// DNS and TLS failures cannot come from a loopback server: a transport that fails stands in.
    @Test func hostNotFoundAndTLSFailureAreBroken() async throws {
        let dns = try await check(["https://no-such-host.invalid/"], transport: FailingTransport(failure: .hostNotFound))
        #expect(dns["https://no-such-host.invalid/"]?.outcome == .broken(.hostNotFound(host: "no-such-host.invalid")))
        let tls = try await check(["https://expired.test/"], transport: FailingTransport(failure: .tlsFailure("certificate expired")))
        #expect(tls["https://expired.test/"]?.outcome == .broken(.tlsFailure(detail: "certificate expired")))
    }

    /// libcurl's result codes (curl/curl.h) as failures.
    @Test func curlResultCodesMapToFailures() {
        func failure(_ code: Int32) -> TransportFailure { CurlTransport.failure(forCurlCode: code, description: "d") }
        #expect(failure(28) == .timedOut)  // CURLE_OPERATION_TIMEDOUT
        #expect(failure(6) == .hostNotFound)  // CURLE_COULDNT_RESOLVE_HOST
        #expect(failure(60) == .tlsFailure("d"))  // CURLE_PEER_FAILED_VERIFICATION
        #expect(failure(35) == .tlsFailure("d"))  // CURLE_SSL_CONNECT_ERROR
        #expect(failure(7) == .connectionRefused)  // CURLE_COULDNT_CONNECT
        #expect(failure(56) == .connectionReset)  // CURLE_RECV_ERROR
        #expect(failure(52) == .connectionReset)  // CURLE_GOT_NOTHING
        #expect(failure(42) == .cancelled)  // CURLE_ABORTED_BY_CALLBACK
        #expect(failure(3) == .other("d"))  // CURLE_URL_MALFORMAT
    }
}
