// libyaml's event parser (the C target inside the Yams package). Its state is on the heap, so it
// walks any nesting without recursion; the composer keeps its open mappings and lists on a stack
// of its own, so a hostile file cannot exhaust the call stack either.
import CYaml

/// Reads a YAML text in one pass over libyaml's events: checks its shape and composes its
/// `YAMLNode` tree at the same time.
///
/// The shape check refuses nesting deeper than a limit, aliases (`*name`, which would let a small
/// file expand into billions of nodes) and tags other than YAML's core ones (`!!binary`,
/// `!custom` have no meaning in content). It goes on to the end of the text (or its first syntax
/// error), and its problems come before anything composing finds, as when it was a pass of its
/// own before Yams composed. Composing stops at the first failure Yams' composer stopped at: a
/// syntax error, a mapping with a key twice (found when the mapping ends), a second document.
enum YAMLComposer {
    /// A problem of the file's shape; 1-based, the column counts Unicode scalars.
    struct Problem: Equatable {
        var id: String
        var message: String
        var line: Int
        var column: Int
    }

    /// Why a file that passes the shape check still has no tree.
    enum Failure: Equatable {
        /// libyaml's scanner or parser refused the text, or it holds a second document.
        case syntax(problem: String, line: Int, column: Int)
        /// libyaml's reader refused a character (a raw control character, a noncharacter);
        /// `offset` counts UTF-8 bytes.
        case character(problem: String, offset: Int, value: Int32)
        /// The keys of one mapping that appear more than once, sorted, and where the second
        /// occurrence of the first of them is.
        case duplicateKeys(names: [String], line: Int, column: Int)
        case outOfMemory
    }

    struct Result {
        /// Nil for a text without a document (empty, or only comments) and after a failure.
        var root: YAMLNode?
        var problems: [Problem] = []
        var failure: Failure?
    }

    /// Tags a content value may carry explicitly: `!!str "4"` is a way to write text.
    static let coreTags: Set<String> = ["!", "str", "seq", "map", "int", "float", "bool", "null"].reduce(into: []) { tags, name in
        tags.insert(name == "!" ? name : "tag:yaml.org,2002:" + name)
    }

    static func tooDeep(_ maximumDepth: Int) -> String {
        "nesting is deeper than \(maximumDepth) levels: content never needs this much, flatten it"
    }

    /// Checks and composes `text`, keeping at most `limit` shape problems; the check stops at
    /// nesting that is too deep. Text in the plain block style goes through `BlockYAMLReader`
    /// unless `blockReader` is false (the tests that compare the two).
    static func compose(_ text: String, maximumDepth: Int, limit: Int = 20, blockReader: Bool = true) -> Result {
        var text = text
        return text.withUTF8 { bytes in
            if blockReader, let root = BlockYAMLReader.compose(bytes, maximumDepth: maximumDepth) { return Result(root: root) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return Result(failure: .outOfMemory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk(maximumDepth: maximumDepth, limit: limit)
            while !walk.isFinished {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    walk.fail(parser)
                    break
                }
                walk.take(event)
                yaml_event_delete(&event)
            }
            return walk.result
        }
    }
}

extension YAMLComposer {
    /// The state of one pass: the shape check's depth and problems, and the collections being
    /// composed, innermost last.
    private struct Walk {
        let maximumDepth: Int
        let limit: Int
        var result = Result()
        var isFinished = false
        private var depth = 0
        private var documents = 0
        private var open: [OpenCollection] = []

        init(maximumDepth: Int, limit: Int) {
            self.maximumDepth = maximumDepth
            self.limit = limit
        }

        /// Composing stops at the first problem or failure; the shape check goes on.
        private var isComposing: Bool { result.problems.isEmpty && result.failure == nil }

        mutating func take(_ event: yaml_event_t) {
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                isFinished = true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2, isComposing {
                    result.failure = .syntax(problem: "but found another document", line: mark.line, column: mark.column)
                    result.root = nil
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                depth += 1
                if depth > maximumDepth {
                    report(Problem(id: "too-deep", message: tooDeep(maximumDepth), line: mark.line, column: mark.column))
                    isFinished = true
                    return
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                check(tag: isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag, at: mark)
                if isComposing { open.append(OpenCollection(isMapping: isMapping, mark: mark)) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
                guard isComposing, let collection = open.popLast() else { return }
                if let duplicates = collection.duplicateKeys {
                    result.failure = duplicates
                    return
                }
                add(collection.node)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                check(tag: scalar.tag, at: mark)
                guard isComposing else { return }
                let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                add(.scalar(YAMLNode.Scalar(string, tag: Self.tag(ofScalar: event), style: Self.style(ofScalar: event), mark: mark)))
            case YAML_ALIAS_EVENT:
                report(Problem(id: "yaml-alias", message: "YAML aliases (`*name`) are not supported in content: write the value out",
                               line: mark.line, column: mark.column))
            default:
                break
            }
        }

        /// libyaml stopped: a syntax error, unless its scanner stopped at its own nesting limit
        /// (1000, looking ahead before the parser reports the levels), which is nesting too deep.
        mutating func fail(_ parser: yaml_parser_t) {
            isFinished = true
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            let line = Int(parser.problem_mark.line) + 1, column = Int(parser.problem_mark.column) + 1
            if problem.hasPrefix("Maximum nesting level") {
                report(Problem(id: "too-deep", message: tooDeep(maximumDepth), line: line, column: column))
                return
            }
            guard isComposing else { return }
            switch parser.error {
            case YAML_MEMORY_ERROR: result.failure = .outOfMemory
            case YAML_READER_ERROR: result.failure = .character(problem: problem, offset: parser.problem_offset, value: parser.problem_value)
            default: result.failure = .syntax(problem: problem, line: line, column: column)
            }
        }

        private mutating func report(_ problem: Problem) {
            result.problems.append(problem)
            result.root = nil
            open = []
            if result.problems.count >= limit { isFinished = true }
        }

        private mutating func check(tag: UnsafeMutablePointer<yaml_char_t>?, at mark: YAMLNode.Mark) {
            guard let tag else { return }
            let name = String(cString: tag)
            guard !coreTags.contains(name) else { return }
            let written = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
            report(Problem(id: "yaml-tag", message: "the tag ‘\(written)’ has no meaning in content: remove it and write the value as text",
                           line: mark.line, column: mark.column))
        }

        private mutating func add(_ node: YAMLNode) {
            guard !open.isEmpty else {
                result.root = node
                return
            }
            open[open.count - 1].add(node)
        }

        /// As Yams tags it: a quoted or block scalar without a tag is `str`.
        private static func tag(ofScalar event: yaml_event_t) -> YAMLNode.Tag {
            if event.data.scalar.quoted_implicit == 1 { return .str }
            guard let tag = event.data.scalar.tag else { return .implicit }
            return YAMLNode.Tag(rawValue: String(cString: tag)) ?? .implicit
        }

        private static func style(ofScalar event: yaml_event_t) -> ScalarStyle {
            switch event.data.scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        }
    }

    /// A mapping or list whose end has not come yet. A mapping's children alternate key and
    /// value; each key is checked against the earlier ones by its tag and text, as Yams compared
    /// keys (`4` and `"4"` are two keys).
    private struct OpenCollection {
        let isMapping: Bool
        let mark: YAMLNode.Mark
        private var items: [YAMLNode] = []
        private var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        private var pendingKey: YAMLNode?
        /// The keys so far, once there are more than `KeyIdentity.scannedKeys`.
        private var keys: Set<KeyIdentity>?
        /// Each key that appears again, with where it appears the second time.
        private var repeated: [KeyIdentity: YAMLNode.Mark] = [:]

        init(isMapping: Bool, mark: YAMLNode.Mark) {
            self.isMapping = isMapping
            self.mark = mark
        }

        mutating func add(_ node: YAMLNode) {
            guard isMapping else {
                items.append(node)
                return
            }
            guard let key = pendingKey else {
                var key = node
                if case .scalar(var scalar) = node {
                    scalar.tag = scalar.keyTag
                    key = .scalar(scalar)
                }
                let identity = KeyIdentity(key)
                if identity.isRepeated(in: pairs, keys: &keys), repeated[identity] == nil { repeated[identity] = key.mark }
                pendingKey = key
                return
            }
            pairs.append((key, node))
            pendingKey = nil
        }

        var node: YAMLNode {
            isMapping ? .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark)) : .sequence(YAMLNode.Sequence(items: items, mark: mark))
        }

        /// Yams named every repeated key of the mapping, sorted, and guidegen points at the
        /// second occurrence of the first of them.
        var duplicateKeys: Failure? {
            guard !repeated.isEmpty else { return nil }
            let sorted = repeated.sorted { ($0.key.name, $0.value.line, $0.value.column) < ($1.key.name, $1.value.line, $1.value.column) }
            let first = sorted[0].value
            return .duplicateKeys(names: sorted.map(\.key.name), line: first.line, column: first.column)
        }
    }

    /// A mapping key as Yams compared keys: a scalar by its resolved tag and text, a mapping or
    /// list (a complex key, `? [a, b]`) by its whole content. `BlockYAMLReader` tells keys apart
    /// with it too.
    struct KeyIdentity: Hashable {
        let tag: YAMLNode.Tag?
        let text: String

        init(_ node: YAMLNode) {
            if case .scalar(let scalar) = node {
                tag = scalar.tag
                text = scalar.string
            } else {
                tag = nil
                text = Self.content(of: node)
            }
        }

        /// The text alone: hashing the tag would hash its raw value, another string (keys that
        /// differ only by tag, `4` and `"4"`, are rare and still unequal).
        func hash(into hasher: inout Hasher) { hasher.combine(text) }

        /// The pairs a mapping compares a new key with before it keeps its keys in a set: most
        /// mappings have a handful of keys, and a set per mapping cost more than the comparisons
        /// (4 % of a large validate).
        static let scannedKeys = 8

        /// Whether a key of `pairs`, the mapping's pairs so far, has this identity. Past
        /// `scannedKeys` pairs the keys are kept in `keys`, this one included.
        func isRepeated(in pairs: [(key: YAMLNode, value: YAMLNode)], keys: inout Set<KeyIdentity>?) -> Bool {
            if keys == nil {
                guard pairs.count >= Self.scannedKeys else { return pairs.contains { KeyIdentity($0.key) == self } }
                keys = Set(pairs.map { KeyIdentity($0.key) })
            }
            return !keys!.insert(self).inserted
        }

        /// How Yams named a key in its message: a complex key has no string.
        var name: String { tag == nil ? "<uncovertable>" : text }

        private static func content(of node: YAMLNode) -> String {
            switch node {
            case .scalar(let scalar): "s\(scalar.keyTag.rawValue)\u{0}\(scalar.string.utf8.count)\u{0}\(scalar.string)"
            case .sequence(let sequence): "q[" + sequence.map(content).joined(separator: ",") + "]"
            case .mapping(let mapping): "m{" + mapping.map { content(of: $0.key) + ":" + content(of: $0.value) }.joined(separator: ",") + "}"
            }
        }
    }
}
