// libyaml's event parser, which Yams is built on. The event parser keeps its state on the heap, so it
// walks any nesting without recursion; Yams' composer (and guidegen's readers) recurse, so the
// structure is checked here, exactly, before anything composes a node tree.
import CYaml

/// Checks the shape of a YAML text with libyaml's events before it is composed: nesting no deeper
/// than a limit, no aliases (`*name`, which would let a small file expand into billions of nodes)
/// and no tags other than YAML's core ones (`!!binary`, `!custom` have no meaning in content).
/// Syntax errors are left to the composer, which reports them with their context.
enum YAMLStructureCheck {
    struct Problem: Equatable {
        var id: String
        var message: String
        /// 1-based; the column counts Unicode scalars.
        var line: Int
        var column: Int
    }

    /// Tags a content value may carry explicitly: `!!str "4"` is a way to write text.
    static let coreTags: Set<String> = ["!", "str", "seq", "map", "int", "float", "bool", "null"].reduce(into: []) { tags, name in
        tags.insert(name == "!" ? name : "tag:yaml.org,2002:" + name)
    }

    static func tooDeep(_ maximumDepth: Int) -> String {
        "nesting is deeper than \(maximumDepth) levels: content never needs this much, flatten it"
    }

    /// The problems of `text`, at most `limit` of them; the check stops at nesting that is too deep.
    static func problems(in text: String, maximumDepth: Int, limit: Int = 20) -> [Problem] {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> [Problem] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var problems: [Problem] = []
            var depth = 0
            while problems.count < limit {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's scanner looks ahead and stops at its own nesting limit (1000)
                    // before the parser reports the levels; that is nesting too deep as well.
                    if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
                        problems.append(Problem(id: "too-deep", message: tooDeep(maximumDepth),
                                                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
                    }
                    return problems
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                func tagProblem(_ tag: UnsafeMutablePointer<yaml_char_t>?) {
                    guard let tag else { return }
                    let name = String(cString: tag)
                    guard !coreTags.contains(name) else { return }
                    let written = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
                    problems.append(Problem(id: "yaml-tag", message: "the tag ‘\(written)’ has no meaning in content: remove it and write the value as text", line: line, column: column))
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return problems
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth {
                        problems.append(Problem(id: "too-deep", message: tooDeep(maximumDepth), line: line, column: column))
                        return problems
                    }
                    tagProblem(event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.tag : event.data.mapping_start.tag)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_SCALAR_EVENT:
                    tagProblem(event.data.scalar.tag)
                case YAML_ALIAS_EVENT:
                    problems.append(Problem(id: "yaml-alias", message: "YAML aliases (`*name`) are not supported in content: write the value out", line: line, column: column))
                default:
                    break
                }
            }
            return problems
        }
    }
}
