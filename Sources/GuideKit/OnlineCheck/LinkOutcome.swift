import Foundation

/// What checking one URL found: exactly one of three outcomes, never blurred.
public enum LinkOutcome: Sendable, Hashable, Codable {
    /// A 2xx answer (or an accepted status), possibly after redirects; `finalURL` is where the chain ended,
    /// `permanentRedirect` whether it started with a 301 or 308.
    case ok(finalURL: String, permanentRedirect: Bool)
    /// The link is wrong: the page is gone, the host does not exist, or the redirects are unusable.
    case broken(BrokenReason)
    /// The check could not tell: the site refused automated requests, failed, or did not answer in time.
    case unverifiable(UnverifiableReason)

    public var isOK: Bool { if case .ok = self { true } else { false } }
    public var isBroken: Bool { if case .broken = self { true } else { false } }
    public var isUnverifiable: Bool { if case .unverifiable = self { true } else { false } }
}

/// Why a link is broken. `description` completes a sentence that starts with the URL.
public enum BrokenReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 404, 410, or another 4xx that says the request is wrong.
    case status(Int)
    case hostNotFound(host: String)
    case tlsFailure(detail: String)
    /// A redirect led back to `url`, already visited.
    case redirectLoop(url: String)
    case tooManyRedirects(limit: Int)
    /// A redirect from an `https` URL to `location`, an `http` one.
    case httpsDowngrade(location: String)
    case redirectWithoutLocation(status: Int)
    /// A `Location` that is not an http or https URL.
    case invalidRedirect(location: String)
    /// The page has no element with this id or name.
    case missingFragment(fragment: String)
    /// The registry's value is not an absolute http or https URL.
    case invalidURL

    public var description: String {
        switch self {
        case .status(let status): "answered \(HTTPStatus.describe(status))"
        case .hostNotFound(let host): "names a host that does not exist (‘\(host)’ could not be resolved)"
        case .tlsFailure(let detail): "failed the secure connection (\(detail.lowercasedFirst))"
        case .redirectLoop(let url): "redirects in a loop back to \(url)"
        case .tooManyRedirects(let limit): "redirects more than \(limit) times"
        case .httpsDowngrade(let location): "redirects from https to plain http (\(location))"
        case .redirectWithoutLocation(let status): "answered \(status) without saying where to go"
        case .invalidRedirect(let location): "redirects to ‘\(location)’, which is not an http or https url"
        case .missingFragment(let fragment): "has no element with the id or name ‘\(fragment)’ for its ‘#\(fragment)’"
        case .invalidURL: "is not an absolute http or https url"
        }
    }
}

/// Why a link could not be verified. `description` completes a sentence that starts with the URL.
public enum UnverifiableReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 401, 403, 429, 999, a 5xx after retries, or another status that says nothing about the page.
    case status(Int)
    /// No answer within the per-request timeout, in seconds.
    case timeout(seconds: Double)
    /// The total deadline of the run passed before the check could finish.
    case deadlineExceeded
    /// The server asked to retry after more seconds than the run had left.
    case retryAfterPastDeadline(status: Int, seconds: Int)
    case connectionReset
    case connectionFailed(detail: String)
    /// The page was larger than the configured limit and the fragment was not in the part read.
    case pageTooLarge(fragment: String, limit: Int)

    public var description: String {
        switch self {
        case .status(let status): "answered \(HTTPStatus.describe(status))"
        case .timeout(let seconds): "did not answer within \(HTTPStatus.formatSeconds(seconds)) s"
        case .deadlineExceeded: "could not be checked before the total deadline of the run"
        case .retryAfterPastDeadline(let status, let seconds):
            "answered \(HTTPStatus.describe(status)) and asked to retry after \(seconds) s, past the deadline of the run"
        case .connectionReset: "reset the connection"
        case .connectionFailed(let detail): "could not be reached (\(detail.lowercasedFirst))"
        case .pageTooLarge(let fragment, let limit): "is larger than \(limit) bytes and ‘#\(fragment)’ was not in the part read"
        }
    }
}

/// Status codes as words, for messages.
enum HTTPStatus {
    static let reasons: [Int: String] = [
        400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found", 405: "method not allowed",
        406: "not acceptable", 407: "proxy authentication required", 408: "request timeout", 410: "gone",
        414: "uri too long", 418: "i’m a teapot", 429: "too many requests", 451: "unavailable for legal reasons",
        500: "internal server error", 501: "not implemented", 502: "bad gateway", 503: "service unavailable",
        504: "gateway timeout", 999: "(a refusal of automated requests)",
    ]

    /// `404 not found`, or the bare number when the code has no common name.
    static func describe(_ status: Int) -> String { reasons[status].map { "\(status) \($0)" } ?? "\(status)" }

    /// `0.5`, `20`: no trailing `.0`.
    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

extension String {
    /// libcurl's messages start with a capital letter; diagnostics are lower case.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
