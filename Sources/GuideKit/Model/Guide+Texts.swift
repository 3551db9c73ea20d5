extension Guide {
    /// Every translatable string of the guide, in document order: the guide title, each section's
    /// texts, then the support contact.
    public var texts: [SourceText] {
        [title] + sections.flatMap(\.texts) + support.texts
    }
}

extension Section {
    public var texts: [SourceText] {
        [title] + (intro.map { [$0] } ?? []) + steps.flatMap(\.texts)
    }
}

extension Step {
    public var texts: [SourceText] {
        var result = [text]
        if let detail { result.append(detail) }
        if let substepsIntro { result.append(substepsIntro) }
        result += substeps.map(\.text)
        result += fields.map(\.label)
        result += notes.map(\.text)
        for question in questions {
            result += [question.question, question.answer] + question.items.compactMap(\.text)
        }
        for list in lists {
            if let text = list.text { result.append(text) }
            result += list.items.compactMap(\.text)
        }
        if let screenshot { result.append(screenshot.alt) }
        return result
    }
}

extension SupportContact {
    public var texts: [SourceText] {
        [team, hoursLabel, timeZoneNote, emailLabel, emailChannelLabel, responseTime, phoneLabel]
    }
}
