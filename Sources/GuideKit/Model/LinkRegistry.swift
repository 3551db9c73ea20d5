/// Every URL of the guide, defined once and referenced from text by key.
public struct LinkRegistry: Sendable, Hashable {
    public var entries: [Link] {
        didSet { index = Self.index(entries) }
    }
    /// Where each key first occurs in `entries` (looked up for every link on every page).
    private var index: [String: Int]

    public init(entries: [Link]) {
        self.entries = entries
        self.index = Self.index(entries)
    }

    /// The first entry with this key.
    public subscript(key: String) -> Link? { index[key].map { entries[$0] } }

    private static func index(_ entries: [Link]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, link) in entries.enumerated() where index[link.key.value] == nil { index[link.key.value] = position }
        return index
    }

    public static func == (lhs: LinkRegistry, rhs: LinkRegistry) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}

public struct Link: Sendable, Hashable {
    public var key: Located<String>
    public var url: Located<String>
    public var service: Located<Service>?

    public init(key: Located<String>, url: Located<String>, service: Located<Service>?) {
        self.key = key
        self.url = url
        self.service = service
    }
}

/// The support contact shown on every article.
public struct SupportContact: Sendable, Hashable {
    public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    }

    public var team: SourceText
    public var hoursLabel: SourceText
    public var firstDay: Located<Weekday>
    public var lastDay: Located<Weekday>
    /// `HH:MM`, 24-hour.
    public var opens: Located<String>
    public var closes: Located<String>
    public var timeZoneNote: SourceText
    public var emailLabel: SourceText
    public var email: Located<String>
    public var emailChannelLabel: SourceText
    public var responseTime: SourceText
    public var phoneLabel: SourceText
    /// E.164, for the `tel:` link.
    public var phone: Located<String>
    /// As printed.
    public var phoneDisplay: Located<String>

    public init(
        team: SourceText, hoursLabel: SourceText, firstDay: Located<Weekday>, lastDay: Located<Weekday>,
        opens: Located<String>, closes: Located<String>, timeZoneNote: SourceText, emailLabel: SourceText,
        email: Located<String>, emailChannelLabel: SourceText, responseTime: SourceText, phoneLabel: SourceText,
        phone: Located<String>, phoneDisplay: Located<String>
    ) {
        self.team = team
        self.hoursLabel = hoursLabel
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.opens = opens
        self.closes = closes
        self.timeZoneNote = timeZoneNote
        self.emailLabel = emailLabel
        self.email = email
        self.emailChannelLabel = emailChannelLabel
        self.responseTime = responseTime
        self.phoneLabel = phoneLabel
        self.phone = phone
        self.phoneDisplay = phoneDisplay
    }
}
