import Foundation

/// The rules the online check reports under; their ids are public and stable.
public enum OnlineCheckRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The URL is gone, wrong or unusable: 404, 410, DNS or TLS failure, a redirect loop, too many
    /// redirects, an https→http redirect, a missing fragment.
    case broken = "link-broken"
    /// The check could not tell: 401, 403, 429, 999, a 5xx after retries, a timeout, a reset.
    case unverifiable = "link-unverifiable"
    /// The URL answers through a permanent redirect (301/308): the registry should name the target.
    case redirected = "link-redirected"

    public var id: String { rawValue }

    public var summary: String {
        switch self {
        case .broken: "a registry link does not lead to a page"
        case .unverifiable: "a registry link could not be checked online"
        case .redirected: "a registry link redirects permanently to another url"
        }
    }

    public var defaultSeverity: Severity {
        switch self {
        case .broken: .error
        case .unverifiable: .warning
        case .redirected: .note
        }
    }
}

/// The severity of each online rule; `unverifiable` is the one teams usually configure.
public struct OnlineCheckSeverities: Sendable, Hashable {
    public var broken: Severity
    public var unverifiable: Severity
    public var redirected: Severity

    public init(
        broken: Severity = OnlineCheckRule.broken.defaultSeverity,
        unverifiable: Severity = OnlineCheckRule.unverifiable.defaultSeverity,
        redirected: Severity = OnlineCheckRule.redirected.defaultSeverity
    ) {
        self.broken = broken
        self.unverifiable = unverifiable
        self.redirected = redirected
    }
}

/// Turns a `LinkCheckReport` into located diagnostics.
public enum OnlineCheck {
    /// One diagnostic at each registry entry (the `url:` value in links.yaml) whose URL is broken,
    /// unverifiable or permanently redirected, and, for broken and unverifiable ones, a note at
    /// every place that uses the entry's key (`[…](link:KEY)` in text, a step's `links:`).
    /// A redirect gets no notes at its uses: the fix is in the registry alone.
    public static func diagnostics(report: LinkCheckReport, guide: Guide, severities: OnlineCheckSeverities = OnlineCheckSeverities()) -> [Diagnostic] {
        let uses = LinkUses(guide: guide)
        var diagnostics: [Diagnostic] = []
        for link in guide.links.entries {
            guard let result = report[link.url.value] else { continue }
            let url = link.url.value
            let key = link.key.value
            switch result.outcome {
            case .ok:
                guard let target = result.permanentTarget, target != url else { continue }
                diagnostics.append(Diagnostic(
                    id: OnlineCheckRule.redirected.id, severity: severities.redirected,
                    message: "\(url) redirects permanently to \(target): use the new url in the registry",
                    at: link.url.location))
            case .broken(let reason):
                diagnostics.append(Diagnostic(
                    id: OnlineCheckRule.broken.id, severity: severities.broken,
                    message: "\(url) \(reason)\(Self.chain(result)): fix or remove the link", at: link.url.location))
                diagnostics += uses[key].map {
                    Diagnostic(id: OnlineCheckRule.broken.id, severity: .note,
                               message: "the link ‘\(key)’ used here is broken (\(url) \(reason)): fix it in the registry or link elsewhere", at: $0)
                }
            case .unverifiable(let reason):
                let retries = result.retries > 0 ? " after \(result.retries) \(result.retries == 1 ? "retry" : "retries")" : ""
                diagnostics.append(Diagnostic(
                    id: OnlineCheckRule.unverifiable.id, severity: severities.unverifiable,
                    message: "\(url) could not be verified: it \(reason)\(retries): \(advice(for: reason, url: result.redirects.last?.to ?? url))",
                    at: link.url.location))
                diagnostics += uses[key].map {
                    Diagnostic(id: OnlineCheckRule.unverifiable.id, severity: .note,
                               message: "the link ‘\(key)’ used here could not be verified (\(url) \(reason)): check it by hand", at: $0)
                }
            }
        }
        return diagnostics.sorted()
    }

    /// ` (via https://a → https://b)` for a chain that ended badly, so the reader sees where it went wrong.
    private static func chain(_ result: LinkCheckResult) -> String {
        guard !result.redirects.isEmpty else { return "" }
        return " (via " + ([result.redirects[0].from] + result.redirects.map(\.to)).joined(separator: " → ") + ")"
    }

    private static func advice(for reason: UnverifiableReason, url: String) -> String {
        switch reason {
        case .status(let status) where [401, 403, 429, 999].contains(status):
            let host = URL(string: url)?.host?.lowercased() ?? "its host"
            return "open it in a browser, or accept \(status) for \(host) in the configuration"
        case .status:
            return "open it in a browser, or run the check again later"
        case .timeout:
            return "open it in a browser, or raise the request timeout"
        case .deadlineExceeded, .retryAfterPastDeadline:
            return "raise the deadline, or run the check again later"
        case .connectionReset, .connectionFailed:
            return "open it in a browser, or run the check again later"
        case .pageTooLarge:
            return "open it in a browser to find the anchor, or raise the page size limit"
        }
    }
}

/// Where each registry key is used: inline `link:` references in texts, and steps' `links:` lists.
struct LinkUses {
    private var locations: [String: [SourceLocation]] = [:]

    init(guide: Guide) {
        for text in guide.texts {
            let references = CommonMark.parseInline(text.value).inlines.references
            var searchFrom = text.value.unicodeScalars.startIndex
            for (reference, destination, _) in references {
                // Each reference's `(destination)` in order, so two uses in one text get two places.
                let needle = "(\(destination))"
                let scalars = text.value.unicodeScalars
                let found = text.value[searchFrom...].range(of: needle)
                let offset = found.map { scalars.distance(from: scalars.startIndex, to: $0.lowerBound) + 1 } ?? 0
                if let found { searchFrom = found.upperBound }
                if case .registry(let key) = reference {
                    locations[key, default: []].append(text.location(ofScalarOffset: offset))
                }
            }
        }
        for section in guide.sections {
            for step in section.steps {
                for key in step.links { locations[key.value, default: []].append(key.location) }
            }
        }
    }

    subscript(key: String) -> [SourceLocation] { locations[key] ?? [] }
}
