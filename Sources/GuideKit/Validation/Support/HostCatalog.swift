import Foundation

/// Why a host looks like an allowed host it is not, and which one was probably meant.
public struct NearMiss: Sendable, Hashable {
    /// The allowed host the writer probably meant.
    public var suggestion: String
    /// How the two differ, for the message: "a missing dot", "swapped letters" …
    public var reason: String
}

/// The hosts links may use (those of `links.yaml` plus `allowedHosts` of the configuration) and
/// the registry hosts that are near misses of a more trusted one.
///
/// A registry host is suspect when it looks like another allowed host that is more trusted:
/// configured hosts first, then a service's own domain (`1688.com`), then its subdomains
/// (`global.1688.com`), then other ASCII hosts, then hosts with non-ASCII or punycode labels;
/// between equals, the host more entries use (both are reported when that ties too). So
/// `global1688.com` next to `global.1688.com` is the suspect, never the other way round.
public struct HostCatalog: Sendable {
    /// Allowed hosts, sorted, without the suspects.
    public let allowed: [String]
    /// Registry hosts that look like an allowed host.
    public let suspects: [String: NearMiss]

    public init(registry: LinkRegistry, configured: [String]) {
        let configured = Set(configured.map { $0.lowercased() })
        var uses: [String: Int] = [:]
        for link in registry.entries {
            if let host = HostCatalog.host(ofURL: link.url.value)?.host { uses[host.lowercased(), default: 0] += 1 }
        }
        func trust(_ host: String) -> Int {
            if configured.contains(host) { return 3 }
            if !host.unicodeScalars.allSatisfy(\.isASCII) || host.contains("xn--") { return -1 }
            if Service.allCases.flatMap(\.domains).contains(where: { host == $0 || host == "www." + $0 }) { return 2 }
            return Service.owner(ofHost: host) != nil ? 1 : 0
        }
        let candidates = Set(uses.keys).union(configured).sorted()
        var suspects: [String: NearMiss] = [:]
        for host in uses.keys.sorted() where !configured.contains(host) {
            let better = candidates.filter { other in
                other != host && (trust(other) > trust(host) || (trust(other) == trust(host) && uses[other, default: 0] >= uses[host, default: 0]))
            }
            if let miss = HostCatalog.nearMiss(host, among: better) { suspects[host] = miss }
        }
        self.suspects = suspects
        self.allowed = candidates.filter { suspects[$0] == nil }
    }

    /// A host seen in text or output: nil when it is allowed or not like any allowed host.
    public func nearMiss(_ host: String) -> NearMiss? {
        let lowered = host.lowercased()
        if let suspect = suspects[lowered] { return suspect }
        if allowed.contains(lowered) { return nil }
        return HostCatalog.nearMiss(host, among: allowed)
    }

    public func isAllowed(_ host: String) -> Bool { allowed.contains(host.lowercased()) }

    // MARK: Near misses

    /// The closest allowed host `host` looks like, checking from the most to the least telling
    /// resemblance: an allowed host used as the start of another domain, punycode that decodes to
    /// a look-alike, look-alike characters, a missing or extra dot, swapped letters, one or two
    /// edits; and last, a registrable domain that looks like a service's own under any subdomain
    /// (`www.alipay.c0m` for `alipay.com`; plain edits are not enough there, `alipay.cn` is real).
    static func nearMiss(_ written: String, among allowed: [String]) -> NearMiss? {
        rankedNearMiss(written, among: allowed)?.miss
    }

    private static func rankedNearMiss(_ written: String, among allowed: [String]) -> (rank: Int, distance: Int, miss: NearMiss)? {
        let host = written.lowercased()
        var best: (rank: Int, distance: Int, miss: NearMiss)?
        func consider(_ rank: Int, _ distance: Int, _ miss: NearMiss) {
            if best == nil || (rank, distance) < (best!.rank, best!.distance) { best = (rank, distance, miss) }
        }
        let decoded = host.contains("xn--") ? Punycode.decodeHost(host) : nil
        let hostSkeleton = Confusables.skeleton(written)
        for candidate in allowed where candidate != host {
            if host.hasPrefix(candidate + ".") || host.hasPrefix(candidate + "-") {
                consider(0, 0, NearMiss(suggestion: candidate, reason: "‘\(candidate)’ followed by another domain"))
                continue
            }
            if host.hasSuffix("." + candidate) || candidate.hasSuffix("." + host) { continue }  // a subdomain, not a look-alike
            let candidateSkeleton = Confusables.skeleton(candidate)
            if let decoded, Confusables.skeleton(decoded) == candidateSkeleton {
                consider(1, 0, NearMiss(suggestion: candidate, reason: "punycode that reads as ‘\(decoded)’"))
            } else if hostSkeleton == candidateSkeleton {
                consider(2, 0, NearMiss(suggestion: candidate, reason: Confusables.describeDifference(written, candidate)))
            } else if host.replacingOccurrences(of: ".", with: "") == candidate.replacingOccurrences(of: ".", with: "") {
                let hostDots = host.filter { $0 == "." }.count, candidateDots = candidate.filter { $0 == "." }.count
                consider(3, 0, NearMiss(suggestion: candidate, reason: hostDots < candidateDots ? "a missing dot" : "an extra dot"))
            } else if isTransposition(host, candidate) {
                consider(4, 1, NearMiss(suggestion: candidate, reason: "swapped letters"))
            } else if candidate.count >= 6 {
                let distance = editDistance(host, candidate)
                if (1...2).contains(distance) {
                    consider(5, distance, NearMiss(suggestion: candidate, reason: distance == 1 ? "one character different" : "two characters different"))
                }
            }
        }
        // A look-alike of a service's own domain under any subdomain (`www.alipay.c0m`).
        let labels = written.split(separator: ".")
        if best == nil, labels.count > 2 {
            let domain = labels.suffix(2).joined(separator: ".")
            let subdomain = labels.dropLast(2).joined(separator: ".").lowercased()
            for serviceDomain in Service.allCases.flatMap(\.domains) where serviceDomain != domain.lowercased() {
                if let inner = rankedNearMiss(domain, among: [serviceDomain]), inner.rank <= 4 {
                    consider(6, 0, NearMiss(suggestion: subdomain + "." + serviceDomain, reason: inner.miss.reason))
                }
            }
        }
        return best
    }

    private static func isTransposition(_ a: String, _ b: String) -> Bool {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard a.count == b.count else { return false }
        let differences = a.indices.filter { a[$0] != b[$0] }
        return differences.count == 2 && differences[1] == differences[0] + 1
            && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
    }

    // MARK: Hosts of URLs

    /// The host of an absolute URL as written and its scalar offset in the text, read leniently (non-ASCII
    /// allowed) so look-alike hosts are found even in URLs that are not well-formed.
    static func host(ofURL url: String) -> (host: String, offset: Int)? {
        let scalars = Array(url.unicodeScalars)
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let start = url.unicodeScalars.distance(from: url.unicodeScalars.startIndex, to: schemeEnd.upperBound)
        var end = start
        while end < scalars.count, scalars[end] != "/", scalars[end] != "?", scalars[end] != "#" { end += 1 }
        var hostStart = start
        if let at = scalars[start..<end].lastIndex(of: "@") { hostStart = at + 1 }
        var hostEnd = end
        if let colon = scalars[hostStart..<end].firstIndex(of: ":"), scalars[hostStart] != "[" { hostEnd = colon }
        guard hostEnd > hostStart else { return nil }
        return (TextScanning.string(scalars[hostStart..<hostEnd]), hostStart)
    }
}

extension Service {
    /// The registrable domains the service's pages live on.
    public var domains: [String] {
        switch self {
        case .alipay: ["alipay.com"]
        case .alibaba1688: ["1688.com"]
        case .worldfirst: ["worldfirst.com"]
        }
    }

    /// The service whose domain `host` is or is under.
    public static func owner(ofHost host: String) -> Service? {
        let host = host.lowercased()
        return allCases.first { service in service.domains.contains { host == $0 || host.hasSuffix("." + $0) } }
    }
}
