import Foundation
@testable import GuideKit
import Testing

/// The libcurl transport on its own, against the loopback server: methods, headers, and how much
/// of a body it keeps.
@Suite struct CurlTransportTests {
    private let transport = try! CurlTransport()

    private func send(_ method: HTTPMethod, _ url: String, maxBodyBytes: Int = 0) async throws -> HTTPResponse {
        try await transport.send(HTTPRequest(method: method, url: try #require(URL(string: url)), headers: ["User-Agent": "guidegen-test"],
                                             timeout: .seconds(15), maxBodyBytes: maxBodyBytes))
    }

    @Test func sendsTheMethodAndHeadersAndReadsTheAnswer() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/moved", always: .respond(status: 301, headers: ["Location": "/new", "X-Test": "a b"]))
        let response = try await send(.head, server.url("/moved"))
        #expect(response.status == 301)
        #expect(response.header("location") == "/new")
        #expect(response.header("X-Test") == "a b")
        let request = try #require(server.requests("/moved").first)
        #expect(request.method == "HEAD")
        #expect(request.headers.first { $0.key.lowercased() == "user-agent" }?.value == "guidegen-test")
    }

    @Test func keepsAtMostTheBodyAskedFor() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let body = String(repeating: "0123456789", count: 100)
        server.route("/page", always: .respond(status: 200, headers: ["Content-Type": "text/html"], body: body))
        let whole = try await send(.get, server.url("/page"), maxBodyBytes: 4096)
        #expect(whole.body == Data(body.utf8) && !whole.bodyTruncated)
        let cut = try await send(.get, server.url("/page"), maxBodyBytes: 25)
        #expect(cut.body == Data(body.utf8.prefix(25)) && cut.bodyTruncated)
        let statusOnly = try await send(.get, server.url("/page"))
        #expect(statusOnly.status == 200 && statusOnly.body.isEmpty && !statusOnly.bodyTruncated)
    }

    @Test func aRepeatedHeaderKeepsEveryValue() {
        let block = Data("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Type:text/html\r\n\r\n".utf8)
        #expect(CurlTransport.headers(block) == ["set-cookie": "a=1, b=2", "content-type": "text/html"])
    }

    @Test func refusedConnectionIsAFailureNotAnAnswer() async throws {
        // A port the kernel gave a server that has stopped listening.
        let server = try LoopbackServer()
        let url = server.url("/gone")
        server.stop()
        await #expect(throws: TransportFailure.connectionRefused) { try await send(.head, url) }
    }

    @Test func onlyHTTPAndHTTPSAreSent() async throws {
        await #expect(throws: TransportFailure.self) { try await send(.get, "file:///etc/hostname", maxBodyBytes: 100) }
    }
}
