/// Renders compiled templates (`TemplateProgram`) with typed values (`TemplateValue`): no
/// reflection, no casts, no name splitting while rendering.
///
/// Nothing is escaped: `{{name}}`, `{{{name}}}` and `{{&name}}` print the same. Views hold
/// `Fragment`s already escaped for their format (HTML text or attribute, Markdown, plain text);
/// Mustache's one escaping, for HTML text, would be wrong for every other place and format.
struct TemplateRenderer: ~Copyable {
    /// Every compiled template of the set, laid out as instructions.
    let program: TemplateProgram
    /// The UTF-8 bytes rendered so far: appending to bytes cost a third of what appending to a
    /// `String` did (a `String` checks its capacity, form and uniqueness each time).
    private var buffer: ByteBuffer
    /// `body`'s result for the output's bytes, where they are.
    func withOutput<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { buffer.withBytes(body) }
    /// The output as text.
    var text: String { withOutput { String(decoding: $0, as: UTF8.self) } }
    /// The context stack: the view at the bottom, each section's value above it.
    private var stack: [TemplateValue]
    /// The override sets (`TemplateProgram.overrideSets`) of the parent tags being rendered, the
    /// outermost first (it wins).
    private var overrides: [Int] = []

    init(program: TemplateProgram, view: TemplateValue) {
        self.program = program
        self.stack = [view]
        // Room for a page: growing from nothing copied a page of 10 KB several times.
        buffer = ByteBuffer(capacity: 16 * 1024)
    }

    /// Renders the template at this index of the program's table.
    mutating func render(template index: Int) {
        render(program.templates[index])
    }

    /// Renders the instructions in `range`.
    mutating func render(_ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch program.instructions[index] {
            case .text(let start, let end):
                program.text.withUnsafeBufferPointer { buffer.append(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                index += 1
            case .variable(let name):
                if let value = lookUp(name) { print(consume value) }
                index += 1
            case .section(let name, let end):
                renderSection(name: name, content: (index + 1)..<end)
                index = end
            case .inverted(let name, let end):
                if !Self.isTrue(lookUp(name)) { render((index + 1)..<end) }
                index = end
            case .partial(let template):
                render(program.templates[template])
                index += 1
            case .parent(let template, let overrideSet, let end):
                overrides.append(overrideSet)
                render(program.templates[template])
                overrides.removeLast()
                index = end
            case .block(let block, let end):
                if let override = override(of: program.blocks[block].name) {
                    renderOverride(override, at: program.blocks[block].site)
                } else {
                    render((index + 1)..<end)
                }
                index = end
            }
        }
    }

    /// The override of the outermost parent tag being rendered that gives one for block `name`.
    private func override(of name: String) -> TemplateProgram.Override? {
        for set in overrides {
            if let found = program.overrideSets[set][name] { return found }
        }
        return nil
    }

    /// `{{#name}}`: the content once for a true value, once per element of a list, with the
    /// value on the context stack when it is one to look names up in.
    private mutating func renderSection(name: Int, content: Range<Int>) {
        // Truthiness decided in the same switch (see `isTrue`): asking `isTrue` first copied the
        // value. Consumed by the switch, each case pushing its own payload: binding the payloads
        // of a value still used afterwards made a copy of the whole value for every section.
        guard let value = lookUp(name) else { return }
        let pushed: TemplateValue
        switch consume value {
        case .bool(let flag):
            if flag { render(content) }
            return
        case .list(let list):
            for element in 0..<list.count {
                stack.append(list.element(at: element))
                render(content)
                stack.removeLast()
            }
            return
        case .null:
            return
        case .text(let fragment):
            if fragment.isEmpty { return }
            pushed = .text(fragment)
        case .number(let number):
            pushed = .number(number)
        case .object(let object):
            pushed = .object(object)
        }
        stack.append(consume pushed)
        render(content)
        stack.removeLast()
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
    private func lookUp(_ name: Int) -> TemplateValue? {
        // The name's parts read where they are: a copy of the name retained its array of parts.
        let count = program.names[name].parts.count
        guard count > 0 else { return stack.last }
        // Each value found is moved, not copied: a look-up is done for every tag of every page,
        // and copying (and destroying) the values found was half of what a look-up cost.
        for level in stack.indices.reversed() {
            // Only objects have fields. The value is matched in place: calling its `field`
            // copied the whole value for every level of the stack a look-up passed.
            guard case .object(let object) = stack[level], let found = object.templateField(program.names[name].parts[0]) else { continue }
            return count == 1 ? found : descend(from: found, into: program.names[name].parts.dropFirst())
        }
        return nil
    }

    /// Prints what `{{name}}` prints of a value: a fragment as it is, a number in decimal, a flag
    /// as `true` or `false`; lists, objects and null print nothing. The value is consumed: binding
    /// the payload of a value used afterwards copied it.
    private mutating func print(_ value: consuming TemplateValue) {
        switch consume value {
        case .text(let fragment): buffer.append(utf8: fragment.string)
        case .number(let number): buffer.append(utf8: String(number))
        case .bool(let flag): buffer.append(utf8: flag ? "true" : "false")
        case .list, .object, .null: break
        }
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
    private mutating func renderOverride(_ override: TemplateProgram.Override, at site: BlockSite?) {
        let target = site?.indentation ?? ""
        guard override.indentation != target else { return render(override.content) }
        let start = buffer.count
        render(override.content)
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
