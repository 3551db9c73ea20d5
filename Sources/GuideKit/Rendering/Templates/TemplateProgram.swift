/// Compiled templates laid out for rendering: every node an instruction of plain numbers in one
/// array, every text a range of one array of bytes, every name an index into one table. Walking
/// the tree of `TemplateNode`s copied each node it visited, retaining and releasing its strings and
/// arrays (3.8 % of a build's instructions); an instruction is copied without either.
///
/// The content of a section, an inverted section or a block follows its instruction, up to the
/// `end` it gives; so do the overrides a parent tag gives, which only the blocks they fill render.
struct TemplateProgram: Sendable {
    enum Instruction: Sendable {
        /// The bytes `start..<end` of `text`.
        case text(start: Int, end: Int)
        /// `{{name}}` (any kind of variable tag), `names[name]`.
        case variable(name: Int)
        /// `{{#name}}`, its content up to `end`.
        case section(name: Int, end: Int)
        /// `{{^name}}`, its content up to `end`.
        case inverted(name: Int, end: Int)
        /// `{{>name}}`: the template at this index of `templates`.
        case partial(template: Int)
        /// `{{<name}}`: the template at this index, with the overrides of `overrideSets[overrides]`,
        /// whose content lies between this instruction and `end`.
        case parent(template: Int, overrides: Int, end: Int)
        /// `{{$name}}`: `blocks[block]` is its name and place; its default content is up to `end`.
        case block(block: Int, end: Int)
    }

    /// A `{{$block}}` override given inside a parent tag: where its content is, and the
    /// indentation its lines lose (`TemplateBlock.indentation`).
    struct Override: Sendable {
        let content: Range<Int>
        let indentation: String
    }

    /// A `{{$block}}` outside parent tags: its name and where it stands.
    struct Block: Sendable {
        let name: String
        let site: BlockSite?
    }

    private(set) var instructions: [Instruction] = []
    private(set) var text: [UInt8] = []
    private(set) var names: [TemplateName] = []
    /// Where each template of the table (`TemplateLinker.templates`) is in `instructions`.
    private(set) var templates: [Range<Int>] = []
    private(set) var overrideSets: [[String: Override]] = []
    private(set) var blocks: [Block] = []

    init(_ table: [[TemplateNode]]) {
        for nodes in table {
            let start = instructions.count
            append(nodes)
            templates.append(start..<instructions.count)
        }
    }

    private mutating func append(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let string):
                let start = text.count
                text.append(contentsOf: string.utf8)
                instructions.append(.text(start: start, end: text.count))
            case .variable(let name):
                instructions.append(.variable(name: add(name)))
            case .section(let name, let content):
                let at = reserve()
                let name = add(name)
                append(content)
                instructions[at] = .section(name: name, end: instructions.count)
            case .inverted(let name, let content):
                let at = reserve()
                let name = add(name)
                append(content)
                instructions[at] = .inverted(name: name, end: instructions.count)
            case .partial(let template):
                instructions.append(.partial(template: template))
            case .parent(let template, let givenOverrides):
                let at = reserve()
                var overrides: [String: Override] = [:]
                // In name order, so the same templates are laid out the same way.
                for (name, override) in givenOverrides.sorted(by: { $0.key < $1.key }) {
                    let start = instructions.count
                    append(override.nodes)
                    overrides[name] = Override(content: start..<instructions.count, indentation: override.indentation)
                }
                overrideSets.append(overrides)
                instructions[at] = .parent(template: template, overrides: overrideSets.count - 1, end: instructions.count)
            case .block(let name, let fallback, let site):
                let at = reserve()
                blocks.append(Block(name: name, site: site))
                let block = blocks.count - 1
                append(fallback.nodes)
                instructions[at] = .block(block: block, end: instructions.count)
            }
        }
    }

    /// A place for an instruction whose end is known once its content is laid out.
    private mutating func reserve() -> Int {
        instructions.append(.partial(template: 0))
        return instructions.count - 1
    }

    private mutating func add(_ name: TemplateName) -> Int {
        names.append(name)
        return names.count - 1
    }
}
