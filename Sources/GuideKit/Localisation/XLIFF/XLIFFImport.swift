import Foundation

/// Merges a translated XLIFF 1.2 file (one that `guidegen l10n export` wrote, after a translator's
/// tool filled it in) into the catalogs, without writing anything: `plan` says what would change
/// and which units are refused; `CatalogEditor` and the CLI write.
///
/// - A unit whose source differs from the current source text is refused (the text changed since
///   the export): its translation would be of something else.
/// - A unit with an empty target leaves the entry as it is: an import never loses a translation.
/// - A target whose state is translated, signed off or final (or any other state that is not a
///   "needs" state) becomes the entry's text with the current source's fingerprint; one that still
///   needs review keeps the fingerprint its `guidegen-fingerprint` note names, so it stays in need
///   of review. Exporting and importing again without edits therefore changes nothing.
/// - Tags are turned back into Markdown from the current source text by id; a tag the source does
///   not have, tags out of order, or a changed UI label refuses the unit.
/// - A file that is not well-formed XML, or not XLIFF 1.2 as guidegen writes it, changes nothing.
public struct XLIFFImport: Sendable {
    /// What the import would do to one catalog.
    public struct Plan: Sendable {
        public var locale: String
        /// By key, the entries that change or are added.
        public var changes: [String: CatalogEditor.Change]
        /// Units whose target equals the catalog already, or is empty.
        public var unchanged: Int
        /// Units refused, one diagnostic each, at the unit in the XLIFF file.
        public var refused: [Diagnostic]
    }

    /// The plans by locale, or the problems that stop the whole file (nothing is written then).
    public var plans: [Plan] = []
    public var fatal: [Diagnostic] = []
    /// The XLIFF file, for reporters that show lines.
    public var file: SourceFile

    static let reviewStates: Set<String> = ["needs-review-translation", "needs-review-l10n", "needs-review-adaptation", "needs-adaptation", "needs-l10n"]

    public init(data: Data, displayPath: String, project: TranslationProject) {
        file = SourceFile(path: displayPath, text: String(decoding: data, as: UTF8.self))
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: displayPath, line: line, column: column) }
        func fail(_ id: String, _ message: String, _ line: Int, _ column: Int) { fatal.append(Diagnostic(id: id, message: message, at: at(line, column))) }

        let root: XMLTree.Element
        switch XMLTree.parse(data) {
        case .failure(let error):
            fail("xliff-syntax", "\(error.message): fix the XML (nothing was imported)", error.line, error.column)
            return
        case .success(let tree):
            root = tree.root
        }
        guard root.name == "xliff", root.namespace == XLIFFWriter.namespace || root.namespace == nil else {
            fail("xliff-structure", "the root element is <\(root.name)>, not an XLIFF 1.2 <xliff>: import a file `guidegen l10n export` wrote", root.line, root.column)
            return
        }
        guard root.attribute("version") == "1.2" else {
            fail("xliff-structure", "this is XLIFF \(root.attribute("version") ?? "of no version"); guidegen reads XLIFF 1.2: save the file as XLIFF 1.2", root.line, root.column)
            return
        }
        let files = root.elements("file")
        if files.isEmpty { fail("xliff-structure", "the file has no <file> element: nothing to import", root.line, root.column) }
        let source = project.guide.sourceLocale.value
        let texts = Dictionary(project.guide.texts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var seenLocales: Set<String> = []
        var plans: [Plan] = []
        for fileElement in files {
            guard let target = fileElement.attribute("target-language"), LanguageTag.isWellFormed(target) else {
                fail("xliff-structure", "<file> has no target-language that is a BCP 47 tag: add target-language=\"LOCALE\"", fileElement.line, fileElement.column)
                continue
            }
            if let declared = fileElement.attribute("source-language"), declared != source {
                fail("xliff-structure", "the file translates from ‘\(declared)’, but the content is in ‘\(source)’: export again", fileElement.line, fileElement.column)
                continue
            }
            if target == source {
                fail("xliff-structure", "the target language ‘\(target)’ is the source locale: import a translation into another locale", fileElement.line, fileElement.column)
                continue
            }
            if !seenLocales.insert(target).inserted {
                fail("xliff-structure", "a second <file> for ‘\(target)’: put each locale's units in one <file>", fileElement.line, fileElement.column)
                continue
            }
            var units: [XMLTree.Element] = []
            func collect(_ element: XMLTree.Element) {
                for child in element.elements() {
                    if child.name == "trans-unit" { units.append(child) } else if child.name == "group" || child.name == "body" { collect(child) }
                }
            }
            collect(fileElement)
            var ids: Set<String> = []
            for unit in units {
                guard let id = unit.attribute("id"), !id.isEmpty else {
                    fail("xliff-structure", "a <trans-unit> without an id: every unit needs the translation key as its id", unit.line, unit.column)
                    continue
                }
                if !ids.insert(id).inserted { fail("xliff-structure", "the unit ‘\(id)’ appears twice: keep one", unit.line, unit.column) }
                if unit.elements("source").count != 1 { fail("xliff-structure", "the unit ‘\(id)’ needs exactly one <source>", unit.line, unit.column) }
                if unit.elements("target").count > 1 { fail("xliff-structure", "the unit ‘\(id)’ has more than one <target>: keep one", unit.line, unit.column) }
            }
            guard fatal.isEmpty else { continue }
            plans.append(Self.plan(units: units, locale: target, catalog: project.catalog(target), texts: texts, at: at))
        }
        if fatal.isEmpty { self.plans = plans }
    }

    private static func plan(units: [XMLTree.Element], locale: String, catalog: Catalog?, texts: [String: SourceText],
                             at: (Int, Int) -> SourceLocation) -> Plan {
        var plan = Plan(locale: locale, changes: [:], unchanged: 0, refused: [])
        for unit in units {
            let id = unit.attribute("id") ?? ""
            func refuse(_ diagnostic: String, _ message: String) {
                plan.refused.append(Diagnostic(id: diagnostic, message: "unit ‘\(id)’: \(message)", at: at(unit.line, unit.column)))
            }
            guard let text = texts[id] else {
                refuse("unknown-unit", "the content has no such key (renamed or removed since the export): export again")
                continue
            }
            let current = InlineSegments(markdown: text.value)
            guard let sourceElement = unit.elements("source").first else { continue }
            switch markdown(of: sourceElement, current: current) {
            case .success(let written) where written == text.value:
                break
            default:
                refuse("source-changed", "its source is not the current text of the content (it changed since the export): export again and translate the new text")
                continue
            }
            guard let targetElement = unit.elements("target").first, !targetElement.children.isEmpty else {
                plan.unchanged += 1
                continue
            }
            let translation: String
            switch markdown(of: targetElement, current: current) {
            case .failure(let problem):
                refuse(problem.id, problem.message)
                continue
            case .success(let written):
                translation = written
            }
            guard !translation.allSatisfy(\.isWhitespace) else {
                plan.unchanged += 1
                continue
            }
            let state = targetElement.attribute("state") ?? ""
            let fingerprint: String
            if reviewStates.contains(state) && unit.attribute("approved") != "yes" {
                guard let noted = unit.elements("note").first(where: { $0.attribute("from") == XLIFFWriter.fingerprintNote })?.text, Fingerprint.isWellFormed(noted) else {
                    refuse("missing-fingerprint", "the target still needs review (state=\"\(state)\") but its \(XLIFFWriter.fingerprintNote) note is gone: review it and set state=\"translated\"")
                    continue
                }
                fingerprint = noted
            } else {
                fingerprint = Fingerprint.of(text.value)
            }
            let change = CatalogEditor.Change(fingerprint: fingerprint, text: translation)
            if let entry = catalog?.entries[id], entry.source.value == change.fingerprint, entry.text.value == change.text {
                plan.unchanged += 1
            } else {
                plan.changes[id] = change
            }
        }
        return plan
    }

    struct Problem: Error {
        var id: String
        var message: String
    }

    /// The Markdown an XLIFF `<source>` or `<target>` stands for, tags replaced by the current
    /// source's codes of the same id.
    static func markdown(of element: XMLTree.Element, current: InlineSegments) -> Result<String, Problem> {
        var opens: [Int: String] = [:], closes: [Int: String] = [:], singles: [Int: String] = [:], protected: [Int: String] = [:]
        var uiLabels: Set<Int> = []
        for segment in current.segments {
            switch segment {
            case .open(let id, let code, let kind):
                opens[id] = code
                if kind == .uiLabel { uiLabels.insert(id) }
            case .close(let id, let code): closes[id] = code
            case .single(let id, let code, _): singles[id] = code
            case .protected(let id, let text): protected[id] = text
            case .text: break
            }
        }
        var out = ""
        var stack: [(id: Int, start: String.Index)] = []
        func tagID(_ element: XMLTree.Element) -> Int? { element.attribute("id").flatMap { Int($0) } }
        // A gloss is the one tag a translation may add (`[Verify now](gloss:)`): a pair of a new
        // id whose opening tag says `ctype="x-gloss"`.
        let glossClose = "](\(InlineReference.glossDestination))"
        var glosses: Set<Int> = []
        func walk(_ nodes: [XMLTree.Node]) -> Problem? {
            for node in nodes {
                switch node {
                case .text(let text):
                    out += text
                case .element(let child):
                    switch child.name {
                    case "bx", "bpt":
                        if child.attribute("ctype") == InlineSegments.Kind.gloss.rawValue, let id = tagID(child), opens[id] == nil, !glosses.contains(id) {
                            glosses.insert(id)
                            closes[id] = glossClose
                            out += "["
                            stack.append((id, out.endIndex))
                            continue
                        }
                        guard let id = tagID(child), let code = opens[id] else { return Problem(id: "unknown-tag", message: "<\(child.name) id=\"\(child.attribute("id") ?? "")\"> is not a tag of the source: keep the source's tags only") }
                        out += code
                        stack.append((id, out.endIndex))
                    case "ex", "ept":
                        guard let id = tagID(child), let code = closes[id] else { return Problem(id: "unknown-tag", message: "<\(child.name) id=\"\(child.attribute("id") ?? "")\"> is not a tag of the source: keep the source's tags only") }
                        guard let open = stack.popLast(), open.id == id else { return Problem(id: "unbalanced-tags", message: "the tags of \(id) are out of order: an opening tag must come before its closing tag, and pairs must not cross") }
                        if uiLabels.contains(id) {
                            let label = String(out[open.start...])
                            guard label == protected[id] else { return Problem(id: "protected-changed", message: "the UI label ‘\(protected[id] ?? "")’ was changed to ‘\(label)’: UI labels stay exactly as on screen") }
                        }
                        out += code
                    case "x", "ph":
                        guard let id = tagID(child), let code = singles[id] else { return Problem(id: "unknown-tag", message: "<\(child.name) id=\"\(child.attribute("id") ?? "")\"> is not a tag of the source: keep the source's tags only") }
                        out += code
                    case "mrk":
                        if let problem = walk(child.children) { return problem }
                    default:
                        return Problem(id: "unknown-tag", message: "<\(child.name)> cannot be turned back into Markdown: keep the source's tags only")
                    }
                }
            }
            return nil
        }
        if let problem = walk(element.children) { return .failure(problem) }
        guard stack.isEmpty else { return .failure(Problem(id: "unbalanced-tags", message: "the tag \(stack.last!.id) is opened but not closed: keep both tags of a link")) }
        return .success(out)
    }
}
