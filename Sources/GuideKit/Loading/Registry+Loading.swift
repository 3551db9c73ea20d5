
extension LinkRegistry {
    static func read(_ root: YAMLNode, reader: inout NodeReader) -> LinkRegistry {
        guard let top = reader.fields(of: root, what: "link registry", known: ["links"], required: ["links"]),
            let linksNode = top["links"] else { return LinkRegistry(entries: []) }
        guard case .mapping(let mapping) = linksNode else {
            reader.report("wrong-type", "expected the links as a mapping of key → {url, service}", at: linksNode)
            return LinkRegistry(entries: [])
        }
        var entries: [Link] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard let key = reader.id(keyNode, what: "link key") else { continue }
            guard seen.insert(key.value).inserted else {
                reader.report("duplicate-key", "the link key ‘\(key.value)’ is defined twice: keep one", at: keyNode)
                continue
            }
            guard let fields = reader.fields(of: valueNode, what: "link", known: ["url", "service"], required: ["url", "service"]),
                let url = fields["url"].flatMap({ reader.string($0, what: "url") })
            else { continue }
            let service = fields["service"].flatMap { reader.choice($0, what: "service", as: Service.self) }
            entries.append(Link(key: key, url: url, service: service))
        }
        return LinkRegistry(entries: entries)
    }
}

extension SupportContact {
    static func read(_ node: YAMLNode, reader: inout NodeReader) -> SupportContact? {
        guard let fields = reader.fields(of: node, what: "support", known: ["team", "hours", "email", "phone"],
                                         required: ["team", "hours", "email", "phone"]) else { return nil }
        let team = fields["team"].flatMap { reader.text($0, what: "team", key: "support.team") }
        let hours = fields["hours"].flatMap {
            reader.fields(of: $0, what: "hours", known: ["label", "days", "opens", "closes", "timeZoneNote"],
                          required: ["label", "days", "opens", "closes", "timeZoneNote"])
        }
        let hoursLabel = hours?["label"].flatMap { reader.text($0, what: "label", key: "support.hours.label") }
        let days = hours?["days"].flatMap { reader.fields(of: $0, what: "days", known: ["from", "to"], required: ["from", "to"]) }
        let firstDay = days?["from"].flatMap { reader.choice($0, what: "weekday", as: Weekday.self) }
        let lastDay = days?["to"].flatMap { reader.choice($0, what: "weekday", as: Weekday.self) }
        let opens = hours?["opens"].flatMap { reader.string($0, what: "opens") }
        let closes = hours?["closes"].flatMap { reader.string($0, what: "closes") }
        let zone = hours?["timeZoneNote"].flatMap { reader.text($0, what: "timeZoneNote", key: "support.hours.timeZoneNote") }
        let email = fields["email"].flatMap {
            reader.fields(of: $0, what: "email", known: ["label", "address", "channelLabel", "responseTime"],
                          required: ["label", "address", "channelLabel", "responseTime"])
        }
        let emailLabel = email?["label"].flatMap { reader.text($0, what: "label", key: "support.email.label") }
        let address = email?["address"].flatMap { reader.string($0, what: "address") }
        let channel = email?["channelLabel"].flatMap { reader.text($0, what: "channelLabel", key: "support.email.channelLabel") }
        let response = email?["responseTime"].flatMap { reader.text($0, what: "responseTime", key: "support.email.responseTime") }
        let phone = fields["phone"].flatMap {
            reader.fields(of: $0, what: "phone", known: ["label", "number", "display"], required: ["label", "number", "display"])
        }
        let phoneLabel = phone?["label"].flatMap { reader.text($0, what: "label", key: "support.phone.label") }
        let number = phone?["number"].flatMap { reader.string($0, what: "number") }
        let display = phone?["display"].flatMap { reader.string($0, what: "display") }
        guard let team, let hoursLabel, let firstDay, let lastDay, let opens, let closes, let zone, let emailLabel, let address,
            let channel, let response, let phoneLabel, let number, let display
        else { return nil }
        return SupportContact(team: team, hoursLabel: hoursLabel, firstDay: firstDay, lastDay: lastDay, opens: opens, closes: closes,
                              timeZoneNote: zone, emailLabel: emailLabel, email: address, emailChannelLabel: channel,
                              responseTime: response, phoneLabel: phoneLabel, phone: number, phoneDisplay: display)
    }
}
