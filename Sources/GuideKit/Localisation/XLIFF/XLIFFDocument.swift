/// What `guidegen l10n export` writes for one target locale, before it becomes XML: one unit per
/// translation key, grouped by the part of the guide it belongs to.
public struct XLIFFDocument: Sendable, Hashable {
    /// A part of the guide: its title, a section, the support contact.
    public struct Group: Sendable, Hashable {
        /// `guide`, a section id, `support`.
        public var id: String
        /// Shown to translators as the group's note (the section's title in the source language).
        public var note: String?
        public var units: [Unit]
    }

    public struct Unit: Sendable, Hashable {
        /// The translation key.
        public var id: String
        public var source: InlineSegments
        /// The catalog's translation (empty segments when there is none).
        public var target: InlineSegments
        public var state: TranslationState
        /// The fingerprint of the source text the target was translated from (units with a target).
        public var fingerprint: String?
        /// Where the source text is written in the content.
        public var location: SourceLocation
    }

    public var sourceLanguage: String
    public var targetLanguage: String
    /// The `original` attribute: the content folder.
    public var original: String
    public var groups: [Group]

    public var units: [Unit] { groups.flatMap(\.units) }

    /// The document for `locale`: every string of the guide, with the catalog's translation and its state.
    public init(project: TranslationProject, locale: String) {
        let guide = project.guide
        let catalog = project.catalog(locale)
        sourceLanguage = guide.sourceLocale.value
        targetLanguage = locale
        original = project.contentDirectory
        func unit(_ text: SourceText) -> Unit {
            let state = catalog?.state(of: text) ?? .missing
            let entry = catalog?.entries[text.key]
            let source = InlineSegments(markdown: text.value)
            let target = state == .missing ? InlineSegments(segments: []) : InlineSegments(markdown: entry?.text.value ?? "").aligned(to: source)
            return Unit(id: text.key, source: source, target: target, state: state,
                        fingerprint: state == .missing ? nil : entry?.source.value, location: text.location)
        }
        groups = [Group(id: "guide", note: nil, units: [unit(guide.title)])]
            + guide.sections.map { Group(id: $0.id.value, note: "\($0.label.value). \($0.title.value)", units: $0.texts.map(unit)) }
            + [Group(id: "support", note: nil, units: guide.support.texts.map(unit))]
    }
}
