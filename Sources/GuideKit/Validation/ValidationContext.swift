/// Everything a rule may look at, computed once per run: the guide, its files and texts, the
/// configuration, the allowed hosts, what the loader already reported, and the rendered output
/// when there is one.
public struct ValidationContext: Sendable {
    public let guide: Guide
    /// The content files by display path.
    public let files: [String: SourceFile]
    public let configuration: ValidationConfiguration
    /// What `ContentLoader` reported; some rules own ids the loader checks while reading.
    public let loaderDiagnostics: [Diagnostic]
    /// The rendered output, when validation was asked to check it.
    public let output: RenderedOutput?
    /// What checking the registry's URLs online found, when `--online` asked for it.
    public let online: LinkCheckReport?
    /// Every text of the guide in document order.
    public let texts: [ContentText]
    public let hosts: HostCatalog
    /// The translation catalogs (`locales/*.yaml`) that loaded, sorted by locale.
    public let catalogs: [Catalog]
    /// Every translation made from the current source text, in catalog then document order: what
    /// the parity rules compare with its source. Made anew at each call (each translation parsed
    /// again): the rules ask for them part by part (`translations(in:)`), which keeps them.
    public var translations: [TranslatedText] {
        catalogs.indices.flatMap { catalog in texts.indices.compactMap { made.translation(of: $0, in: catalog) } }
    }
    /// Where each text stands in each catalog: `translationStates[c][t]` is the state of
    /// `texts[t]` in `catalogs[c]`. Worked out once here (a fingerprint of every text for every
    /// catalog) for the translations above and for the rules that ask.
    public let translationStates: [[TranslationState]]
    /// The entries of each catalog whose key no text has (a section, step or field renamed or
    /// removed): `obsoleteEntries[c]` are positions in `catalogs[c].entries`, in file order. Found
    /// while the states are worked out, which looks every text's key up in every catalog.
    public let obsoleteEntries: [[Int]]

    /// Where each section's texts are in `texts`: `sectionTextRanges[s]` for `guide.sections[s]`.
    private let sectionTextRanges: [Range<Int>]
    /// Makes the translation of a text in a catalog, from where each text's translation is.
    private let made: Made
    /// `translations` by part of the guide (see `translations(in:)`): [0] for no section, [s + 1]
    /// for section s. Each part's are made (each translation parsed) when a rule first asks, on
    /// that rule's thread: the section rules go through a few sections at a time, each rule in
    /// turn, so the translations are still in the processor's caches for the rules after the
    /// first; made here, before the rules started, they were not. A part no rule asks for (a
    /// section whose findings were kept from the last run) is never made.
    private let partTranslations: [Parallel.Deferred<[TranslatedText]>]

    /// `threads` parse the texts side by side and work out each catalog's states on a thread of
    /// its own; the context is the same for any number.
    public init(guide: Guide, files: [String: SourceFile], configuration: ValidationConfiguration = ValidationConfiguration(),
                loaderDiagnostics: [Diagnostic] = [], output: RenderedOutput? = nil, online: LinkCheckReport? = nil, catalogs: [Catalog] = [],
                threads: Int = Parallel.defaultThreads) {
        self.init(guide: guide, files: files, configuration: configuration, loaderDiagnostics: loaderDiagnostics, output: output, online: online,
                  catalogs: catalogs, threads: threads, parses: nil)
    }

    /// `parses` holds texts the loader parsed already.
    init(guide: Guide, files: [String: SourceFile], configuration: ValidationConfiguration, loaderDiagnostics: [Diagnostic], output: RenderedOutput?,
         online: LinkCheckReport?, catalogs: [Catalog], threads: Int, parses: InlineParseCache?) {
        self.guide = guide
        self.files = files
        self.configuration = configuration
        self.loaderDiagnostics = loaderDiagnostics
        self.output = output
        self.online = online
        self.texts = ContentText.all(in: guide, threads: threads, parses: parses)
        self.hosts = HostCatalog(registry: guide.links, configured: configuration.allowedHosts.map(\.value))
        self.deferredLinkUses = Parallel.Deferred { [texts] in Self.linkUses(guide: guide, texts: texts) }
        let source = guide.sourceLocale.value
        let translatedCatalogs = catalogs.filter { $0.locale.value != source }
        let texts = self.texts
        self.catalogs = translatedCatalogs
        // Each catalog's states are worked out on a thread of their own.
        let byCatalog = Parallel.map(translatedCatalogs, threads: threads) { catalog in
            var states: [TranslationState] = []
            var translatedAt: [Int32] = []
            states.reserveCapacity(texts.count)
            translatedAt.reserveCapacity(texts.count)
            var used = [Bool](repeating: false, count: catalog.entries.count)
            var next = 0  // where the entry after the last one found is
            for text in texts {
                let position = catalog.entries.position(of: text.text.key, hint: next)
                if let position {
                    used[position] = true
                    next = position + 1
                }
                let state = catalog.state(of: text.text, at: position)
                states.append(state)
                translatedAt.append(state == .translated ? Int32(position!) : -1)
            }
            return (states: states, translatedAt: translatedAt, obsolete: used.indices.filter { !used[$0] })
        }
        self.translationStates = byCatalog.map(\.states)
        self.obsoleteEntries = byCatalog.map(\.obsolete)
        var ranges = [Range<Int>](repeating: 0..<0, count: guide.sections.count)
        for (position, text) in texts.enumerated() {
            guard let section = text.sectionIndex else { continue }
            ranges[section] = ranges[section].isEmpty ? position..<position + 1 : ranges[section].lowerBound..<position + 1
        }
        self.sectionTextRanges = ranges
        let ofNoSection = texts.indices.filter { texts[$0].sectionIndex == nil }
        let made = Made(catalogs: translatedCatalogs, texts: texts, translatedAt: byCatalog.map(\.translatedAt))
        self.made = made
        self.partTranslations = ([ofNoSection] + ranges.map { Array($0) }).map { indices in
            Parallel.Deferred { made.catalogs.indices.flatMap { catalog in indices.compactMap { made.translation(of: $0, in: catalog) } } }
        }
    }

    /// What making a translation reads, shared by the parts' deferred work.
    private struct Made: Sendable {
        let catalogs: [Catalog]
        let texts: [ContentText]
        /// Where the translation of each text is in each catalog: `translatedAt[c][t]` is the
        /// position in `catalogs[c].entries` of the translation of `texts[t]` when its state is
        /// translated, and -1 otherwise.
        let translatedAt: [[Int32]]

        /// The translation of `texts[text]` in `catalogs[catalog]`, when it is translated.
        func translation(of text: Int, in catalog: Int) -> TranslatedText? {
            let position = translatedAt[catalog][text]
            guard position >= 0 else { return nil }
            let source = texts[text]
            return TranslatedText(locale: catalogs[catalog].locale.value, source: source,
                                  translation: ContentText(catalogs[catalog].entries.text(at: Int(position)), role: source.role,
                                                           section: source.sectionIndex, step: source.stepIndex))
        }
    }

    /// The texts of a part of the guide, in document order: those of the section at that index of
    /// `guide.sections`, or for nil those of no section (the guide's title, the support contact).
    public func texts(in section: Int?) -> ArraySlice<ContentText> {
        guard let section else { return ArraySlice(texts.filter { $0.sectionIndex == nil }) }
        return texts[sectionTextRanges[section]]
    }

    /// The translations of the texts of a part of the guide (see `texts(in:)`), in catalog then document order.
    public func translations(in section: Int?) -> [TranslatedText] { partTranslations[section.map { $0 + 1 } ?? 0].value }

    /// Whether the source language is Turkish, for the rules about Turkish text.
    public var isTurkish: Bool {
        let tag = guide.sourceLocale.value.lowercased()
        return tag == "tr" || tag.hasPrefix("tr-")
    }

    /// The loader's findings with this id.
    public func loaderDiagnostics(withID id: String) -> [Diagnostic] { loaderDiagnostics.filter { $0.id == id } }

    /// Where a scalar value's characters start: past the opening quote when it was quoted.
    public func valueStart(of value: Located<String>) -> SourceLocation {
        var location = value.location
        if let line = files[location.file]?.line(location.line) {
            let scalars = Array(line.unicodeScalars)
            if location.column - 1 < scalars.count, scalars[location.column - 1] == "\"" || scalars[location.column - 1] == "'" {
                location.column += 1
            }
        }
        return location
    }

    /// The location `offset` scalars into a single-line scalar value.
    public func location(in value: Located<String>, atScalarOffset offset: Int) -> SourceLocation {
        var location = valueStart(of: value)
        location.column += offset
        return location
    }

    public func section(of text: ContentText) -> Section? { text.sectionIndex.map { guide.sections[$0] } }

    /// A use of a registry key: in a text's link or in a step's `links`.
    public struct LinkUse: Sendable, Hashable {
        public var key: String
        public var location: SourceLocation
        public var sectionIndex: Int?
    }

    /// Every use of a registry key, in document order.
    public var linkUses: [LinkUse] { deferredLinkUses.value }
    /// Worked out when a rule first asks (two of the whole-guide rules do), on that rule's
    /// thread while the other threads check, rather than before the rules start, when it was
    /// the only work running.
    private let deferredLinkUses: Parallel.Deferred<[LinkUse]>

    private static func linkUses(guide: Guide, texts: [ContentText]) -> [LinkUse] {
        var uses: [LinkUse] = []
        for text in texts {
            for link in text.visible.links {
                if case .registry(let key) = link.reference {
                    uses.append(LinkUse(key: key, location: text.location(ofScalarOffset: link.destinationOffset), sectionIndex: text.sectionIndex))
                }
            }
        }
        // Each step's links read in place: copying the steps retained all of their texts.
        for index in guide.sections.indices {
            for step in guide.sections[index].steps.indices where !guide.sections[index].steps[step].links.isEmpty {
                uses += guide.sections[index].steps[step].links.map { LinkUse(key: $0.value, location: $0.location, sectionIndex: index) }
            }
        }
        return uses.sorted { $0.location < $1.location }
    }
}

extension ValidationContext {
    /// The online check's findings under one rule id; none when the check did not run.
    func onlineFindings(_ id: String) -> [Diagnostic] {
        guard let online else { return [] }
        return OnlineCheck.diagnostics(report: online, guide: guide).filter { $0.id == id }
    }
}
