import Foundation

/// Renders the guide into every requested locale and format, in memory. Pure apart from the
/// inputs it is given: the loaded guide and catalogs, chrome strings, parsed templates and the
/// bytes of assets and screenshots.
public struct SiteRenderer: Sendable {
    public struct Options: Sendable {
        /// Locales to render; nil for all (the source locale and one per catalog).
        public var locales: [String]?
        public var formats: [OutputFormat]
        /// Lines per printed page of the checklist, or nil for no form feeds.
        public var pageLength: Int?
        /// The checklist's width in display columns.
        public var width: Int
        /// Make every fallback to the source language an error.
        public var strictL10n: Bool
        /// Threads pages render on; the output is the same for any number.
        public var threads: Int

        public init(locales: [String]? = nil, formats: [OutputFormat] = OutputFormat.allCases, pageLength: Int? = nil, width: Int = 80, strictL10n: Bool = false,
                    threads: Int = Parallel.defaultThreads) {
            self.locales = locales
            self.formats = formats
            self.pageLength = pageLength
            self.width = width
            self.strictL10n = strictL10n
            self.threads = threads
        }
    }

    /// The templates each format needs.
    public static let requiredTemplates: [OutputFormat: [String]] = [
        .html: ["layout", "article", "index", "languages"],
        .markdown: ["article", "index"],
        .checklist: ["header", "section", "footer"],
    ]

    public let guide: Guide
    public let catalogs: [Catalog]
    public let chrome: ChromeStrings
    public let templates: [OutputFormat: TemplateSet]
    /// Files of the templates' `html/assets/` (the stylesheet), by path below `assets/`.
    public let htmlAssets: [MediaAsset]
    /// Screenshots by their path below `Content/media/`.
    public let media: [String: MediaAsset]
    /// Every text's inline Markdown, parsed once for all pages and formats (the loader's parses
    /// of the texts with links among them).
    private let parses: InlineParseCache

    public init(guide: Guide, catalogs: [Catalog], chrome: ChromeStrings, templates: [OutputFormat: TemplateSet], htmlAssets: [MediaAsset], media: [String: MediaAsset]) {
        self.init(guide: guide, catalogs: catalogs, chrome: chrome, templates: templates, htmlAssets: htmlAssets, media: media, parses: InlineParseCache())
    }

    init(guide: Guide, catalogs: [Catalog], chrome: ChromeStrings, templates: [OutputFormat: TemplateSet], htmlAssets: [MediaAsset], media: [String: MediaAsset],
         parses: InlineParseCache) {
        self.guide = guide
        self.catalogs = catalogs
        self.chrome = chrome
        self.templates = templates
        self.htmlAssets = htmlAssets
        self.media = media
        self.parses = parses
    }

    /// Every locale the content has, the source first, then the catalogs' in tag order.
    public var allLocales: [LocaleInfo] {
        let source = guide.sourceLocale.value
        let sourceName = chrome.lookup("localeName", locale: source)?.text.value ?? source
        return [LocaleInfo(tag: source, name: sourceName, resolver: LocaleResolver(sourceLocale: source))]
            + catalogs.filter { $0.locale.value != source }.sorted { $0.locale.value < $1.locale.value }
            .map { LocaleInfo(tag: $0.locale.value, name: $0.name.value, resolver: LocaleResolver(catalog: $0, sourceLocale: source)) }
    }

    /// Renders every page into memory.
    public func render(_ options: Options) -> RenderedSite {
        render(options) { $0 }
    }

    /// Renders every page and hands each file to `keep` as soon as it is rendered, on the thread
    /// that rendered it (so `keep` must be safe to call from several threads); the result holds
    /// only what `keep` returns. A build stages each file in the output folder this way instead
    /// of holding every rendered file until the last one is done.
    ///
    /// Specialised for what a build keeps: called from the `guidegen` module, the generic body
    /// moved each file through its type's witnesses (the paths gathered and the files put in
    /// order took 20 ms at S=1000, on one thread while the other waited).
    @_specialize(where File == Result<StagedFile, any Error>)
    public func render<File>(_ options: Options, keep: (OutputFile) -> File) -> Rendered<File> {
        let all = allLocales
        // Pages name their locale by its place in `all`: a locale's value (its catalog among them)
        // copied into each of 6,000 pages took 2 ms before the pages could start.
        let selected = all.indices.filter { options.locales?.contains(all[$0].tag) ?? true }
        var files: [(path: String, file: File)] = []
        var roots: [String] = []
        var pages: [PageJob] = []
        func add(_ file: OutputFile) { files.append((file.path, keep(file))) }
        let formats = options.formats.sorted()

        for format in formats {
            guard templates[format] != nil else { continue }
            switch format {
            case .html:
                roots += ["html/index.html", "html/assets/"]
                htmlAssets.forEach { add(OutputFile(path: "html/assets/" + $0.outputPath, bytes: $0.bytes)) }
                media.values.forEach { add(OutputFile(path: "html/assets/" + $0.outputPath, bytes: $0.bytes)) }
                pages.append(.chooser)
            case .markdown:
                roots.append("markdown/assets/")
                media.values.forEach { add(OutputFile(path: "markdown/assets/" + $0.outputPath, bytes: $0.bytes)) }
            case .checklist:
                break
            }
            for locale in selected {
                switch format {
                case .html, .markdown:
                    roots.append("\(format.rawValue)/\(all[locale].tag)/")
                    pages += guide.sections.indices.map { PageJob.article(format, locale, $0) } + [.contents(format, locale)]
                case .checklist:
                    roots.append("checklists/\(all[locale].tag).txt")
                    pages.append(.checklist(locale))
                }
            }
        }
        // Each page has a builder of its own, so pages render on several threads; what builders
        // collect is merged as sets and sorted, so the result is the same for any order.
        var diagnostics: [Diagnostic] = []
        var fallbacks: Set<FallbackUse> = []
        // A checklist is one long job, and a contents page lists every section: start those
        // first, so they do not finish last alone (the contents pages did, at S=1000, while the
        // other thread waited). Then the articles section by section, every format and locale of
        // one section before the next, so what they share of it is still in the processor's caches.
        pages.sort { $0.renderOrder < $1.renderOrder }
        // What every page of a locale and format shares is built once, before the pages, each
        // locale and format on a thread of its own (one after the other, the other thread waited).
        var wanted: [SharedKey] = []
        var seen: Set<SharedKey> = []
        for page in pages {
            guard let key = page.sharedKey else { continue }
            if seen.insert(key).inserted { wanted.append(key) }
        }
        let made = Parallel.map(wanted, threads: options.threads) { builder(for: all[$0.locale], locales: all, format: $0.format).makeShared() }
        let shared = Dictionary(uniqueKeysWithValues: zip(wanted, made))
        let rendered = Parallel.map(pages, threads: options.threads) { job -> (path: String, file: File, diagnostics: [Diagnostic], fallbacks: Set<FallbackUse>) in
            let page = renderPage(job, locales: all, shared: shared, options: options)
            return (page.file.path, keep(page.file), page.diagnostics, page.fallbacks)
        }
        for page in rendered {
            diagnostics += page.diagnostics
            fallbacks.formUnion(page.fallbacks)
        }
        if options.strictL10n {
            diagnostics += fallbacks.sorted().map(\.diagnostic)
        }
        // A string rendered in several formats reports its problem once.
        let unique = Array(Set(diagnostics)).sorted()
        // Sorted by their paths alone: sorting the pairs moved each through `File`'s generic
        // witnesses, about 20 ms at S=1000 on one thread while the other waited. The pages are
        // taken from where they rendered, each copied once (gathering them first copied each twice).
        let paths = files.map(\.path) + rendered.map(\.path)
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        let ordered = order.map { $0 < files.count ? files[$0].file : rendered[$0 - files.count].file }
        return Rendered(files: ordered, roots: roots.sorted(), diagnostics: unique,
                            fallbacks: fallbacks.sorted(), locales: selected.map { all[$0].tag }, formats: formats)
    }

    /// One file to render. A locale is its index in `allLocales`; a section, its index in the guide.
    private enum PageJob {
        /// The language chooser, `html/index.html`.
        case chooser
        case article(OutputFormat, Int, Int)
        case contents(OutputFormat, Int)
        case checklist(Int)

        /// When the page is handed to a thread: checklists, then the contents pages and the
        /// language chooser, then articles by section.
        var renderOrder: Int {
            switch self {
            case .checklist: -2
            case .chooser, .contents: -1
            case .article(_, _, let section): section
            }
        }

        /// The locale and text format of the parts the page shares with the others of its
        /// builder's locale and format; nil for the chooser.
        var sharedKey: SharedKey? {
            switch self {
            case .chooser: nil
            case .article(let format, let locale, _), .contents(let format, let locale): SharedKey(locale: locale, format: SiteRenderer.textFormat(format))
            case .checklist(let locale): SharedKey(locale: locale, format: .plain)
            }
        }
    }

    /// A locale, by its index in `allLocales`, and a text format.
    private struct SharedKey: Hashable {
        let locale: Int
        let format: TextFormat
    }

    static func textFormat(_ format: OutputFormat) -> TextFormat { format == .checklist ? .plain : (format == .html ? .html : .markdown) }

    private func renderPage(_ page: PageJob, locales all: [LocaleInfo], shared: [SharedKey: ViewBuilder.Shared], options: Options) -> (file: OutputFile, diagnostics: [Diagnostic], fallbacks: Set<FallbackUse>) {
        let textFormat = Self.textFormat
        let file: OutputFile
        var builder: ViewBuilder
        switch page {
        case .chooser:
            builder = self.builder(for: all[0], locales: all, format: .html)
            file = OutputFile(path: "html/index.html", bytes: templates[.html]!.withRendered(chooserPage(&builder, locales: all), template: "languages", PageText.normalisedBytes))
        case .article(let format, let localeIndex, let index):
            let locale = all[localeIndex]
            builder = self.builder(for: locale, locales: all, format: textFormat(format))
            builder.shared = page.sharedKey.flatMap { shared[$0] }
            let pageExtension = format == .html ? "html" : "md"
            let section = guide.sections[index]
            let view = articlePage(&builder, section: section, index: index, pageExtension: pageExtension)
            file = OutputFile(path: "\(format.rawValue)/\(locale.tag)/\(section.id.value).\(pageExtension)",
                              bytes: templates[format]!.withRendered(view, template: "article", PageText.normalisedBytes))
        case .contents(let format, let localeIndex):
            let locale = all[localeIndex]
            builder = self.builder(for: locale, locales: all, format: textFormat(format))
            builder.shared = page.sharedKey.flatMap { shared[$0] }
            let pageExtension = format == .html ? "html" : "md"
            let view = contentsPage(&builder, pageExtension: pageExtension)
            file = OutputFile(path: "\(format.rawValue)/\(locale.tag)/index.\(pageExtension)", bytes: templates[format]!.withRendered(view, template: "index", PageText.normalisedBytes))
        case .checklist(let localeIndex):
            let locale = all[localeIndex]
            builder = self.builder(for: locale, locales: all, format: .plain)
            builder.shared = page.sharedKey.flatMap { shared[$0] }
            file = OutputFile(path: "checklists/\(locale.tag).txt", bytes: checklist(&builder, templates: templates[.checklist]!, options: options))
        }
        return (file, builder.diagnostics, builder.fallbacks)
    }

    private func builder(for locale: LocaleInfo, locales: [LocaleInfo], format: TextFormat) -> ViewBuilder {
        ViewBuilder(guide: guide, locale: locale, locales: locales, chrome: chrome, format: format, media: media, parses: parses)
    }

    // MARK: Pages

    private func page(_ builder: inout ViewBuilder, title: Fragment, file: String, depth: String, pageExtension: String,
                      article: ArticleView? = nil, contents: ContentsView? = nil, chooser: ChooserView? = nil) -> PageView {
        let shared = builder.sharedParts()
        // Each locale by its own name, in the order of the page's language (Turkish collation on a Turkish page).
        let languages = shared.localesByName.map { other in
            LanguageView(lang: builder.attribute(other.tag), dir: builder.attribute(LanguageTag.direction(of: other.tag)), name: builder.fragment(other.name),
                         href: builder.attribute("\(depth)\(other.tag)/\(file)"), current: other.tag == builder.locale.tag, guideTitle: .empty)
        }
        let alternates = builder.locales.map { AlternateView(hreflang: builder.attribute($0.tag), href: builder.attribute("\(depth)\($0.tag)/\(file)")) }
        let guideTitle = builder.text(guide.title)
        // A mutating call inside another call on the builder made Swift copy the whole builder
        // first (once a page): the text is made before it is escaped.
        let guideTitleText = builder.plainText(guide.title)
        return PageView(
            lang: builder.attribute(builder.locale.tag), dir: builder.attribute(LanguageTag.direction(of: builder.locale.tag)), title: title,
            guideTitle: guideTitle, guideTitleText: builder.attribute(guideTitleText),
            root: builder.attribute(depth), assets: builder.attribute("\(depth)assets/"), home: builder.attribute("index.\(pageExtension)"),
            strings: shared.strings, attr: shared.attr, upper: shared.upper, alternates: alternates, xDefault: builder.attribute("\(depth)\(builder.sourceLocale)/\(file)"),
            languages: languages, otherLanguages: languages.filter { !$0.current }, hasOtherLanguages: languages.count > 1,
            hasFallback: builder.pageHasFallback, support: shared.support, article: article, contents: contents, chooser: chooser)
    }

    private func articlePage(_ builder: inout ViewBuilder, section: Section, index: Int, pageExtension: String) -> PageView {
        builder.beginPage()
        let assets = "../assets/"
        let steps = section.steps.enumerated().map { stepIndex, step in
            builder.step(step, number: section.number(ofStepAt: stepIndex), assets: assets)
        }
        let prerequisites = section.requires.compactMap { guide.section(id: $0.value) }.map { builder.sectionLink($0, pageExtension: pageExtension) }
        let previous = index > 0 ? builder.sectionLink(guide.sections[index - 1], pageExtension: pageExtension) : nil
        let next = index + 1 < guide.sections.count ? builder.sectionLink(guide.sections[index + 1], pageExtension: pageExtension) : nil
        let titleText = builder.plainText(section.title)
        let jsonLD = builder.format == .html ? howTo(&builder, section: section) : nil
        let article = ArticleView(
            id: builder.attribute(section.id.value), label: builder.fragment(section.label.value), title: builder.text(section.title),
            titleText: builder.attribute(titleText), intro: section.intro.map { builder.text($0) },
            prerequisites: prerequisites, hasPrerequisites: !prerequisites.isEmpty, steps: steps, previous: previous, next: next, jsonLD: jsonLD)
        let title = builder.format == .html ? builder.attribute(titleText) : builder.fragment(titleText)
        return page(&builder, title: title, file: "\(section.id.value).\(pageExtension)", depth: "../", pageExtension: pageExtension, article: article)
    }

    private func contentsPage(_ builder: inout ViewBuilder, pageExtension: String) -> PageView {
        builder.beginPage()
        let entries = guide.sections.map { section in
            ContentsEntryView(href: builder.attribute("\(section.id.value).\(pageExtension)"), label: builder.fragment(section.label.value),
                              title: builder.text(section.title, linksAsText: true), intro: section.intro.map { builder.text($0) },
                              stepCount: builder.chromeCount("stepCount", section.steps.count))
        }
        let contents = builder.chromeText("contents").text
        let title = builder.format == .html ? builder.attribute(contents) : builder.fragment(contents)
        return page(&builder, title: title, file: "index.\(pageExtension)", depth: "../", pageExtension: pageExtension, contents: ContentsView(sections: entries))
    }

    /// The language chooser at the root of the HTML output, in the source locale, each entry in its own language.
    private func chooserPage(_ builder: inout ViewBuilder, locales: [LocaleInfo]) -> PageView {
        builder.beginPage()
        var entries: [LanguageView] = []
        for locale in Collation(language: builder.locale.tag).sorted(locales, by: \.name) {
            var localised = self.builder(for: locale, locales: locales, format: .html)
            entries.append(LanguageView(lang: builder.attribute(locale.tag), dir: builder.attribute(LanguageTag.direction(of: locale.tag)), name: builder.fragment(locale.name),
                                        href: builder.attribute("\(locale.tag)/index.html"), current: false, guideTitle: localised.text(guide.title, linksAsText: true)))
            builder.diagnostics += localised.diagnostics
        }
        let guideTitleText = builder.plainText(guide.title)
        let page = page(&builder, title: builder.attribute(guideTitleText), file: "index.html", depth: "", pageExtension: "html",
                        chooser: ChooserView(languages: entries))
        return page
    }

    /// A schema.org HowTo whose steps are the visible steps, as JSON safe inside `<script>`.
    private func howTo(_ builder: inout ViewBuilder, section: Section) -> Fragment {
        // Appended as UTF-8 bytes to one array: appending each piece to a string cost more than
        // the pieces (a string checks its capacity, form and uniqueness on every append), and a
        // list of lines joined at the end made every piece twice before that.
        var json: [UInt8] = []
        json.reserveCapacity(256 * (section.steps.count + 2))
        json.append(literal: "{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"HowTo\",\n  \"inLanguage\": ")
        Escape.appendJSONString(builder.locale.tag, to: &json)
        json.append(literal: ",\n  \"name\": ")
        Escape.appendJSONString(builder.plainText(section.title), to: &json)
        json.append(literal: ",\n")
        if let intro = section.intro {
            json.append(literal: "  \"description\": ")
            Escape.appendJSONString(builder.plainText(intro), to: &json)
            json.append(literal: ",\n")
        }
        json.append(literal: "  \"step\": [\n")
        for (index, step) in section.steps.enumerated() {
            json.append(literal: "    { \"@type\": \"HowToStep\", \"position\": ")
            json.append(utf8: String(index + 1))
            json.append(literal: ", \"url\": ")
            Escape.appendJSONString("#" + step.id.value, to: &json)
            json.append(literal: ", \"text\": ")
            Escape.appendJSONString(builder.plainText(step.text), to: &json)
            if !step.substeps.isEmpty {
                json.append(literal: ", \"itemListElement\": [")
                for (subIndex, substep) in step.substeps.enumerated() {
                    json.append(literal: subIndex == 0 ? "{ \"@type\": \"HowToDirection\", \"position\": " : ", { \"@type\": \"HowToDirection\", \"position\": ")
                    json.append(utf8: String(subIndex + 1))
                    json.append(literal: ", \"text\": ")
                    Escape.appendJSONString(builder.plainText(substep.text), to: &json)
                    json.append(literal: " }")
                }
                json.append(literal: "]")
            }
            json.append(literal: index + 1 < section.steps.count ? " },\n" : " }\n")
        }
        json.append(literal: "  ]\n}")
        return Fragment(escaped: String(decoding: json, as: UTF8.self))
    }

    // MARK: Checklist

    private func checklist(_ builder: inout ViewBuilder, templates: TemplateSet, options: Options) -> Data {
        builder.beginPage()
        let wrapper = TextWrapper(width: options.width)
        // The rules are made once a checklist: `String(repeating:count:)` appends the string once
        // for each repetition (17,000 instructions for a rule of 80).
        let rule = Fragment(escaped: Self.line(of: UInt8(ascii: "-"), count: options.width))
        let sections: [ChecklistSectionView] = guide.sections.map { section in
            let steps = section.steps.enumerated().map { index, step in builder.step(step, number: section.number(ofStepAt: index), assets: "") }
            let title = builder.text(section.title)
            let labels = section.requires.compactMap { guide.section(id: $0.value)?.label.value }.map { builder.fragment($0) }
            return ChecklistSectionView(label: builder.fragment(section.label.value), title: title,
                                        rule: rule,
                                        intro: section.intro.map { builder.text($0) }, prerequisites: labels.isEmpty ? nil : builder.joinList(labels), steps: steps)
        }
        let title = builder.text(guide.title)
        let titleRule = Fragment(escaped: Self.line(of: UInt8(ascii: "="), count: min(options.width, DisplayWidth.of(TextWrapper.unprotect(title.string)))))
        let shared = builder.sharedParts()
        func block(_ section: ChecklistSectionView?) -> ChecklistBlockView {
            ChecklistBlockView(lang: builder.fragment(builder.locale.tag), title: title,
                               titleRule: titleRule,
                               strings: shared.strings, upper: shared.upper, hasFallback: builder.pageHasFallback, support: shared.support, section: section)
        }
        // Each block goes onto the pages as soon as it is rendered: a checklist of a large guide
        // is megabytes, and holding every block's text and lines at once doubled that.
        var pages = Pages(pageLength: options.pageLength)
        func add(_ view: ChecklistBlockView, template: String) {
            let lines = templates.withRendered(view, template: template, wrapper.pageBlock)
            if !lines.isEmpty { pages.append(lines) }
        }
        add(block(nil), template: "header")
        for section in sections { add(block(section), template: "section") }
        add(block(nil), template: "footer")
        return pages.bytes
    }

    /// A rule of `count` ASCII characters.
    static func line(of byte: UInt8, count: Int) -> String {
        String(decoding: [UInt8](repeating: byte, count: max(0, count)), as: UTF8.self)
    }

    /// Joins blocks with one blank line. With a page length, a block that does not fit in what is
    /// left of the page starts a new one (a form feed before its first line); so a section never
    /// starts at the bottom of a page, and one shorter than a page is never split. Each block's
    /// lines are kept as a checklist's are (`PageText.Lines`).
    static func paginate(_ blocks: [[String]], pageLength: Int?) -> String {
        var pages = Pages(pageLength: pageLength)
        for block in blocks {
            var lines = PageText.Lines()
            for line in block { lines.append(line) }
            pages.append(lines)
        }
        return pages.text
    }

    /// The text of `paginate`, built one block at a time, as UTF-8 (the file's bytes: a
    /// checklist of a large guide is megabytes, so it is not built as a `String` and then copied).
    struct Pages {
        let pageLength: Int?
        private var lines = Data()
        /// The bytes of the block being added, which go to `lines` in one append: appending each
        /// line to `Data` went through a generic append (2 % of a build).
        private var pending: [UInt8] = []
        private var blocks = 0
        /// Lines used on the current page.
        private var used = 0

        init(pageLength: Int?) {
            self.pageLength = pageLength
        }

        /// Adds a block whose lines are bytes already, each ended by a line feed: after a blank
        /// line, or after a form feed when it does not fit in what is left of the page.
        mutating func append(_ block: PageText.Lines) {
            pending.removeAll(keepingCapacity: true)
            if blocks > 0 {
                if let pageLength, pageLength > 0, used > 0, used + 1 + block.count > pageLength {
                    // A form feed before the block's first line.
                    pending.append(0x0C)
                    used = 0
                } else {
                    pending.append(0x0A)
                    used += 1
                }
            }
            pending.append(contentsOf: block.bytes)
            lines.append(contentsOf: pending)
            blocks += 1
            if let pageLength, pageLength > 0 { used = (used + block.count) % pageLength }
        }

        /// Every line ended by a line feed; a single line feed when there are none.
        var bytes: Data { lines.isEmpty ? Data([0x0A]) : lines }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }
}
