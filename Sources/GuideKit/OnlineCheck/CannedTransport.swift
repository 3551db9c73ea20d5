import Foundation

/// Answers requests from a table instead of the network, for the online rules' examples and for
/// trying a configuration offline. One answer a line: `URL STATUS [LOCATION]`, or `URL timeout`,
/// `URL reset`, `URL no-such-host`; `#` starts a comment. A URL not in the table is a 404.
public struct CannedTransport: HTTPTransport {
    /// The name of the file that holds the answers in a rule example's tree.
    public static let exampleFileName = "online-answers.txt"

    private enum Answer: Sendable {
        case status(Int, location: String?)
        case failure(TransportFailure)
    }

    private let answers: [String: Answer]

    public init(answers text: String) {
        var answers: [String: Answer] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 2, !words[0].hasPrefix("#") else { continue }
            switch words[1] {
            case "timeout": answers[words[0]] = .failure(.timedOut)
            case "reset": answers[words[0]] = .failure(.connectionReset)
            case "no-such-host": answers[words[0]] = .failure(.hostNotFound)
            default:
                if let status = Int(words[1]) { answers[words[0]] = .status(status, location: words.count > 2 ? words[2] : nil) }
            }
        }
        self.answers = answers
    }

    public func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        var url = request.url.absoluteString
        if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
        switch answers[url] ?? answers[request.url.absoluteString] ?? .status(404, location: nil) {
        case .failure(let failure):
            throw failure
        case .status(let status, let location):
            return HTTPResponse(status: status, headers: location.map { ["Location": $0] } ?? [:],
                                body: request.method == .get ? Data("<html><body></body></html>".utf8) : Data())
        }
    }
}
