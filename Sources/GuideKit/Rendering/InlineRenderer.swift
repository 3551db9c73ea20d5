/// The kinds of text a content string can be rendered to.
public enum TextFormat: String, Sendable, Hashable {
    case html
    case markdown
    /// Plain text for the checklist; UI labels are wrapped in `TextWrapper`'s protection marks.
    case plain
}

/// A guide shared by reference (see `InlineRenderer.guide`).
final class GuideReference: Sendable {
    let value: Guide

    init(_ value: Guide) { self.value = value }
}

/// Renders one content string (inline CommonMark) to HTML, Markdown or plain text with guidegen's
/// own renderer, so every link is checked and every character escaped for the format:
/// `link:KEY` becomes the registry URL (https only), `ui:LANG` a UI label in its language,
/// `section:ID#STEP` a link to another page, `gloss:` a gloss in parentheses. Raw HTML in content is dropped, never printed.
struct InlineRenderer {
    /// The guide, by reference: a renderer is made for every text of every page, and a `Guide`
    /// held by value was retained and released field by field each time.
    let guide: GuideReference
    let format: TextFormat
    /// Print links as their text only (inside another link, e.g. a table-of-contents entry).
    var linksAsText = false
    /// How the page's locale writes marked numbers (`[0.8](percent:)`).
    var numbers: NumberSymbols
    /// Texts parsed before, when the renderer is part of a build.
    var parses: InlineParseCache?

    init(guide: Guide, format: TextFormat, linksAsText: Bool = false, numbers: NumberSymbols = .of("en"), parses: InlineParseCache? = nil) {
        self.init(guide: GuideReference(guide), format: format, linksAsText: linksAsText, numbers: numbers, parses: parses)
    }

    init(guide: GuideReference, format: TextFormat, linksAsText: Bool = false, numbers: NumberSymbols, parses: InlineParseCache?) {
        self.guide = guide
        self.format = format
        self.linksAsText = linksAsText
        self.numbers = numbers
        self.parses = parses
    }

    func render(_ text: SourceText, diagnostics: inout [Diagnostic]) -> String {
        // A plain text (most are) is one text node, rendered as the list of it would be, without
        // making the list: allocating and freeing it was 3 % of a build.
        text.isPlain ? finish(escape(text.value, bytes: text.bytes)) : renderParsed(text, diagnostics: &diagnostics)
    }

    /// `render` of the text's parse, without the shortcut for plain text; the tests compare the two.
    func renderParsed(_ text: SourceText, diagnostics: inout [Diagnostic]) -> String {
        let inlines = parses?.inlines(of: text) ?? CommonMark.parseInline(text).inlines
        var context = Context(text: text)
        let rendered = render(inlines, context: &context)
        diagnostics += context.diagnostics
        return finish(rendered)
    }

    /// What every rendered text is given last, by format.
    private func finish(_ rendered: String) -> String {
        switch format {
        case .html: return rendered
        case .markdown: return rendered.trimmingSpaces()
        case .plain: return Self.disarmCheckboxes(rendered)
        }
    }

    /// In the checklist a line that starts with `[ ]` or `[x]` is a box to tick; content that
    /// writes one (at its start, or where wrapping starts a line) would add a box of its own, so
    /// its brackets become parentheses: `( )`, `(x)`.
    static func disarmCheckboxes(_ text: String) -> String {
        // Brackets, spaces and x are ASCII: in UTF-8 they are whole scalars, never part of another.
        // Looked for with `memchr`: most texts have no bracket, and a byte loop read every byte.
        guard text.containsByte(UInt8(ascii: "[")) else { return text }
        var bytes = Array(text.utf8)
        var index = 0
        var changed = false
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 2] == UInt8(ascii: "]"),
                bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "x") || bytes[index + 1] == UInt8(ascii: "X") {
                bytes[index] = UInt8(ascii: "(")
                bytes[index + 2] = UInt8(ascii: ")")
                changed = true
                index += 3
            } else {
                index += 1
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private struct Context {
        let text: SourceText
        var diagnostics: [Diagnostic] = []

        init(text: SourceText) { self.text = text }

        /// The place of a link destination in the file (as `ReferenceCheck` finds it).
        func location(of destination: String) -> SourceLocation {
            text.location(ofScalarOffset: ReferenceCheck.offset(of: "(\(destination))", in: text.value).map { $0 + 1 } ?? 0)
        }

        mutating func error(_ id: String, _ message: String, at location: SourceLocation) {
            diagnostics.append(Diagnostic(id: id, message: message, at: location))
        }
    }

    private func render(_ inlines: [Inline], context: inout Context) -> String {
        var out = ""
        for inline in inlines {
            let piece = render(inline, context: &context)
            if format == .markdown { Self.appendMarkdown(piece, to: &out) } else { out += piece }
        }
        return out
    }

    /// Appends Markdown so that two code spans never touch: when what lay between them printed
    /// as nothing (raw HTML, dropped characters), their fences would merge into one longer
    /// backtick run that closes neither, and the code (printed unescaped) would become Markdown.
    static func appendMarkdown(_ piece: String, to out: inout String) {
        if out.unicodeScalars.last == "`", piece.unicodeScalars.first == "`" { out += " " }
        out += piece
    }

    private func render(_ inline: Inline, context: inout Context) -> String {
        switch inline {
        case .text(let text):
            return escape(text)
        case .softBreak, .lineBreak:
            return " "
        case .code(let code):
            switch format {
            case .html: return "<code>\(Escape.htmlText(code))</code>"
            case .markdown: return Self.markdownCodeSpan(code)
            case .plain: return Self.plain(code)
            }
        case .emphasis(let children):
            let inner = render(children, context: &context)
            switch format {
            case .html: return "<em>\(inner)</em>"
            // Around nothing (its content was dropped) the delimiters would be a `**` or `****`
            // of their own: strong emphasis elsewhere, or a thematic break at a line start.
            case .markdown: return inner.isEmpty ? "" : "*\(inner)*"
            case .plain: return inner
            }
        case .strong(let children):
            let inner = render(children, context: &context)
            switch format {
            case .html: return "<strong>\(inner)</strong>"
            case .markdown: return inner.isEmpty ? "" : "**\(inner)**"
            case .plain: return inner
            }
        case .html:
            // Raw HTML never reaches a page (the validator reports it).
            return ""
        case .image(let source, _):
            context.error("inline-image", "images cannot be placed in text: give the step a `screenshot` instead", at: context.location(of: source))
            return ""
        case .link(let destination, let children):
            return link(destination: destination, children: children, context: &context)
        }
    }

    private func link(destination: String, children: [Inline], context: inout Context) -> String {
        // Most link texts are one piece of text: that piece is the label, without a list to join.
        let label = children.count == 1 ? children[0].plainText : children.map(\.plainText).joined()
        switch InlineReference(destination: destination) {
        case .uiLabel(let language):
            guard LanguageTag.isWellFormed(language) else {
                context.error("invalid-language", "‘\(language)’ is not a language tag: write the UI label’s language, e.g. ‘ui:zh-Hans’", at: context.location(of: destination))
                return escape(label)
            }
            switch format {
            case .html: return "<span class=\"ui\" lang=\"\(Escape.htmlAttribute(language))\">\(Escape.htmlText(label))</span>"
            case .markdown: return Self.markdownUILabel(label)
            case .plain: return TextWrapper.protect(Self.plain(label))
            }
        case .gloss:
            let inner = render(children, context: &context)
            guard !inner.isEmpty else { return "" }
            switch format {
            case .html: return "<span class=\"gloss\">(\(inner))</span>"
            case .markdown, .plain: return "(\(inner))"
            }
        case .registry(let key):
            guard let link = guide.value.links[key] else {
                context.error("unknown-link", "no link ‘\(key)’ in the registry: add it to links.yaml or fix the key", at: context.location(of: destination))
                return escape(label)
            }
            guard URLPolicy.isAllowedRegistryURL(link.url.value) else {
                context.error("unsafe-url", "the link ‘\(key)’ is not an https:// URL of printable ASCII characters: only https links are published (percent-encode other characters)", at: link.url.location)
                return escape(label)
            }
            return hyperlink(href: link.url.value, children: children, label: label, context: &context)
        case .section(let id, let step):
            guard let section = guide.value.section(id: id) else {
                context.error("unknown-section", "no section ‘\(id)’: use the id of a section listed in guide.yaml", at: context.location(of: destination))
                return escape(label)
            }
            if let step, !section.steps.contains(where: { $0.id.value == step }) {
                context.error("unknown-step", "the section ‘\(id)’ has no step ‘\(step)’: use one of its step ids", at: context.location(of: destination))
                return escape(label)
            }
            let fragment = step.map { "#\($0)" } ?? ""
            switch format {
            case .html: return hyperlink(href: "\(id).html\(fragment)", children: children, label: label, context: &context)
            case .markdown: return hyperlink(href: "\(id).md\(fragment)", children: children, label: label, context: &context)
            case .plain: return render(children, context: &context)
            }
        case .quantity(let kind):
            guard let quantity = Quantity(kind: kind, canonical: label) else {
                context.error("invalid-number", "‘\(label)’ is not a number guidegen can format: write digits and a decimal point, e.g. [0.8](\(kind.destination))",
                              at: context.location(of: destination))
                return escape(label)
            }
            let written = numbers.format(quantity)
            switch format {
            case .html: return "<data value=\"\(Escape.htmlAttribute(quantity.canonical))\">\(Escape.htmlText(written))</data>"
            case .markdown: return Escape.markdown(written)
            case .plain: return Self.plain(written)
            }
        case .raw(let url):
            guard URLPolicy.isAllowedInlineURL(url) else {
                context.error("unsafe-link", "the link destination ‘\(url)’ is not allowed: use `link:KEY` for a registry URL (https, mailto: and tel: only)", at: context.location(of: destination))
                return escape(label)
            }
            return hyperlink(href: url, children: children, label: label, context: &context)
        }
    }

    private func hyperlink(href: String, children: [Inline], label: String, context: inout Context) -> String {
        let inner = render(children, context: &context)
        if linksAsText { return inner }
        switch format {
        case .html:
            let showsURL = URLPolicy.textShowsURL(label, href)
            return "<a href=\"\(Escape.htmlAttribute(href))\"\(showsURL ? " class=\"url\"" : "")>\(inner)</a>"
        case .markdown:
            return "[\(inner)](\(Escape.markdownDestination(href)))"
        case .plain:
            if href.hasPrefix("mailto:") || href.hasPrefix("tel:") || !Self.hasColon(href) { return inner }
            return URLPolicy.textShowsURL(label, href) ? href : "\(inner) (\(href))"
        }
    }

    /// `href.contains(":")`, on bytes when the destination is ASCII (Foundation's `contains` was
    /// a tenth of rendering a link).
    static func hasColon(_ href: String) -> Bool {
        href.utf8.allSatisfy { $0 < 0x80 } ? href.utf8.contains(UInt8(ascii: ":")) : href.contains(":")
    }

    /// `escape(text)` for a text whose kinds of bytes are known: one with nothing the format
    /// changes is printed as it is, without a scan (each text is printed in every format, on
    /// several pages).
    private func escape(_ text: String, bytes: ByteClasses) -> String {
        guard !bytes.contains(.droppableLead) else { return escape(text) }
        switch format {
        case .html where !bytes.contains(.htmlStop): return text
        case .plain where !bytes.contains(.controlByte): return text
        case .markdown where !bytes.contains(.markdownStop) && !Escape.startsWithListMarker(text): return text
        default: return escape(text)
        }
    }

    private func escape(_ text: String) -> String {
        switch format {
        case .html: Escape.htmlText(text)
        case .markdown: Escape.markdown(text)
        case .plain: Self.plain(text)
        }
    }

    /// Plain text as printed: tabs and line breaks become spaces; control characters (form feeds,
    /// ANSI escapes), what `Escape.isDropped` drops (bidi overrides) and guidegen's own protection
    /// marks are removed.
    static func plain(_ text: String) -> String {
        Escape.keepsEveryScalar(text, stops: plainStops, marks: true) == true ? text : printedPlain(text)
    }

    /// The ASCII bytes `plain` changes: tab and line breaks, the other control characters and DEL.
    static let plainStops = ASCIISet(Array(0..<0x20) + [0x7F])

    /// `plain` without the shortcut for text it leaves alone.
    static func printedPlain(_ text: String) -> String {
        Escape.rewrite(text) { value in
            switch value {
            case 0x09, 0x0A, 0x0D: .replace(" ")
            // Control characters (C0, DEL, C1) are all dropped by `Escape.isDropped`.
            case TextWrapper.protectStart.value, TextWrapper.protectEnd.value: .drop
            default: Escape.isDropped(value) ? .drop : .keep
            }
        }
    }

    /// A code span whose fence is longer than any backtick run inside it.
    static func markdownCodeSpan(_ code: String) -> String {
        // A line break inside a code span would let the next line start a block (`# …`).
        let scalars = code.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            scalar == "\n" || scalar == "\r" ? " " : (Escape.isDropped(scalar) ? nil : scalar)
        }
        // Nothing left (only dropped characters): "``" would be no code span but a backtick run
        // that could pair with a later one.
        guard !scalars.isEmpty else { return "" }
        // Backtick runs counted in Unicode scalars, as cmark reads them: a backtick followed by a
        // combining mark is one Character but still a backtick that can close the span.
        var longest = 0, run = 0
        for scalar in scalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let first = scalars.first, last = scalars.last
        let pad = first == "`" || last == "`" || (first == " " && last == " " && !scalars.allSatisfy { $0 == " " }) ? " " : ""
        return fence + pad + String(String.UnicodeScalarView(scalars)) + pad + fence
    }

    /// A UI label in bold; a label that starts or ends with punctuation or a symbol would not
    /// open or close emphasis next to a letter (CommonMark's flanking rules), so it becomes a code span.
    static func markdownUILabel(_ label: String) -> String {
        func isPunctuationOrSymbol(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return true }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator:
                return true
            default:
                return false
            }
        }
        if isPunctuationOrSymbol(label.unicodeScalars.first) || isPunctuationOrSymbol(label.unicodeScalars.last) {
            return markdownCodeSpan(label)
        }
        return "**\(Escape.markdown(label))**"
    }
}

extension String {
    func trimmingSpaces() -> String {
        // On bytes (a space is one byte and never part of another scalar), and the string itself
        // when there is nothing to trim, as for nearly every text.
        withBytes { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return start == 0 && end == bytes.count ? self : String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
