import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for the online-check tests: POSIX sockets, a thread per
/// connection, scripted replies per path, and a record of every request with its method and time.
///
/// It only ever listens on the loopback address, answers one request per connection
/// (`Connection: close`), and stops by itself: `stop()` ends every connection, and no connection
/// lives longer than `maxConnectionLife` even if a test forgets to stop it.
final class LoopbackServer: @unchecked Sendable {
    // `@unchecked`: mutable state is only touched under `condition`'s lock.

    enum Reply: Sendable {
        /// A status line, headers, a body (omitted for HEAD), after an optional delay.
        case respond(status: Int, headers: [String: String] = [:], body: String = "", delay: Duration = .zero)
        /// Reads the request and never answers, holding the connection until the server stops.
        case hang
        /// Reads the request and resets the connection (SO_LINGER 0, then close).
        case reset
    }

    struct Request: Sendable {
        let method: String
        /// The path without the query.
        let path: String
        /// The path with the query, as requested.
        let target: String
        let headers: [String: String]
        let receivedAt: ContinuousClock.Instant
    }

    /// Chooses the reply to the `index`-th request (0-based) to a path.
    typealias Route = @Sendable (_ request: Request, _ index: Int) -> Reply

    static let maxConnectionLife: Duration = .seconds(20)

    let port: Int
    private let listener: Int32
    private let condition = NSCondition()
    private var routes: [String: Route]
    private var recorded: [Request] = []
    private var inFlight = 0
    private var maxInFlightSeen = 0
    private var stopped = false

    init(routes: [String: Route] = [:]) throws {
        self.routes = routes
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0  // the kernel picks a free port
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    enum ServerError: Error { case socket(Int32) }

    // MARK: Scripting

    func route(_ path: String, _ route: @escaping Route) {
        condition.withLock { routes[path] = route }
    }

    /// The same reply to every request.
    func route(_ path: String, always reply: Reply) { route(path) { _, _ in reply } }

    /// Replies in order; the last one repeats.
    func route(_ path: String, sequence replies: [Reply]) {
        route(path) { _, index in replies[min(index, replies.count - 1)] }
    }

    /// `http://127.0.0.1:PORT/path`
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The same place with `https`, for tests whose transport maps it back to http.
    func httpsURL(_ path: String) -> String { "https://127.0.0.1:\(port)\(path)" }

    // MARK: What happened

    var requests: [Request] { condition.withLock { recorded } }

    func requests(_ path: String) -> [Request] { requests.filter { $0.path == path } }

    /// The most requests that were being answered at one moment.
    var maxInFlight: Int { condition.withLock { maxInFlightSeen } }

    // MARK: Lifecycle

    /// Stops listening and ends every held connection. Safe to call more than once.
    func stop() {
        let wasRunning = condition.withLock { () -> Bool in
            defer { stopped = true; condition.broadcast() }
            return !stopped
        }
        guard wasRunning else { return }
        // Unblocks `accept` on Linux; the accept loop then closes the socket.
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR, !condition.withLock({ stopped }) { continue }
                break
            }
            if condition.withLock({ stopped }) {
                close(connection)
                break
            }
            Thread { [self] in handle(connection) }.start()
        }
        close(listener)
    }

    private func handle(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(connection), let request = parse(head) else {
            close(connection)
            return
        }
        let reply = condition.withLock { () -> Reply in
            let index = recorded.filter { $0.path == request.path }.count
            recorded.append(request)
            let route = routes[request.path] ?? { _, _ in .respond(status: 404, body: "not found") }
            return route(request, index)
        }
        switch reply {
        case .respond(let status, let headers, let body, let delay):
            condition.withLock {
                inFlight += 1
                maxInFlightSeen = max(maxInFlightSeen, inFlight)
            }
            if delay > .zero { wait(upTo: delay) }
            // Leave the count before writing, so a client that already has the answer is never counted.
            condition.withLock { inFlight -= 1 }
            var text = "HTTP/1.1 \(status) Scripted\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            text += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            if request.method != "HEAD" { text += body }
            writeAll(connection, Array(text.utf8))
            close(connection)
        case .hang:
            wait(upTo: Self.maxConnectionLife)
            close(connection)
        case .reset:
            var abort = linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
            close(connection)
        }
    }

    /// Sleeps until `duration` passed or the server stopped.
    private func wait(upTo duration: Duration) {
        let until = Date(timeIntervalSinceNow: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        condition.lock()
        while !stopped, condition.wait(until: until) {}
        condition.unlock()
    }

    private func readHead(_ connection: Int32) -> String? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while data.count < 65_536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[0..<count]
            if data[...].containsSequence(end) { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func parse(_ head: String) -> Request? {
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let target = String(parts[1])
        let path = String(target.prefix { $0 != "?" })
        return Request(method: String(parts[0]), path: path, target: target, headers: headers, receivedAt: .now)
    }

    private func writeAll(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            offset += written
        }
    }
}

extension ArraySlice<UInt8> {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard count >= needle.count else { return false }
        var i = startIndex
        while i <= endIndex - needle.count {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
