import Foundation

/// Checks one URL: requests through the scheduler, HEAD then GET, redirects followed by hand,
/// retries with backoff, and the fragment looked up in the page.
struct URLCheck: Sendable {
    let options: OnlineCheckOptions
    let transport: any HTTPTransport
    let scheduler: PolitenessScheduler
    let deadline: ContinuousClock.Instant

    /// The mutable part of one URL's check.
    private struct Progress {
        var requests = 0
        var retries = 0
        var redirects: [Redirect] = []
    }

    /// How one exchange (a request with its retries and HEAD→GET fallback) ended.
    private enum Exchange {
        case answered(HTTPResponse, HTTPMethod)
        case finished(LinkOutcome)
    }

    func run(_ original: String) async -> LinkCheckResult {
        var progress = Progress()
        let outcome = await outcome(of: original, progress: &progress)
        return LinkCheckResult(
            url: original, outcome: outcome, redirects: progress.redirects, requests: progress.requests,
            retries: progress.retries)
    }

    private func outcome(of original: String, progress: inout Progress) async -> LinkOutcome {
        guard let parsed = URL(string: original), let start = Self.withoutFragment(parsed), Self.isHTTP(start), start.host != nil else {
            return .broken(.invalidURL)
        }
        let fragment = parsed.fragment.flatMap {
            options.checkFragments && !$0.isEmpty && !HTMLAnchors.isClientRoute($0) ? $0 : nil
        }
        // A fragment needs the page, so GET straight away instead of HEAD then GET.
        var method: HTTPMethod = fragment == nil ? .head : .get
        var current = start
        var visited: Set<String> = [start.absoluteString]
        while true {
            let response: HTTPResponse
            switch await exchange(current, method: method, wantsBody: fragment != nil, progress: &progress) {
            case .finished(let outcome): return outcome
            case .answered(let answer, let usedMethod):
                response = answer
                method = usedMethod
            }
            let host = current.host ?? ""
            if (200..<300).contains(response.status) || options.accepts(response.status, host: host) {
                let finalURL = current.absoluteString + (parsed.fragment.map { "#\($0)" } ?? "")
                if let fragment, (200..<300).contains(response.status), let problem = Self.fragmentProblem(fragment, in: response, limit: options.maxPageBytes) {
                    return problem
                }
                return .ok(finalURL: finalURL, permanentRedirect: progress.redirects.first?.isPermanent ?? false)
            }
            guard Self.isRedirect(response.status) else { return Self.classify(response.status) }
            guard let location = response.header("location") else { return .broken(.redirectWithoutLocation(status: response.status)) }
            guard let target = URL(string: location, relativeTo: current)?.absoluteURL, let next = Self.withoutFragment(target),
                Self.isHTTP(next), next.host != nil
            else { return .broken(.invalidRedirect(location: location)) }
            if current.scheme?.lowercased() == "https" && next.scheme?.lowercased() == "http" {
                return .broken(.httpsDowngrade(location: next.absoluteString))
            }
            progress.redirects.append(Redirect(status: response.status, from: current.absoluteString, to: next.absoluteString))
            guard visited.insert(next.absoluteString).inserted else { return .broken(.redirectLoop(url: next.absoluteString)) }
            guard progress.redirects.count <= options.maxRedirects else { return .broken(.tooManyRedirects(limit: options.maxRedirects)) }
            current = next
        }
    }

    /// Sends one request to `url`, falling back from HEAD to GET and retrying 429, 5xx and resets.
    private func exchange(_ url: URL, method: HTTPMethod, wantsBody: Bool, progress: inout Progress) async -> Exchange {
        var method = method
        let host = url.host?.lowercased() ?? ""
        while true {
            guard await scheduler.acquire(host: host, deadline: deadline) else { return .finished(.unverifiable(.deadlineExceeded)) }
            let remaining = deadline - ContinuousClock.now
            let timeout = min(options.requestTimeout, remaining)
            progress.requests += 1
            let request = HTTPRequest(
                method: method, url: url, headers: ["User-Agent": options.userAgent, "Accept": "text/html,*/*;q=0.8"],
                timeout: timeout, maxBodyBytes: method == .get && wantsBody ? options.maxPageBytes : 0)
            let result = await send(request, timeout: timeout)
            await scheduler.release(host: host)

            // Past this switch only a retry is left: every other answer returns.
            let retryAfter: Int?
            switch result {
            case .failure(let failure):
                switch failure {
                case .timedOut:
                    return .finished(.unverifiable(timeout < options.requestTimeout ? .deadlineExceeded : .timeout(seconds: timeout.seconds)))
                case .hostNotFound: return .finished(.broken(.hostNotFound(host: host)))
                case .tlsFailure(let detail): return .finished(.broken(.tlsFailure(detail: detail)))
                case .connectionRefused: return .finished(.unverifiable(.connectionFailed(detail: "connection refused")))
                case .cancelled: return .finished(.unverifiable(.connectionFailed(detail: "the request was cancelled")))
                case .other(let detail): return .finished(.unverifiable(.connectionFailed(detail: detail)))
                case .connectionReset:
                    guard progress.retries < options.maxRetries else { return .finished(.unverifiable(.connectionReset)) }
                    retryAfter = nil
                }
            case .success(let response):
                let status = response.status
                if (200..<300).contains(status) || Self.isRedirect(status) || options.accepts(status, host: host) {
                    return .answered(response, method)
                }
                // Many servers answer HEAD wrongly (405, 501, 403, 404 …): ask again with GET before judging.
                if method == .head && status != 429 && status != 503 {
                    method = .get
                    continue
                }
                guard Self.retryableStatuses.contains(status), progress.retries < options.maxRetries else {
                    return .answered(response, method)
                }
                retryAfter = response.header("retry-after").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { max(0, $0) }
            }
            let delay = retryAfter.map { Duration.seconds($0) } ?? options.backoffBase * (1 << min(progress.retries, 16))
            if ContinuousClock.now + delay >= deadline {
                // No time left to wait: report what the server said, not the clock.
                switch (result, retryAfter) {
                case (.success(let response), let seconds?):
                    return .finished(.unverifiable(.retryAfterPastDeadline(status: response.status, seconds: seconds)))
                case (.success(let response), nil):
                    return .answered(response, method)
                case (.failure, _):
                    return .finished(.unverifiable(.connectionReset))
                }
            }
            try? await Task.sleep(for: delay)
            progress.retries += 1
        }
    }

    /// The transport's answer, or `.timedOut` when it takes longer than `timeout`, whatever the transport does.
    private func send(_ request: HTTPRequest, timeout: Duration) async -> Result<HTTPResponse, TransportFailure> {
        await withTaskGroup(of: Result<HTTPResponse, TransportFailure>?.self) { group in
            group.addTask { [transport] in
                do throws(TransportFailure) { return .success(try await transport.send(request)) } catch { return .failure(error) }
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return nil }
                return .failure(.timedOut)
            }
            var first: Result<HTTPResponse, TransportFailure>?
            while first == nil, let next = await group.next() { first = next }
            group.cancelAll()
            return first ?? .failure(.cancelled)
        }
    }

    static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    static func isRedirect(_ status: Int) -> Bool { [301, 302, 303, 307, 308].contains(status) }

    /// What a final, non-ok status means.
    static func classify(_ status: Int) -> LinkOutcome {
        switch status {
        case 401, 403, 407, 408, 429, 451, 999: .unverifiable(.status(status))
        case 400..<500: .broken(.status(status))
        default: .unverifiable(.status(status))
        }
    }

    private static func isHTTP(_ url: URL) -> Bool { ["http", "https"].contains(url.scheme?.lowercased() ?? "") }

    private static func withoutFragment(_ url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return nil }
        components.fragment = nil
        return components.url
    }

    /// Nil when the fragment is found, or when the page is not HTML (a PDF's `#page=2` is not an anchor).
    static func fragmentProblem(_ fragment: String, in response: HTTPResponse, limit: Int) -> LinkOutcome? {
        if let type = response.header("content-type")?.lowercased(), !type.contains("html") { return nil }
        let anchors = HTMLAnchors(html: String(decoding: response.body, as: UTF8.self))
        if anchors.contains(fragment: fragment) { return nil }
        return response.bodyTruncated ? .unverifiable(.pageTooLarge(fragment: fragment, limit: limit)) : .broken(.missingFragment(fragment: fragment))
    }
}
