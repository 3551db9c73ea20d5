import Foundation

/// Builds the view models of one locale in one text format: resolves each string (with fallback),
/// renders its inline Markdown, escapes it, numbers the steps. Collects diagnostics instead of
/// stopping, and remembers whether the current page shows a fallback.
struct ViewBuilder {
    let guide: Guide
    let locale: LocaleInfo
    /// Every locale, the source first.
    let locales: [LocaleInfo]
    let chrome: ChromeStrings
    let format: TextFormat
    /// Screenshot files by their path below `Content/media/`.
    let media: [String: MediaAsset]
    /// The build's parsed texts.
    let parses: InlineParseCache
    var diagnostics: [Diagnostic] = []
    var fallbacks: Set<FallbackUse> = []
    /// Set when a string of the current page falls back; reset by `beginPage()`.
    private(set) var pageHasFallback = false
    /// Where in the locale's catalog the entry after the last one found is (`LocaleResolver.resolve(_:hint:)`).
    private var catalogHint = 0
    /// The parts every page of this locale and format shares, when built beforehand.
    var shared: Shared?
    /// What every text's `InlineRenderer` is made from, made once per builder.
    private let guideReference: GuideReference
    /// The renderers of the page's own language, made once per builder: a text in it (most are)
    /// is rendered by one of these in place, where making and copying a renderer per text cost
    /// more than rendering a short one.
    private let renderer: InlineRenderer
    private let linkTextRenderer: InlineRenderer
    private let plainRenderer: InlineRenderer

    init(guide: Guide, locale: LocaleInfo, locales: [LocaleInfo], chrome: ChromeStrings, format: TextFormat, media: [String: MediaAsset], parses: InlineParseCache) {
        self.guide = guide
        self.locale = locale
        self.locales = locales
        self.chrome = chrome
        self.format = format
        self.media = media
        self.parses = parses
        let guideReference = GuideReference(guide)
        let localeNumbers = NumberSymbols.of(locale.tag)
        self.guideReference = guideReference
        self.renderer = InlineRenderer(guide: guideReference, format: format, linksAsText: false, numbers: localeNumbers, parses: parses)
        self.linkTextRenderer = InlineRenderer(guide: guideReference, format: format, linksAsText: true, numbers: localeNumbers, parses: parses)
        self.plainRenderer = InlineRenderer(guide: guideReference, format: .plain, linksAsText: true, numbers: localeNumbers, parses: parses)
    }

    var sourceLocale: String { guide.sourceLocale.value }

    mutating func beginPage() { pageHasFallback = false }

    // MARK: Text

    /// A content string for this page: resolved, rendered, and marked when it falls back.
    mutating func text(_ source: SourceText, linksAsText: Bool = false) -> Fragment {
        let resolved = resolve(source)
        let rendered: String
        if resolved.language != locale.tag {
            rendered = InlineRenderer(guide: guideReference, format: format, linksAsText: linksAsText, numbers: .of(resolved.language), parses: parses)
                .render(resolved.text, diagnostics: &diagnostics)
        } else if linksAsText {
            rendered = linkTextRenderer.render(resolved.text, diagnostics: &diagnostics)
        } else {
            rendered = renderer.render(resolved.text, diagnostics: &diagnostics)
        }
        return Fragment(escaped: resolved.isFallback ? markFallback(rendered, language: resolved.language) : rendered)
    }

    /// A content string as plain text (JSON-LD, attributes, `<title>`), as the page shows it:
    /// link texts without their URLs, no marks. Problems are reported by `text(_:)`.
    mutating func plainText(_ source: SourceText) -> String {
        let resolved = resolve(source)
        var ignored: [Diagnostic] = []
        let rendered = resolved.language == locale.tag
            ? plainRenderer.render(resolved.text, diagnostics: &ignored)
            : InlineRenderer(guide: guideReference, format: .plain, linksAsText: true, numbers: .of(resolved.language), parses: parses)
                .render(resolved.text, diagnostics: &ignored)
        return TextWrapper.unprotect(rendered)
    }

    private mutating func resolve(_ source: SourceText) -> ResolvedText {
        let resolved = locale.resolver.resolve(source, hint: &catalogHint)
        switch resolved.provenance {
        case .missing:
            fallbacks.insert(FallbackUse(locale: locale.tag, key: source.key, kind: .missing, location: source.location))
            pageHasFallback = true
        case .stale(let translation):
            fallbacks.insert(FallbackUse(locale: locale.tag, key: source.key, kind: .stale, location: translation.location))
            pageHasFallback = true
        case .source, .translated:
            break
        }
        return resolved
    }

    private func markFallback(_ rendered: String, language: String) -> String {
        switch format {
        case .html:
            return "<span lang=\"\(Escape.htmlAttribute(language))\" class=\"fallback\">\(rendered)</span>"
        case .markdown, .plain:
            let marker = chrome.lookup("fallbackMarker", locale: locale.tag)?.text.value ?? "†"
            return rendered + escape(marker)
        }
    }

    func escape(_ text: String) -> String {
        switch format {
        case .html: Escape.htmlText(text)
        case .markdown: Escape.markdown(text)
        case .plain: InlineRenderer.disarmCheckboxes(InlineRenderer.plain(text))
        }
    }

    /// A value for an attribute (HTML) or a link destination (Markdown).
    func escapeAttribute(_ text: String) -> String {
        switch format {
        case .html: Escape.htmlAttribute(text)
        case .markdown: Escape.markdownDestination(text)
        case .plain: InlineRenderer.plain(text)
        }
    }

    func fragment(_ text: String) -> Fragment { Fragment(escaped: escape(text)) }
    func attribute(_ text: String) -> Fragment { Fragment(escaped: escapeAttribute(text)) }

    // MARK: Chrome strings

    /// A chrome string's text, noting a fallback to another locale.
    mutating func chromeText(_ key: String) -> (text: String, language: String) {
        guard let found = chrome.lookup(key, locale: locale.tag) else {
            let file = chrome.chain(for: sourceLocale).last?.file ?? "strings/\(sourceLocale).yaml"
            diagnostics.append(Diagnostic(id: "missing-string", message: "no chrome string ‘\(key)’ in any strings file: add it to \(file)", at: SourceLocation(file: file, line: 1, column: 1)))
            return ("", locale.tag)
        }
        if found.language != locale.tag {
            fallbacks.insert(FallbackUse(locale: locale.tag, key: key, kind: .chrome, location: found.text.location))
            pageHasFallback = true
        }
        return (found.text.value, found.language)
    }

    /// A chrome string for element content.
    mutating func chromeString(_ key: String) -> Fragment {
        let (text, language) = chromeText(key)
        let escaped = escape(text)
        return Fragment(escaped: language == locale.tag ? escaped : markFallback(escaped, language: language))
    }

    /// A chrome pattern with `{name}` placeholders filled with fragments.
    mutating func chromePattern(_ key: String, _ values: KeyValuePairs<String, Fragment>) -> Fragment {
        // Cut once per locale and format when the shared parts are built: cutting the pattern
        // by characters on every call was 3 % of a build (lists join their items with patterns).
        // Its language was found then too, and a fallback to another one noted: a page with the
        // shared parts notes every fallback of theirs (`sharedParts()`), so it is not looked up
        // and noted again on every call.
        let pattern: [PatternPiece], language: String
        if let found = shared?.patterns[key] {
            (pattern, language) = (found.pieces, found.language)
        } else {
            let text: String
            (text, language) = chromeText(key)
            pattern = self.pattern(text)
        }
        var out = ""
        for piece in pattern {
            switch piece {
            case .escaped(let literal):
                out += literal
            case .placeholder(let name, let escaped):
                // A few values, each looked for in turn: hashing a dictionary of them cost more.
                if let value = values.first(where: { $0.key == name })?.value {
                    if format == .markdown { InlineRenderer.appendMarkdown(value.string, to: &out) } else { out += value.string }
                } else {
                    out += escaped
                }
            }
        }
        return Fragment(escaped: language == locale.tag ? out : markFallback(out, language: language))
    }

    /// A piece of a chrome pattern (`pattern(_:)`).
    enum PatternPiece {
        /// Text between placeholders, escaped for the format.
        case escaped(String)
        /// `{name}`, and the same escaped, for when no value has that name.
        case placeholder(name: String, escaped: String)
    }

    /// A chrome pattern cut at its `{name}` placeholders, the text between them escaped.
    func pattern(_ pattern: String) -> [PatternPiece] {
        // Most chrome strings have no placeholder: one piece, without walking their characters.
        guard pattern.containsByte(UInt8(ascii: "{")) else { return [.escaped(escape(pattern))] }
        var pieces: [PatternPiece] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            pieces.append(.escaped(escape(String(rest[..<open]))))
            guard let close = rest[open...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            pieces.append(.placeholder(name: String(rest[rest.index(after: open)..<close]), escaped: escape(String(rest[open...close]))))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.escaped(escape(String(rest))))
        return pieces
    }

    /// Every chrome string, for templates: `strings` for element content, `attr` for attributes,
    /// `upper` in upper case by the rules of the string's language (`KONTROL LİSTESİ`).
    mutating func stringTables() -> (strings: FragmentTable, attr: FragmentTable, upper: FragmentTable) {
        var strings: [String: Fragment] = [:]
        var attr: [String: Fragment] = [:]
        var upper: [String: Fragment] = [:]
        for key in chrome.keys {
            strings[key] = chromeString(key)
            let (text, language) = chromeText(key)
            attr[key] = Fragment(escaped: Escape.htmlAttribute(text))
            let upperCased = escape(CaseMapping.uppercased(text, language: language))
            upper[key] = Fragment(escaped: language == locale.tag ? upperCased : markFallback(upperCased, language: language))
        }
        return (FragmentTable(strings), FragmentTable(attr), FragmentTable(upper))
    }

    /// What every page of one locale and format shows alike: the chrome string tables and the
    /// support block. Built once per locale and format instead of on every page (it was a tenth
    /// of a build); a page takes them with `sharedParts()`.
    struct Shared {
        let strings: FragmentTable
        let attr: FragmentTable
        let upper: FragmentTable
        let support: SupportView
        /// Every chrome string the locale has, cut as a pattern, with the language it is in (`chromePattern`).
        let patterns: [String: (pieces: [PatternPiece], language: String)]
        /// Every locale by its name, in the order of this locale's language (Turkish collation
        /// for Turkish), for the language switcher.
        let localesByName: [LocaleInfo]
        /// What building them found, noted again on every page that shows them.
        let diagnostics: [Diagnostic]
        let fallbacks: Set<FallbackUse>
        let hasFallback: Bool
    }

    /// Builds the shared parts, on a builder of their own.
    func makeShared() -> Shared {
        var builder = ViewBuilder(guide: guide, locale: locale, locales: locales, chrome: chrome, format: format, media: media, parses: parses)
        let tables = builder.stringTables()
        let support = builder.support()
        var patterns: [String: (pieces: [PatternPiece], language: String)] = [:]
        for key in chrome.keys {
            if let found = chrome.lookup(key, locale: locale.tag) { patterns[key] = (pattern(found.text.value), found.language) }
        }
        return Shared(strings: tables.strings, attr: tables.attr, upper: tables.upper, support: support, patterns: patterns,
                      localesByName: Collation(language: locale.tag).sorted(locales, by: \.name), diagnostics: builder.diagnostics, fallbacks: builder.fallbacks, hasFallback: builder.pageHasFallback)
    }

    /// The shared parts for the current page (built now when not beforehand), with their
    /// fallbacks and problems noted as the page's own.
    mutating func sharedParts() -> Shared {
        let parts = shared ?? makeShared()
        diagnostics += parts.diagnostics
        fallbacks.formUnion(parts.fallbacks)
        if parts.hasFallback { pageHasFallback = true }
        return parts
    }

    /// A counted chrome phrase (`stepCount`) for `count`: the plural form the language's CLDR rule
    /// picks, with `{count}` written the locale's way (`7 adım`, `1 step`, `7 steps`).
    mutating func chromeCount(_ key: String, _ count: Int) -> Fragment {
        guard let (forms, language) = chrome.lookupPlural(key, locale: locale.tag), let form = forms.form(for: count, language: language) else {
            let file = chrome.chain(for: sourceLocale).last?.file ?? "strings/\(sourceLocale).yaml"
            diagnostics.append(Diagnostic(id: "missing-string", message: "no counted chrome string ‘\(key)’ in any strings file: add it to \(file) with `one` and `other` forms", at: SourceLocation(file: file, line: 1, column: 1)))
            return fragment(NumberSymbols.of(locale.tag).format(count))
        }
        if language != locale.tag {
            fallbacks.insert(FallbackUse(locale: locale.tag, key: key, kind: .chrome, location: forms.location))
            pageHasFallback = true
        }
        let number = NumberSymbols.of(language).format(count)
        let text = escape(form.value.replacingPlaceholder(PluralForms.placeholder, with: number))
        return Fragment(escaped: language == locale.tag ? text : markFallback(text, language: language))
    }

    /// Items joined the locale's way: `a, b ve c` from the patterns `listMiddle` and `listEnd`.
    mutating func joinList(_ items: [Fragment]) -> Fragment {
        guard var result = items.last else { return .empty }
        if items.count >= 2 {
            result = chromePattern("listEnd", ["0": items[items.count - 2], "1": result])
            for item in items.dropLast(2).reversed() {
                result = chromePattern("listMiddle", ["0": item, "1": result])
            }
        }
        return result
    }

    // MARK: Guide parts

    mutating func support() -> SupportView {
        let contact = guide.support
        let days: Fragment
        if contact.firstDay.value == contact.lastDay.value {
            days = chromeString(contact.firstDay.value.rawValue)
        } else {
            days = chromePattern("dayRange", ["from": chromeString(contact.firstDay.value.rawValue), "to": chromeString(contact.lastDay.value.rawValue)])
        }
        for time in [contact.opens, contact.closes] where !Self.isTime(time.value) {
            diagnostics.append(Diagnostic(id: "invalid-time", message: "‘\(time.value)’ is not a 24-hour time: write it as \"HH:MM\"", at: time.location))
        }
        let hours = chromePattern("hoursFormat", ["days": days, "opens": fragment(contact.opens.value), "closes": fragment(contact.closes.value), "zone": text(contact.timeZoneNote)])
        if !Self.isEmail(contact.email.value) {
            diagnostics.append(Diagnostic(id: "invalid-email", message: "‘\(contact.email.value)’ is not an email address: write it as name@host", at: contact.email.location))
        }
        if !Self.isPhoneNumber(contact.phone.value) {
            diagnostics.append(Diagnostic(id: "invalid-phone", message: "‘\(contact.phone.value)’ is not an E.164 number: write it as +<country code><number>, digits only", at: contact.phone.location))
        }
        return SupportView(
            team: text(contact.team), hoursLabel: text(contact.hoursLabel), hours: hours,
            emailLabel: text(contact.emailLabel), email: fragment(contact.email.value), emailHref: attribute("mailto:" + contact.email.value),
            emailChannel: text(contact.emailChannelLabel), responseTime: text(contact.responseTime),
            phoneLabel: text(contact.phoneLabel), phone: fragment(contact.phoneDisplay.value), phoneHref: attribute("tel:" + contact.phone.value))
    }

    static func isTime(_ value: String) -> Bool {
        let parts = value.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }), let hour = Int(parts[0]), let minute = Int(parts[1]) else { return false }
        return (0...24).contains(hour) && (0...59).contains(minute)
    }

    static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && value.unicodeScalars.allSatisfy { $0.isASCII && !$0.properties.isWhitespace && !"\"<>()[]\\,;:`".unicodeScalars.contains($0) }
    }

    static func isPhoneNumber(_ value: String) -> Bool {
        value.hasPrefix("+") && (6...16).contains(value.count) && value.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A link to another section's page, its title without links (it sits inside a link).
    mutating func sectionLink(_ section: Section, pageExtension: String) -> SectionLinkView {
        SectionLinkView(href: attribute("\(section.id.value).\(pageExtension)"), label: fragment(section.label.value), title: text(section.title, linksAsText: true))
    }

    mutating func step(_ step: Step, number: String, assets: String) -> StepView {
        // The texts in the order a catalog lists them (`Step.texts`), so that each is found just
        // after the one before (`LocaleResolver.resolve(_:hint:)`): resolved after the sub-steps,
        // the step's own text missed the hint and was looked up by its hashed key.
        let stepText = text(step.text), detail = step.detail.map { text($0) }, substepsIntro = step.substepsIntro.map { text($0) }
        // Loops, not `map`: a closure that calls this builder's mutating methods copied the
        // whole builder for every list of every step (2 % of a build).
        var substeps: [SubstepView] = []
        for (index, substep) in step.substeps.enumerated() {
            substeps.append(SubstepView(id: attribute("\(step.id.value)--\(substep.id.value)"), number: fragment("\(number).\(index + 1)"), text: text(substep.text)))
        }
        var fields: [Fragment] = []
        for field in step.fields { fields.append(text(field.label)) }
        var notes: [NoteView] = []
        for note in step.notes {
            // The label from the shared table when there is one (see `chromePattern`).
            let label = shared?.strings[note.kind.rawValue] ?? chromeString(note.kind.rawValue)
            notes.append(NoteView(kind: fragment(note.kind.rawValue), label: label, text: text(note.text)))
        }
        var questions: [QuestionView] = []
        for question in step.questions {
            var items: [Fragment] = []
            for item in question.items { if let itemText = item.text { items.append(text(itemText)) } }
            questions.append(QuestionView(id: attribute("\(step.id.value)--\(question.id.value)"), question: text(question.question), answer: text(question.answer),
                                          items: items, hasItems: !items.isEmpty))
        }
        var lists: [Fragment] = []
        for textList in step.lists { lists.append(list(textList)) }
        var links: [LinkView] = []
        for key in step.links {
            guard let link = guide.links[key.value] else {
                diagnostics.append(Diagnostic(id: "unknown-link", message: "no link ‘\(key.value)’ in the registry: add it to links.yaml or fix the key", at: key.location))
                continue
            }
            guard URLPolicy.isAllowedRegistryURL(link.url.value) else {
                diagnostics.append(Diagnostic(id: "unsafe-url", message: "the link ‘\(key.value)’ is not an https:// URL of printable ASCII characters: only https links are published (percent-encode other characters)", at: link.url.location))
                continue
            }
            links.append(LinkView(href: attribute(link.url.value), text: fragment(Self.displayURL(link.url.value))))
        }
        var screenshot: ScreenshotView?
        if let shot = step.screenshot {
            if let asset = media[shot.file.value] {
                let alt = plainText(shot.alt)
                screenshot = ScreenshotView(src: attribute(assets + MediaAsset.urlPath(asset.outputPath)), alt: Fragment(escaped: format == .html ? Escape.htmlAttribute(alt) : escape(alt)),
                                            width: asset.width, height: asset.height, hasSize: asset.width != nil && asset.height != nil)
            }
        }
        return StepView(
            id: attribute(step.id.value), number: fragment(number), kind: fragment(step.kind.rawValue), text: stepText,
            detail: detail, substepsIntro: substepsIntro,
            substeps: substeps, hasSubsteps: !substeps.isEmpty, fields: fields, hasFields: !fields.isEmpty, notes: notes,
            questions: questions, hasQuestions: !questions.isEmpty, lists: lists, links: links, hasLinks: !links.isEmpty, screenshot: screenshot)
    }

    /// A list sentence with its items joined in place of `{list}`.
    private mutating func list(_ list: TextList) -> Fragment {
        let items: [Fragment] = list.items.map { item in
            switch list.kind {
            case .currencies:
                guard let name = item.text else { return fragment(item.id.value) }
                return chromePattern("currencyWithName", ["code": fragment(item.id.value), "name": text(name)])
            case .items:
                return item.text.map { text($0) } ?? fragment(item.id.value)
            }
        }
        let joined = joinList(items)
        guard let sentence = list.text else { return joined }
        let rendered = text(sentence)
        guard rendered.string.containsPlaceholder(TextList.placeholder) else {
            let resolved = locale.resolver.resolve(sentence)
            diagnostics.append(Diagnostic(id: "missing-placeholder", message: "the list text has no \(TextList.placeholder) placeholder: add it where the items go", at: resolved.text.location))
            return rendered
        }
        return Fragment(escaped: rendered.string.replacingPlaceholder(TextList.placeholder, with: joined.string))
    }

    /// `https://www.worldfirst.com/sg/x/` → `www.worldfirst.com/sg/x`.
    static func displayURL(_ url: String) -> String {
        // On bytes for an ASCII URL (a registry URL is one): lower-casing the whole URL to look
        // at its scheme, and counting the scheme's characters, cost 3,500 instructions a link.
        let shown: String? = url.withBytes { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            if bytes.hasASCIIPrefixIgnoringCase("https://") { start = "https://".utf8.count }
            var end = bytes.count
            while end > start, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            return start == 0 && end == bytes.count ? url : String(decoding: bytes[start..<end], as: UTF8.self)
        }
        if let shown { return shown }
        var value = url
        if value.lowercased().hasPrefix("https://") { value.removeFirst("https://".count) }
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
