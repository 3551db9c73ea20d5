import Foundation

/// The HTTP method of a check: HEAD first, GET when a server rejects HEAD or the page is needed.
public enum HTTPMethod: String, Sendable, Hashable, Codable {
    case head = "HEAD"
    case get = "GET"
}

/// One request the checker sends; redirects are never followed by the transport.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: URL
    public var headers: [String: String]
    /// How long the transport may wait for the answer.
    public var timeout: Duration
    /// How much of the body to keep; 0 means the status and headers are enough.
    public var maxBodyBytes: Int

    public init(method: HTTPMethod, url: URL, headers: [String: String] = [:], timeout: Duration, maxBodyBytes: Int = 0) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }
}

/// What a server answered.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data
    /// True when the body was cut at the request's `maxBodyBytes`.
    public var bodyTruncated: Bool

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), bodyTruncated: Bool = false) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP answer. The checker maps these to outcomes; it never reads messages.
public enum TransportFailure: Error, Sendable, Hashable {
    case timedOut
    /// The host name could not be resolved.
    case hostNotFound
    /// The TLS handshake or certificate check failed.
    case tlsFailure(String)
    case connectionRefused
    /// The peer reset or dropped the connection before a complete answer.
    case connectionReset
    case cancelled
    case other(String)
}

/// Sends one request and returns the answer without following redirects.
///
/// The production transport is `CurlTransport`; tests may wrap it (to rewrite URLs) or
/// replace it (to simulate failures no loopback server can produce, such as DNS errors).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
