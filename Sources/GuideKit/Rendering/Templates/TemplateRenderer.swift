/// Renders compiled templates (`TemplateNode`) with typed values (`TemplateValue`): no
/// reflection, no casts, no name splitting while rendering.
///
/// Nothing is escaped: `{{name}}`, `{{{name}}}` and `{{&name}}` print the same. Views hold
/// `Fragment`s already escaped for their format (HTML text or attribute, Markdown, plain text);
/// Mustache's one escaping, for HTML text, would be wrong for every other place and format.
struct TemplateRenderer: ~Copyable {
    /// Every compiled template of the set, partials and parents point into it.
    let templates: [[TemplateNode]]
    /// The UTF-8 bytes rendered so far: appending to bytes cost a third of what appending to a
    /// `String` did (a `String` checks its capacity, form and uniqueness each time).
    private var buffer: ByteBuffer
    /// The output so far.
    var output: [UInt8] { buffer.bytes() }
    /// `body`'s result for the output's bytes, where they are.
    func withOutput<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { buffer.withBytes(body) }
    /// The output as text.
    var text: String { String(decoding: output, as: UTF8.self) }
    /// The context stack: the view at the bottom, each section's value above it.
    private var stack: [TemplateValue]
    /// The `{{$block}}` overrides of the parent tags being rendered, the outermost first (it wins).
    private var overrides: [[String: TemplateBlock]] = []

    init(templates: [[TemplateNode]], view: TemplateValue) {
        self.templates = templates
        self.stack = [view]
        // Room for a page: growing from nothing copied a page of 10 KB several times.
        buffer = ByteBuffer(capacity: 16 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        // By index: `for node in nodes` copied each node (its strings and arrays retained, then
        // released) for every tag of every page.
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text):
                buffer.append(utf8: text)
            case .variable(let name):
                if let value = lookUp(name) { buffer.append(utf8: value.rendered) }
            case .section(let name, let body):
                // Truthiness decided in the same switch (see `isTrue`): asking `isTrue` first
                // copied the value.
                // Consumed by the switch, each case pushing its own payload: binding the payloads of
                // a value still used afterwards made a copy of the whole value for every section.
                guard let value = lookUp(name) else { continue }
                let pushed: TemplateValue
                switch consume value {
                case .bool(let flag):
                    if flag { render(body) }
                    continue
                case .list(let list):
                    for element in 0..<list.count {
                        stack.append(list.element(at: element))
                        render(body)
                        stack.removeLast()
                    }
                    continue
                case .null:
                    continue
                case .text(let fragment):
                    if fragment.isEmpty { continue }
                    pushed = .text(fragment)
                case .number(let number):
                    pushed = .number(number)
                case .object(let object):
                    pushed = .object(object)
                }
                stack.append(consume pushed)
                render(body)
                stack.removeLast()
            case .inverted(let name, let body):
                if !Self.isTrue(lookUp(name)) { render(body) }
            case .partial(let index):
                render(templates[index])
            case .parent(let index, let blocks):
                overrides.append(blocks)
                render(templates[index])
                overrides.removeLast()
            case .block(let name, let fallback, let site):
                if let override = overrides.lazy.compactMap({ $0[name] }).first {
                    renderOverride(override, at: site)
                } else {
                    render(fallback.nodes)
                }
            }
        }
    }

    static func isTrue(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .null, .bool(false): false
        case .text(let fragment): !fragment.isEmpty
        case .list(let list): list.count > 0
        case .bool(true), .number, .object: true
        }
    }

    /// The value of `name`: its first part from the top of the context stack down, the other
    /// parts only inside the value found (the spec's dotted names: `a.b` never finds a `b` further
    /// down the stack). Nil when a part is missing.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        // Each value found is moved, not copied: a look-up is done for every tag of every page,
        // and copying (and destroying) the values found was half of what a look-up cost.
        for level in stack.indices.reversed() {
            // Only objects have fields. The value is matched in place: calling its `field`
            // copied the whole value for every level of the stack a look-up passed.
            guard case .object(let object) = stack[level], let found = object.templateField(first) else { continue }
            return name.parts.count == 1 ? found : descend(from: found, into: name.parts.dropFirst())
        }
        return nil
    }

    /// The value at `parts` inside `value`: the dotted name's later parts, looked up only there.
    private func descend(from value: TemplateValue, into parts: ArraySlice<TemplateKey>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let next = value.field(part) else { return nil }
            value = next
        }
        return value
    }

    /// An override in place of a block: its lines lose the indentation they had where the
    /// override was written and take the indentation of the block's place in the parent.
    private mutating func renderOverride(_ override: TemplateBlock, at site: BlockSite?) {
        let target = site?.indentation ?? ""
        guard override.indentation != target else { return render(override.nodes) }
        let start = buffer.count
        render(override.nodes)
        let rendered = buffer.bytes(from: start)
        buffer.removeBytes(from: start)
        // Indentation is spaces and tabs, so the bytes compare as the characters would: a byte of
        // a character beyond ASCII never equals an ASCII byte.
        let own = Array(override.indentation.utf8), place = Array(target.utf8)
        // A site that does not stand alone already printed its whitespace before the first line.
        var indentsLine = site?.standalone ?? false
        var atLineStart = true
        var index = 0
        while index < rendered.count {
            if atLineStart {
                // Drop the override's own indentation, then add the place's.
                for byte in own {
                    guard index < rendered.count, rendered[index] == byte else { break }
                    index += 1
                }
                if indentsLine, index < rendered.count { place.withUnsafeBufferPointer { buffer.append($0) } }
                indentsLine = true
                atLineStart = false
                continue
            }
            buffer.append(rendered[index])
            atLineStart = rendered[index] == UInt8(ascii: "\n")
            index += 1
        }
    }
}
