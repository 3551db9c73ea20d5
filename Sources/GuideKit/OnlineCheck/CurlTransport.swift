import CCurlShim
import Foundation

/// The production transport: libcurl's easy interface, loaded when the first request is sent
/// (see `CCurlShim`), one blocking request per thread. Redirects are not followed, nothing is
/// cached and no cookie is kept, so the checker sees every answer; only http and https are sent.
///
/// Linking Foundation's URLSession instead (libcurl and some thirty libraries it needs) cost
/// every guidegen process about 11 ms at start-up, two thirds of `guidegen --version`.
public struct CurlTransport: HTTPTransport {
    /// - Throws: `OnlineCheckError.networkUnavailable` when libcurl cannot be loaded.
    public init() throws(OnlineCheckError) {
        if let problem = guidegen_curl_load() { throw .networkUnavailable(detail: String(cString: problem)) }
    }

    public func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        let headers = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        // libcurl's own limit is a backstop: the checker times each request itself.
        let timeout = Int((request.timeout.seconds * 1000).rounded(.up)) + 1000
        let call = Call(method: request.method.rawValue, url: request.url.absoluteString, headers: headers, timeoutMilliseconds: timeout,
                        maxBodyBytes: request.maxBodyBytes)
        guard let call else { throw .other("libcurl could not start a request") }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread { continuation.resume(returning: call.perform()) }
            }
        } onCancel: {
            call.cancel()
        }
        return try result.get()
    }

    /// How a libcurl result code reads as a transport failure (codes from curl/curl.h).
    static func failure(forCurlCode code: Int32, description: String) -> TransportFailure {
        switch code {
        case 28: .timedOut
        case 6: .hostNotFound
        case 35, 58, 59, 60, 77, 83, 90, 91: .tlsFailure(description)
        case 7: .connectionRefused
        case 52, 55, 56: .connectionReset
        case 42: .cancelled
        default: .other(description)
        }
    }

    /// One request in libcurl, freed with the object.
    private final class Call: @unchecked Sendable {
        // `@unchecked`: `perform` runs once, on one thread; `cancel` only sets an atomic flag.
        private let pointer: OpaquePointer

        init?(method: String, url: String, headers: [String], timeoutMilliseconds: Int, maxBodyBytes: Int) {
            var lines = headers.map { strdup($0) }
            defer { lines.forEach { free($0) } }
            let created = lines.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { lines in
                    guidegen_curl_call_new(method, url, lines, buffer.count, timeoutMilliseconds, maxBodyBytes)
                }
            }
            guard let created else { return nil }
            pointer = created
        }

        deinit { guidegen_curl_call_free(pointer) }

        func cancel() { guidegen_curl_call_cancel(pointer) }

        func perform() -> Result<HTTPResponse, TransportFailure> {
            let code = guidegen_curl_call_perform(pointer)
            guard code == 0 else {
                return .failure(CurlTransport.failure(forCurlCode: code, description: String(cString: guidegen_curl_call_error(pointer))))
            }
            let status = guidegen_curl_call_status(pointer)
            guard status > 0 else { return .failure(.other("no response")) }
            return .success(HTTPResponse(status: status, headers: CurlTransport.headers(bytes(guidegen_curl_call_headers)),
                                         body: bytes(guidegen_curl_call_body), bodyTruncated: guidegen_curl_call_body_truncated(pointer) != 0))
        }

        private func bytes(_ read: (OpaquePointer?, UnsafeMutablePointer<Int>?) -> UnsafePointer<CChar>?) -> Data {
            var length = 0
            guard let start = read(pointer, &length), length > 0 else { return Data() }
            return Data(bytes: start, count: length)
        }
    }

    /// The header lines of one response, from its status line on: names in lower case; a
    /// repeated name keeps every value, joined with commas (RFC 9110, 5.3).
    static func headers(_ block: Data) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return headers
    }
}
