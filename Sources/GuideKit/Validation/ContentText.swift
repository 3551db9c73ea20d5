/// One translatable text of the guide, with the place it has in the guide and what a reader sees of it.
///
/// A class, not a struct: every rule reads the same texts, and each translation points at its
/// source text. As a struct a text was about 150 bytes holding eight references, so every copy
/// (each `for text in context.texts`, each translation beside its source) retained eight objects,
/// and the arrays of translations alone took some 60 MB on a thousand-section guide. Shared, a
/// copy is one reference; the properties are constants, so sharing changes nothing a rule sees.
public final class ContentText: Sendable {
    /// Which field of the guide the text is.
    public enum Role: String, Sendable, Hashable {
        case guideTitle, sectionTitle, intro, stepText, detail, substepsIntro, substep, fieldLabel, note
        case question, answer, questionItem, listText, listItem, screenshotAlt, support
    }

    public let text: SourceText
    public let role: Role
    /// The index of the section in `guide.sections`, nil for the guide's title and support contact.
    public let sectionIndex: Int?
    /// The index of the step in its section, for texts that belong to a step.
    public let stepIndex: Int?
    /// The inline Markdown as libcmark parsed it.
    public let document: InlineDocument
    public let visible: VisibleText

    init(_ text: SourceText, role: Role, section: Int? = nil, step: Int? = nil, parses: InlineParseCache? = nil) {
        self.text = text
        self.role = role
        self.sectionIndex = section
        self.stepIndex = step
        self.document = parses?.document(of: text) ?? CommonMark.parseInline(text)
        self.visible = VisibleText(document.inlines, raw: text.value)
    }

    /// The file position of the scalar `offset` scalars into the text.
    public func location(ofScalarOffset offset: Int) -> SourceLocation { text.location(ofScalarOffset: offset) }

    /// Every text of the guide in document order. The sections' texts are parsed on up to
    /// `threads` threads; the order is the same for any number.
    /// `parses` holds texts parsed before (by the loader).
    static func all(in guide: Guide, threads: Int = 1, parses: InlineParseCache? = nil) -> [ContentText] {
        let sections = Parallel.map(Array(guide.sections.indices), threads: threads) { texts(of: guide.sections[$0], at: $0, parses: parses) }
        return [ContentText(guide.title, role: .guideTitle, parses: parses)] + sections.flatMap { $0 }
            + guide.support.texts.map { ContentText($0, role: .support, parses: parses) }
    }

    /// The texts of the section at `sectionIndex` in `guide.sections`, in document order.
    private static func texts(of section: Section, at sectionIndex: Int, parses: InlineParseCache?) -> [ContentText] {
        var result = [ContentText(section.title, role: .sectionTitle, section: sectionIndex, parses: parses)]
        if let intro = section.intro { result.append(ContentText(intro, role: .intro, section: sectionIndex, parses: parses)) }
        // Each step read in place, by index: `enumerated()` copied every step.
        for stepIndex in section.steps.indices {
            func add(_ text: SourceText?, _ role: Role) {
                if let text { result.append(ContentText(text, role: role, section: sectionIndex, step: stepIndex, parses: parses)) }
            }
            add(section.steps[stepIndex].text, .stepText)
            add(section.steps[stepIndex].detail, .detail)
            add(section.steps[stepIndex].substepsIntro, .substepsIntro)
            section.steps[stepIndex].substeps.forEach { add($0.text, .substep) }
            section.steps[stepIndex].fields.forEach { add($0.label, .fieldLabel) }
            section.steps[stepIndex].notes.forEach { add($0.text, .note) }
            for question in section.steps[stepIndex].questions {
                add(question.question, .question)
                add(question.answer, .answer)
                question.items.forEach { add($0.text, .questionItem) }
            }
            for list in section.steps[stepIndex].lists {
                add(list.text, .listText)
                list.items.forEach { add($0.text, .listItem) }
            }
            add(section.steps[stepIndex].screenshot?.alt, .screenshotAlt)
        }
        return result
    }
}
