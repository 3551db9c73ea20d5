/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A suggested replacement of the text at a diagnostic's location.
public struct FixIt: Sendable, Hashable, Codable {
    /// How many Unicode scalars, from the diagnostic's column, the replacement covers.
    public var length: Int
    public var replacement: String

    public init(length: Int, replacement: String) {
        self.length = length
        self.replacement = replacement
    }
}

/// A problem found in the content, at a place in a file.
///
/// `id` is stable and kebab-case (`unknown-field`, `https-only` …): tools and tests match on it,
/// never on the message text.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var id: String
    public var severity: Severity
    /// Lower case, no full stop, says what to do.
    public var message: String
    public var location: SourceLocation
    public var fix: FixIt?

    public init(id: String, severity: Severity = .error, message: String, at location: SourceLocation, fix: FixIt? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.fix = fix
    }

    /// `file:line:column: severity: message [id]`
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(id)]" }
}

extension Diagnostic: Comparable {
    /// Sorted by place, then most serious first, then id and message, so reports are stable; two
    /// findings that differ only in their fix come in the order of their fixes (none first), so no
    /// two different findings tie and a sort gives one order whatever order it is given.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        switch (lhs.fix, rhs.fix) {
        case let (left?, right?): return (left.length, left.replacement) < (right.length, right.replacement)
        case (nil, _?): return true
        default: return false
        }
    }
}
