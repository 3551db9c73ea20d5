import Foundation

/// How a parsed section or catalog is written into a `ParsedFileCache` entry and read back.
/// Every location of a parsed file is in that file, so only lines and columns are written; the
/// texts point into the `SourceFile` they are read back with, as when they were parsed. A
/// field added to the model needs a line in each direction here (`ParsedFileCacheTests` reads
/// back every field of the real guide and a catalog).
extension ParsedFileCache {
    /// The section of the section file at `path`, with the file's text, when it was kept for
    /// these bytes.
    func section(atPath path: String, displayPath: String, bytes: Data) -> (section: Section, source: SourceFile)? {
        read(of: path, kind: "section", displayPath: displayPath, bytes: bytes) { try $0.section() }
    }

    /// Keeps a section that parsed without a problem from these bytes.
    func store(_ section: Section, atPath path: String, displayPath: String, bytes: Data) {
        guard keepsNewEntries else { return }
        var writer = ModelWriter(file: displayPath)
        writer.write(section)
        guard writer.isFaithful else { return }
        store(writer.bytes, of: path, kind: "section", key: Self.key(kind: "section", displayPath: displayPath, bytes: bytes))
    }

    /// The catalog of the catalog file at `path`, with the file's text, when it was kept for
    /// these bytes.
    func catalog(atPath path: String, displayPath: String, bytes: Data) -> (catalog: Catalog, source: SourceFile)? {
        read(of: path, kind: "catalog", displayPath: displayPath, bytes: bytes) { try $0.catalog() }
    }

    /// The value kept for these bytes, read back with the file's text (made only on a hit).
    private func read<T>(of path: String, kind: String, displayPath: String, bytes: Data, _ value: (inout ModelReader) throws -> T) -> (T, SourceFile)? {
        guard let payload = payload(of: path, kind: kind, key: { Self.key(kind: kind, displayPath: displayPath, bytes: bytes) }),
            let text = YAMLFile.text(of: bytes) else { return nil }
        let source = SourceFile(path: displayPath, text: text)
        var reader = ModelReader(bytes: payload, source: source)
        guard let read = try? value(&reader), reader.bytes.isAtEnd else { return nil }
        return (read, source)
    }

    /// Keeps a catalog that parsed without a problem from these bytes.
    func store(_ catalog: Catalog, atPath path: String, displayPath: String, bytes: Data) {
        guard keepsNewEntries else { return }
        var writer = ModelWriter(file: displayPath)
        writer.write(catalog)
        guard writer.isFaithful else { return }
        store(writer.bytes, of: path, kind: "catalog", key: Self.key(kind: "catalog", displayPath: displayPath, bytes: bytes))
    }
}

/// Writes the model. `isFaithful` turns false when something cannot be read back as it is (a
/// location in another file), and the entry is then not kept.
private struct ModelWriter {
    let file: String
    var bytes = BinaryWriter()
    var isFaithful = true

    init(file: String) { self.file = file }

    mutating func write(_ location: SourceLocation) {
        if location.file != file { isFaithful = false }
        bytes.write(location.line)
        bytes.write(location.column)
    }

    mutating func write(_ value: Located<String>) {
        bytes.write(value.value)
        write(value.location)
    }

    mutating func write(_ text: SourceText) {
        bytes.write(text.value)
        bytes.write(text.key)
        write(text.origin.start)
        bytes.write(ModelReader.styles.firstIndex(of: text.origin.style)!)
        if text.origin.file == nil { isFaithful = false }
    }

    mutating func write(_ text: SourceText?) {
        bytes.write(text != nil)
        if let text { write(text) }
    }

    mutating func write<T>(_ items: [T], _ each: (inout ModelWriter, T) -> Void) {
        bytes.write(items.count)
        for item in items { each(&self, item) }
    }

    mutating func write(_ section: Section) {
        if section.file != file { isFaithful = false }
        write(section.id)
        write(section.label)
        write(section.title)
        write(section.intro)
        bytes.write(section.service != nil)
        if let service = section.service {
            bytes.write(service.value.rawValue)
            write(service.location)
        }
        write(section.requires) { $0.write($1) }
        write(section.steps) { $0.write($1) }
    }

    mutating func write(_ step: Step) {
        write(step.id)
        bytes.write(step.kind.rawValue)
        write(step.text)
        write(step.detail)
        write(step.substepsIntro)
        write(step.substeps) { $0.write($1.id); $0.write($1.text) }
        write(step.fields) { $0.write($1.id); $0.write($1.label) }
        write(step.notes) { $0.write($1.id); $0.bytes.write($1.kind.rawValue); $0.write($1.text) }
        write(step.questions) { writer, question in
            writer.write(question.id)
            writer.write(question.question)
            writer.write(question.answer)
            writer.write(question.items) { $0.write($1) }
        }
        write(step.lists) { writer, list in
            writer.write(list.id)
            writer.bytes.write(list.kind.rawValue)
            writer.write(list.text)
            writer.write(list.items) { $0.write($1) }
        }
        write(step.links) { $0.write($1) }
        bytes.write(step.screenshot != nil)
        if let screenshot = step.screenshot {
            write(screenshot.file)
            write(screenshot.alt)
        }
    }

    mutating func write(_ item: ListItem) {
        write(item.id)
        write(item.text)
    }

    mutating func write(_ catalog: Catalog) {
        if catalog.file != file { isFaithful = false }
        write(catalog.locale)
        write(catalog.name)
        write(Array(catalog.entries)) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.source)
            writer.write(entry.text)
        }
    }
}

/// Reads the model back; every location is in `source`, every text points into it.
private struct ModelReader {
    var bytes: BinaryReader
    let source: SourceFile

    static let styles: [ScalarStyle] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: source.path, line: try bytes.int(), column: try bytes.int())
    }

    mutating func located() throws -> Located<String> {
        let value = try bytes.string()
        return Located(value, at: try location())
    }

    mutating func raw<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try bytes.string()) else { throw BinaryReader.Damaged() }
        return value
    }

    mutating func text() throws -> SourceText {
        let value = try bytes.string(), key = try bytes.string(), start = try location()
        let style = try bytes.int()
        guard Self.styles.indices.contains(style) else { throw BinaryReader.Damaged() }
        return SourceText(value, key: key, origin: TextOrigin(start: start, style: Self.styles[style], file: source))
    }

    mutating func optionalText() throws -> SourceText? {
        try bytes.bool() ? try text() : nil
    }

    mutating func list<T>(_ each: (inout ModelReader) throws -> T) throws -> [T] {
        let count = try bytes.int()
        var items: [T] = []
        // A damaged count cannot reserve more than the entry could hold.
        items.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count { items.append(try each(&self)) }
        return items
    }

    mutating func section() throws -> Section {
        let id = try located(), label = try located(), title = try text(), intro = try optionalText()
        var service: Located<Service>?
        if try bytes.bool() {
            let value = try raw(Service.self)
            service = Located(value, at: try location())
        }
        let requires = try list { try $0.located() }
        let steps = try list { try $0.step() }
        return Section(id: id, label: label, title: title, intro: intro, service: service, requires: requires, steps: steps, file: source.path)
    }

    mutating func step() throws -> Step {
        let id = try located(), kind = try raw(StepKind.self), stepText = try text(), detail = try optionalText(), substepsIntro = try optionalText()
        let substeps = try list { SubStep(id: try $0.located(), text: try $0.text()) }
        let fields = try list { Field(id: try $0.located(), label: try $0.text()) }
        let notes = try list { Note(id: try $0.located(), kind: try $0.raw(NoteKind.self), text: try $0.text()) }
        let questions = try list { reader in
            Question(id: try reader.located(), question: try reader.text(), answer: try reader.text(), items: try reader.list { try $0.listItem() })
        }
        let lists = try list { reader in
            TextList(id: try reader.located(), kind: try reader.raw(TextList.Kind.self), text: try reader.optionalText(), items: try reader.list { try $0.listItem() })
        }
        let links = try list { try $0.located() }
        var screenshot: Screenshot?
        if try bytes.bool() { screenshot = Screenshot(file: try located(), alt: try text()) }
        return Step(id: id, kind: kind, text: stepText, detail: detail, substepsIntro: substepsIntro, substeps: substeps, fields: fields, notes: notes,
                    questions: questions, lists: lists, links: links, screenshot: screenshot)
    }

    mutating func listItem() throws -> ListItem {
        ListItem(id: try located(), text: try optionalText())
    }

    mutating func catalog() throws -> Catalog {
        let locale = try located(), name = try located()
        let list = try list { Catalog.Entry(key: try $0.located(), source: try $0.located(), text: try $0.text()) }
        guard let entries = Catalog.Entries(unique: list) else { throw BinaryReader.Damaged() }
        return Catalog(locale: locale, name: name, entries: entries, file: source.path)
    }
}
