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
///
/// Its fields are kept in one object (`ValueBox`), copied only when a copy is changed: a
/// section is copied wherever a page is made of it, on both render threads, and copying eight
/// fields retained and released each of them.
public struct Section: Sendable, Hashable {
    private struct Values: Hashable {
        var id: Located<String>
        var label: Located<String>
        var title: SourceText
        var intro: SourceText?
        var service: Located<Service>?
        var requires: [Located<String>]
        var steps: [Step]
        var file: String
    }

    private var box: ValueBox<Values>

    public var id: Located<String> { get { box.value.id } set { change { $0.id = newValue } } }
    /// The label the guide prints (`1`, `4A`); data, not derived.
    public var label: Located<String> { get { box.value.label } set { change { $0.label = newValue } } }
    public var title: SourceText { get { box.value.title } set { change { $0.title = newValue } } }
    public var intro: SourceText? { get { box.value.intro } set { change { $0.intro = newValue } } }
    public var service: Located<Service>? { get { box.value.service } set { change { $0.service = newValue } } }
    /// Ids of the sections that must be done first.
    public var requires: [Located<String>] { get { box.value.requires } set { change { $0.requires = newValue } } }
    public var steps: [Step] { get { box.value.steps } set { change { $0.steps = newValue } } }
    /// The file the section was read from.
    public var file: String { get { box.value.file } set { change { $0.file = newValue } } }

    public init(
        id: Located<String>, label: Located<String>, title: SourceText, intro: SourceText? = nil,
        service: Located<Service>? = nil, requires: [Located<String>] = [], steps: [Step], file: String
    ) {
        box = ValueBox(Values(id: id, label: label, title: title, intro: intro, service: service, requires: requires, steps: steps, file: file))
    }

    /// The step's number as the guide prints it: the section label, a dot, its 1-based position (`4A.3`).
    public func number(ofStepAt index: Int) -> String { "\(label.value).\(index + 1)" }

    public static func == (lhs: Section, rhs: Section) -> Bool { ValueBox.holdEqualValues(lhs.box, rhs.box) }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.value) }

    private mutating func change(_ edit: (inout Values) -> Void) { ValueBox.edit(&box, edit) }
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
///
/// Its fields are kept in one object like `Section`'s: a step is copied wherever its
/// views are made, and a copy of twelve fields was a dozen retains and as many releases.
public struct Step: Sendable, Hashable {
    private struct Values: Hashable {
        var id: Located<String>
        var kind: StepKind
        var text: SourceText
        var detail: SourceText?
        var substepsIntro: SourceText?
        var substeps: [SubStep]
        var fields: [Field]
        var notes: [Note]
        var questions: [Question]
        var lists: [TextList]
        var links: [Located<String>]
        var screenshot: Screenshot?
    }

    private var box: ValueBox<Values>

    public var id: Located<String> { get { box.value.id } set { change { $0.id = newValue } } }
    public var kind: StepKind { get { box.value.kind } set { change { $0.kind = newValue } } }
    public var text: SourceText { get { box.value.text } set { change { $0.text = newValue } } }
    public var detail: SourceText? { get { box.value.detail } set { change { $0.detail = newValue } } }
    public var substepsIntro: SourceText? { get { box.value.substepsIntro } set { change { $0.substepsIntro = newValue } } }
    public var substeps: [SubStep] { get { box.value.substeps } set { change { $0.substeps = newValue } } }
    public var fields: [Field] { get { box.value.fields } set { change { $0.fields = newValue } } }
    public var notes: [Note] { get { box.value.notes } set { change { $0.notes = newValue } } }
    public var questions: [Question] { get { box.value.questions } set { change { $0.questions = newValue } } }
    public var lists: [TextList] { get { box.value.lists } set { change { $0.lists = newValue } } }
    /// Registry keys shown with the step besides the links in its text.
    public var links: [Located<String>] { get { box.value.links } set { change { $0.links = newValue } } }
    public var screenshot: Screenshot? { get { box.value.screenshot } set { change { $0.screenshot = newValue } } }

    public init(
        id: Located<String>, kind: StepKind, text: SourceText, detail: SourceText? = nil,
        substepsIntro: SourceText? = nil, substeps: [SubStep] = [], fields: [Field] = [], notes: [Note] = [],
        questions: [Question] = [], lists: [TextList] = [], links: [Located<String>] = [], screenshot: Screenshot? = nil
    ) {
        box = ValueBox(Values(
            id: id, kind: kind, text: text, detail: detail, substepsIntro: substepsIntro, substeps: substeps, fields: fields,
            notes: notes, questions: questions, lists: lists, links: links, screenshot: screenshot))
    }

    public static func == (lhs: Step, rhs: Step) -> Bool { ValueBox.holdEqualValues(lhs.box, rhs.box) }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.value) }

    private mutating func change(_ edit: (inout Values) -> Void) { ValueBox.edit(&box, edit) }
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

/// The fields of a value type kept in one object, so that a copy of the value is one retain.
/// Only `Section` and `Step` hold one, and they change it only through `edit`, which replaces it
/// first unless it is theirs alone (`isKnownUniquelyReferenced`): a `ValueBox` is never changed
/// while another value can read it, which is why it may cross threads.
final class ValueBox<Value: Hashable>: @unchecked Sendable, CustomDebugStringConvertible {
    var value: Value

    init(_ value: Value) { self.value = value }

    /// Changes the value `box` holds, in a box of its own first unless `box` is the holder's alone,
    /// so a copy of the holder never sees the change.
    static func edit(_ box: inout ValueBox, _ edit: (inout Value) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = ValueBox(box.value) }
        edit(&box.value)
    }

    /// Whether two boxes hold equal values: the same box, or equal fields.
    static func holdEqualValues(_ lhs: ValueBox, _ rhs: ValueBox) -> Bool { lhs === rhs || lhs.value == rhs.value }

    /// The fields, so that a step or section printed in a failed test reads as before.
    var debugDescription: String { String(reflecting: value) }
}
