/// A template compiled once, when the templates load: names already split on dots, partials and
/// parents already resolved to their place in the template set's table, a parent's block
/// overrides already collected. The tree is then laid out as a `TemplateProgram`, which is what
/// rendering walks.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}`, `{{{name}}}` and `{{&name}}` alike: values are already escaped (`Fragment`).
    case variable(TemplateName)
    case section(TemplateName, [TemplateNode])
    case inverted(TemplateName, [TemplateNode])
    /// `{{>name}}`: the template at this index of the table (a copy indented for a standalone
    /// tag with whitespace before it has its own index).
    case partial(Int)
    /// `{{<name}}…{{/name}}`: the template at this index, with the `{{$block}}` overrides given
    /// inside the tag.
    case parent(Int, [String: TemplateBlock])
    /// `{{$name}}default{{/name}}`: the override of the outermost parent tag that gives one,
    /// else the default content.
    case block(String, TemplateBlock, site: BlockSite?)
}

/// A name as a template writes it: `title`, `strings.section` (looked up part by part), or `.`
/// (no parts: the top of the context stack).
struct TemplateName: Sendable, Equatable {
    let parts: [TemplateKey]

    init(_ text: String) {
        // Read on bytes for the common names: `split` on characters cost about 4,000
        // instructions a name, 2 % of building the real guide. A name with a byte above ASCII is
        // split on characters, where a dot followed by a combining mark is not a dot.
        guard text != "." else {
            parts = []
            return
        }
        var dotted = false, ascii = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") { dotted = true }
            if byte >= 0x80 { ascii = false }
        }
        if !dotted {
            parts = [TemplateKey(text)]
        } else if ascii {
            parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { TemplateKey(String(decoding: $0, as: UTF8.self)) }
        } else {
            parts = text.split(separator: ".", omittingEmptySubsequences: false).map { TemplateKey(String($0)) }
        }
    }
}

/// The content of a `{{$block}}`: an override given inside a parent tag, or a block's default.
struct TemplateBlock: Sendable {
    let nodes: [TemplateNode]
    /// When the opening tag stands alone on its line, the whitespace that starts the content's
    /// first line: an override's lines lose it and take the indentation of the place they fill.
    let indentation: String
}

/// Where a `{{$block}}` stands, when only whitespace precedes it on its line.
struct BlockSite: Sendable {
    /// The indentation an override's lines take.
    let indentation: String
    /// The tag stands alone on its line, so its whitespace went with the line and the first line
    /// of an override is indented too (otherwise the whitespace is already in the output).
    let standalone: Bool
}
