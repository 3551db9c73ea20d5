import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: Foundation's URLSession (FoundationNetworking, libcurl, on Linux),
/// with automatic redirects, caching and cookies turned off so the checker sees every answer.
///
/// Bodies are read through delegate callbacks and cut at the request's `maxBodyBytes`: a status
/// check downloads no page, a fragment check at most the configured size.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // `@unchecked`: both properties are immutable; URLSession and the delegate are thread-safe.
    private let session: URLSession
    private let delegate: TaskDelegate

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        delegate = TaskDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        // swift-corelibs-foundation hands libcurl whole seconds, rounded down (0.5 s times out at
        // once, 1.5 s after 1 s): this is only a backstop; the checker times each request itself.
        urlRequest.timeoutInterval = request.timeout.seconds.rounded(.up) + 1
        urlRequest.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: urlRequest)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.register(task, maxBodyBytes: request.maxBodyBytes, continuation: continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
        return try result.get()
    }

    /// How a URLSession error code reads as a transport failure.
    static func failure(forURLErrorCode code: Int, description: String) -> TransportFailure {
        switch URLError.Code(rawValue: code) {
        case .timedOut: .timedOut
        case .cannotFindHost, .dnsLookupFailed: .hostNotFound
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            .tlsFailure(description)
        case .cannotConnectToHost: .connectionRefused
        case .networkConnectionLost: .connectionReset
        case .cancelled: .cancelled
        default: .other(description)
        }
    }
}

/// Collects each task's answer and hands it to the waiting continuation exactly once.
private final class TaskDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // `@unchecked`: `tasks` is only touched under `lock`.
    private struct Pending {
        var continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>
        var maxBodyBytes: Int
        var response: HTTPURLResponse?
        var body = Data()
    }

    private let lock = NSLock()
    private var tasks: [Int: Pending] = [:]

    func register(_ task: URLSessionTask, maxBodyBytes: Int, continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>) {
        lock.withLock { tasks[task.taskIdentifier] = Pending(continuation: continuation, maxBodyBytes: maxBodyBytes) }
    }

    /// Removes the task's entry and resumes its continuation; later callbacks for it find nothing.
    private func finish(_ task: URLSessionTask, _ result: (Pending) -> Result<HTTPResponse, TransportFailure>) {
        let pending = lock.withLock { tasks.removeValue(forKey: task.taskIdentifier) }
        guard let pending else { return }
        pending.continuation.resume(returning: result(pending))
    }

    private static func response(_ http: HTTPURLResponse, body: Data, truncated: Bool) -> HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: body, bodyTruncated: truncated)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // The checker follows redirects itself, to count them and see loops and downgrades.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            finish(dataTask) { _ in .failure(.other("not an http response")) }
            completionHandler(.cancel)
            return
        }
        let wantsBody = lock.withLock { () -> Bool in
            tasks[dataTask.taskIdentifier]?.response = http
            return (tasks[dataTask.taskIdentifier]?.maxBodyBytes ?? 0) > 0
        }
        if wantsBody {
            completionHandler(.allow)
        } else {
            finish(dataTask) { _ in .success(Self.response(http, body: Data(), truncated: false)) }
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full = lock.withLock { () -> Bool in
            guard var pending = tasks[dataTask.taskIdentifier] else { return false }
            pending.body.append(data.prefix(max(0, pending.maxBodyBytes - pending.body.count)))
            tasks[dataTask.taskIdentifier] = pending
            return pending.body.count >= pending.maxBodyBytes
        }
        if full {
            finish(dataTask) { pending in
                guard let http = pending.response else { return .failure(.other("body before headers")) }
                return .success(Self.response(http, body: pending.body, truncated: true))
            }
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        finish(task) { pending in
            if let error {
                let nsError = error as NSError
                guard nsError.domain == NSURLErrorDomain else { return .failure(.other(nsError.localizedDescription)) }
                return .failure(URLSessionTransport.failure(forURLErrorCode: nsError.code, description: nsError.localizedDescription))
            }
            guard let http = pending.response ?? task.response as? HTTPURLResponse else {
                return .failure(.other("no response"))
            }
            return .success(Self.response(http, body: pending.body, truncated: false))
        }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
