
extension Section {
    static func read(_ root: YAMLNode, file: String, reader: inout NodeReader) -> Section? {
        guard let fields = reader.fields(of: root, what: "section",
                                         known: ["id", "label", "title", "intro", "service", "requires", "steps"],
                                         required: ["id", "label", "title", "steps"]) else { return nil }
        guard let id = fields["id"].flatMap({ reader.id($0, what: "section id") }) else { return nil }
        let prefix = id.value
        let label = fields["label"].flatMap { reader.string($0, what: "label") }
        let title = fields["title"].flatMap { reader.text($0, what: "title", key: "\(prefix).title") }
        let intro = fields["intro"].flatMap { reader.text($0, what: "intro", key: "\(prefix).intro") }
        let service = fields["service"].flatMap { reader.choice($0, what: "service", as: Service.self) }
        let requires = (fields["requires"].map { reader.items($0, what: "requires") } ?? []).compactMap { reader.id($0, what: "section id") }
        let stepNodes = fields["steps"].map { reader.items($0, what: "steps") } ?? []
        var steps: [Step] = []
        // A step is a large value: growing the array by doubling left a third of it unused.
        steps.reserveCapacity(stepNodes.count)
        var stepIDs = UniqueIDs(what: "step")
        for node in stepNodes {
            guard let step = Step.read(node, keyPrefix: "\(prefix).steps", reader: &reader) else { continue }
            if stepIDs.insert(step.id, node: node, reader: &reader) { steps.append(step) }
        }
        if let stepsNode = fields["steps"], steps.isEmpty, reader.diagnostics.isEmpty {
            reader.report("empty-section", "the section has no steps: add at least one", at: stepsNode)
        }
        guard let label, let title else { return nil }
        return Section(id: id, label: label, title: title, intro: intro, service: service, requires: requires, steps: steps, file: file)
    }
}

extension Step {
    static func read(_ node: YAMLNode, keyPrefix: String, reader: inout NodeReader) -> Step? {
        guard let fields = reader.fields(of: node, what: "step",
                                         known: ["id", "kind", "text", "detail", "substepsIntro", "substeps", "fields", "notes",
                                                 "questions", "lists", "links", "screenshot"],
                                         required: ["id", "kind", "text"]) else { return nil }
        guard let id = fields["id"].flatMap({ reader.id($0, what: "step id") }) else { return nil }
        let key = "\(keyPrefix).\(id.value)"
        let kind = fields["kind"].flatMap { reader.choice($0, what: "step kind", as: StepKind.self) }
        let text = fields["text"].flatMap { reader.text($0, what: "text", key: "\(key).text") }
        let detail = fields["detail"].flatMap { reader.text($0, what: "detail", key: "\(key).detail") }
        let substepsIntro = fields["substepsIntro"].flatMap { reader.text($0, what: "substepsIntro", key: "\(key).substepsIntro") }

        let substeps: [SubStep] = reader.list(fields["substeps"], what: "substep", known: ["id", "text"]) { fields, id, reader in
            fields["text"].flatMap { reader.text($0, what: "text", key: "\(key).substeps.\(id.value).text") }.map { SubStep(id: id, text: $0) }
        }
        let formFields: [Field] = reader.list(fields["fields"], what: "field", known: ["id", "label"]) { fields, id, reader in
            fields["label"].flatMap { reader.text($0, what: "label", key: "\(key).fields.\(id.value).label") }.map { Field(id: id, label: $0) }
        }
        let notes: [Note] = reader.list(fields["notes"], what: "note", known: ["id", "kind", "text"]) { fields, id, reader -> Note? in
            let kind = fields["kind"].flatMap { reader.choice($0, what: "note kind", as: NoteKind.self) }
            let text = fields["text"].flatMap { reader.text($0, what: "text", key: "\(key).notes.\(id.value).text") }
            guard let kind, let text else { return nil }
            return Note(id: id, kind: kind.value, text: text)
        }
        let questions: [Question] = reader.list(fields["questions"], what: "question", known: ["id", "question", "answer", "items"], required: ["id", "question", "answer"]) { fields, id, reader -> Question? in
            let qkey = "\(key).questions.\(id.value)"
            let question = fields["question"].flatMap { reader.text($0, what: "question", key: "\(qkey).question") }
            let answer = fields["answer"].flatMap { reader.text($0, what: "answer", key: "\(qkey).answer") }
            let items: [ListItem] = reader.list(fields["items"], what: "item", known: ["id", "text"]) { fields, id, reader in
                fields["text"].flatMap { reader.text($0, what: "text", key: "\(qkey).items.\(id.value).text") }.map { ListItem(id: id, text: $0) }
            }
            guard let question, let answer else { return nil }
            return Question(id: id, question: question, answer: answer, items: items)
        }
        let lists: [TextList] = reader.list(fields["lists"], what: "list", known: ["id", "kind", "text", "items"], required: ["id", "kind", "items"]) { fields, id, reader in
            TextList.read(fields, id: id, key: "\(key).lists.\(id.value)", reader: &reader)
        }
        let links = (fields["links"].map { reader.items($0, what: "links") } ?? []).compactMap { reader.id($0, what: "link key") }
        let screenshot = fields["screenshot"].flatMap { Screenshot.read($0, key: "\(key).screenshot", reader: &reader) }

        guard let kind, let text else { return nil }
        return Step(id: id, kind: kind.value, text: text, detail: detail, substepsIntro: substepsIntro, substeps: substeps,
                    fields: formFields, notes: notes, questions: questions, lists: lists, links: links, screenshot: screenshot)
    }
}

extension TextList {
    static func read(_ fields: Fields, id: Located<String>, key: String, reader: inout NodeReader) -> TextList? {
        guard let kind = fields["kind"].flatMap({ reader.choice($0, what: "list kind", as: Kind.self) }) else { return nil }
        let text = fields["text"].flatMap { reader.text($0, what: "text", key: "\(key).text") }
        if let text, !text.value.contains(placeholder) {
            reader.diagnostics.append(Diagnostic(id: "missing-placeholder", message: "the list text has no \(placeholder) placeholder: add it where the items go", at: text.location))
        }
        var items: [ListItem] = []
        for node in fields["items"].map({ reader.items($0, what: "items") }) ?? [] {
            switch kind.value {
            case .currencies:
                if case .scalar = node {
                    if let code = reader.string(node, what: "currency code") { items.append(ListItem(id: code, text: nil)) }
                } else if let item = reader.fields(of: node, what: "currency", known: ["code", "name"], required: ["code"]),
                    let code = item["code"].flatMap({ reader.string($0, what: "code") })
                {
                    let name = item["name"].flatMap { reader.text($0, what: "name", key: "\(key).items.\(code.value).name") }
                    items.append(ListItem(id: code, text: name))
                }
            case .items:
                if let item = reader.fields(of: node, what: "item", known: ["id", "text"], required: ["id", "text"]),
                    let itemID = item["id"].flatMap({ reader.id($0, what: "item id") }),
                    let itemText = item["text"].flatMap({ reader.text($0, what: "text", key: "\(key).items.\(itemID.value).text") })
                {
                    items.append(ListItem(id: itemID, text: itemText))
                }
            }
        }
        if items.isEmpty, fields["items"] != nil {
            reader.report("empty-list", "the list has no items: add them or remove the list", at: fields["items"]!)
        }
        return TextList(id: id, kind: kind.value, text: text, items: items)
    }
}

extension Screenshot {
    static func read(_ node: YAMLNode, key: String, reader: inout NodeReader) -> Screenshot? {
        guard let fields = reader.fields(of: node, what: "screenshot", known: ["file", "alt"], required: ["file", "alt"]) else { return nil }
        let file = fields["file"].flatMap { reader.string($0, what: "file") }
        let alt = fields["alt"].flatMap { reader.text($0, what: "alt", key: "\(key).alt") }
        if let file, let problem = PathSafety.problem(relativePath: file.value) {
            reader.diagnostics.append(Diagnostic(id: "invalid-path", message: "the screenshot path cannot be used (\(problem)): give a path inside Content/media/", at: file.location))
            return nil
        }
        guard let file, let alt else { return nil }
        return Screenshot(file: file, alt: alt)
    }
}

extension NodeReader {
    /// Reads a list of mappings that each have an `id`, reporting duplicate ids.
    mutating func list<T>(_ node: YAMLNode?, what: String, known: [String], required: [String]? = nil, _ build: (Fields, Located<String>, inout NodeReader) -> T?) -> [T] {
        guard let node else { return [] }
        var result: [T] = []
        var ids = UniqueIDs(what: what)
        for item in items(node, what: "\(what)s") {
            guard let fields = fields(of: item, what: what, known: known, required: required ?? known),
                let id = fields["id"].flatMap({ self.id($0, what: "\(what) id") })
            else { continue }
            guard let value = build(fields, id, &self) else { continue }
            if ids.insert(id, node: item, reader: &self) { result.append(value) }
        }
        return result
    }
}

/// Reports an id used twice in one list.
struct UniqueIDs {
    let what: String
    /// The first ids and their lines, searched in turn: most lists have a few items, and a
    /// dictionary for each list (its table, every id hashed) cost more than the comparisons.
    private var firstIDs: [(id: String, line: Int)] = []
    /// The ids after those, by id.
    private var laterIDs: [String: Int] = [:]

    init(what: String) { self.what = what }

    mutating func insert(_ id: Located<String>, node: YAMLNode, reader: inout NodeReader) -> Bool {
        if let line = firstIDs.first(where: { $0.id == id.value })?.line ?? laterIDs[id.value] {
            reader.diagnostics.append(Diagnostic(id: "duplicate-id", message: "the \(what) id ‘\(id.value)’ is already used at line \(line): give this \(what) its own id", at: id.location))
            return false
        }
        if firstIDs.count < 8 { firstIDs.append((id.value, id.location.line)) } else { laterIDs[id.value] = id.location.line }
        return true
    }
}
