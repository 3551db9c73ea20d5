/// The whole guide: one source-language document, split into sections (help-centre articles).
public struct Guide: Sendable {
    public var title: SourceText
    /// BCP 47 tag of the language the content is written in (`tr`).
    public var sourceLocale: Located<String>
    /// The articles in guide order.
    public var sections: [Section] {
        didSet { sectionIndex = Self.index(sections) }
    }
    public var links: LinkRegistry
    public var support: SupportContact
    /// Where each section id first occurs in `sections`: every page looks sections up (links,
    /// prerequisites), and a linear search made a build grow with the square of the guide.
    private var sectionIndex: [String: Int]

    public init(title: SourceText, sourceLocale: Located<String>, sections: [Section], links: LinkRegistry, support: SupportContact) {
        self.title = title
        self.sourceLocale = sourceLocale
        self.sections = sections
        self.links = links
        self.support = support
        self.sectionIndex = Self.index(sections)
    }

    /// The first section with this id.
    public func section(id: String) -> Section? { sectionIndex[id].map { sections[$0] } }

    private static func index(_ sections: [Section]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, section) in sections.enumerated() where index[section.id.value] == nil { index[section.id.value] = position }
        return index
    }
}

/// The service a link or an article belongs to.
public enum Service: String, Sendable, Hashable, CaseIterable, Codable {
    case alipay
    case alibaba1688 = "1688"
    case worldfirst

    /// The name readers know the service by.
    public var displayName: String {
        switch self {
        case .alipay: "Alipay"
        case .alibaba1688: "1688"
        case .worldfirst: "WorldFirst"
        }
    }
}

/// One help-centre article.
public struct Section: Sendable, Hashable {
    public var id: Located<String>
    /// The label the guide prints (`1`, `4A`); data, not derived.
    public var label: Located<String>
    public var title: SourceText
    public var intro: SourceText?
    public var service: Located<Service>?
    /// Ids of the sections that must be done first.
    public var requires: [Located<String>]
    public var steps: [Step]
    /// The file the section was read from.
    public var file: String

    public init(
        id: Located<String>, label: Located<String>, title: SourceText, intro: SourceText? = nil,
        service: Located<Service>? = nil, requires: [Located<String>] = [], steps: [Step], file: String
    ) {
        self.id = id
        self.label = label
        self.title = title
        self.intro = intro
        self.service = service
        self.requires = requires
        self.steps = steps
        self.file = file
    }

    /// The step's number as the guide prints it: the section label, a dot, its 1-based position (`4A.3`).
    public func number(ofStepAt index: Int) -> String { "\(label.value).\(index + 1)" }
}

/// What a step asks of the reader.
public enum StepKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Something to do (click, open, visit).
    case action
    /// Information to enter.
    case input
    /// What the reader sees when it worked.
    case result
}

/// One step of a section; its number comes from its position.
public struct Step: Sendable, Hashable {
    public var id: Located<String>
    public var kind: StepKind
    public var text: SourceText
    public var detail: SourceText?
    public var substepsIntro: SourceText?
    public var substeps: [SubStep]
    public var fields: [Field]
    public var notes: [Note]
    public var questions: [Question]
    public var lists: [TextList]
    /// Registry keys shown with the step besides the links in its text.
    public var links: [Located<String>]
    public var screenshot: Screenshot?

    public init(
        id: Located<String>, kind: StepKind, text: SourceText, detail: SourceText? = nil,
        substepsIntro: SourceText? = nil, substeps: [SubStep] = [], fields: [Field] = [], notes: [Note] = [],
        questions: [Question] = [], lists: [TextList] = [], links: [Located<String>] = [], screenshot: Screenshot? = nil
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.detail = detail
        self.substepsIntro = substepsIntro
        self.substeps = substeps
        self.fields = fields
        self.notes = notes
        self.questions = questions
        self.lists = lists
        self.links = links
        self.screenshot = screenshot
    }
}

public struct SubStep: Sendable, Hashable {
    public var id: Located<String>
    public var text: SourceText

    public init(id: Located<String>, text: SourceText) {
        self.id = id
        self.text = text
    }
}

/// A form field the reader fills in.
public struct Field: Sendable, Hashable {
    public var id: Located<String>
    public var label: SourceText

    public init(id: Located<String>, label: SourceText) {
        self.id = id
        self.label = label
    }
}

public enum NoteKind: String, Sendable, Hashable, CaseIterable, Codable {
    case note, tip, warning
}

public struct Note: Sendable, Hashable {
    public var id: Located<String>
    public var kind: NoteKind
    public var text: SourceText

    public init(id: Located<String>, kind: NoteKind, text: SourceText) {
        self.id = id
        self.kind = kind
        self.text = text
    }
}

/// A question-and-answer box (“Alipay kişisel hesabına neden ihtiyacınız var?”).
public struct Question: Sendable, Hashable {
    public var id: Located<String>
    public var question: SourceText
    public var answer: SourceText
    /// An optional list under the answer.
    public var items: [ListItem]

    public init(id: Located<String>, question: SourceText, answer: SourceText, items: [ListItem] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.items = items
    }
}

/// A list the text carries, e.g. the supported currencies.
public struct TextList: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Items are currency codes (ISO 4217 plus configured extras), each with an optional name.
        case currencies
        /// Items are translatable texts.
        case items
    }

    public var id: Located<String>
    public var kind: Kind
    /// A sentence with the placeholder `{list}`, where the joined items go.
    public var text: SourceText?
    public var items: [ListItem]

    public init(id: Located<String>, kind: Kind, text: SourceText?, items: [ListItem]) {
        self.id = id
        self.kind = kind
        self.text = text
        self.items = items
    }

    public static let placeholder = "{list}"
}

/// One item of a list: a code (currencies) with an optional translatable name, or a text.
public struct ListItem: Sendable, Hashable {
    /// The item's id: the currency code, or the item's kebab-case id.
    public var id: Located<String>
    /// The translatable text: the currency's name, or the item's text.
    public var text: SourceText?

    public init(id: Located<String>, text: SourceText?) {
        self.id = id
        self.text = text
    }
}

/// An image of the screen, under `Content/media/`.
public struct Screenshot: Sendable, Hashable {
    /// Path relative to `Content/media/`.
    public var file: Located<String>
    public var alt: SourceText

    public init(file: Located<String>, alt: SourceText) {
        self.file = file
        self.alt = alt
    }
}
