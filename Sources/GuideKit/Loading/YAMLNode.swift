/// One node of a YAML content file as `YAMLComposer` builds it: only what the readers use (the
/// text, tag and style of a scalar, the pairs of a mapping in file order, the items of a list)
/// and where it starts. Yams' `Node` also carries a resolver, a constructor and an anchor on
/// every node, which made its trees the largest part of the memory loading took.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts, as libyaml marks it: 1-based, the column counted in Unicode scalars.
    /// 32 bits each keep a scalar node in 32 bytes; a file is at most `YAMLFile.maximumBytes`.
    struct Mark: Sendable, Hashable {
        private let storedLine: UInt32
        private let storedColumn: UInt32

        init(line: Int, column: Int) {
            storedLine = UInt32(clamping: line)
            storedColumn = UInt32(clamping: column)
        }

        var line: Int { Int(storedLine) }
        var column: Int { Int(storedColumn) }
    }

    /// A scalar's tag: absent (a plain scalar without one), `!`, or one of the core tags the
    /// structure check lets through. A mapping key's tag is resolved when it is composed (as Yams
    /// resolved it while checking for duplicate keys), so keys can also be timestamps, merge keys
    /// (`<<`) or value keys (`=`) under Yams' default rules.
    enum Tag: String, Sendable, CaseIterable {
        case implicit = ""
        case nonSpecific = "!"
        case str = "tag:yaml.org,2002:str"
        case int = "tag:yaml.org,2002:int"
        case float = "tag:yaml.org,2002:float"
        case bool = "tag:yaml.org,2002:bool"
        case null = "tag:yaml.org,2002:null"
        case seq = "tag:yaml.org,2002:seq"
        case map = "tag:yaml.org,2002:map"
        case timestamp = "tag:yaml.org,2002:timestamp"
        case merge = "tag:yaml.org,2002:merge"
        case value = "tag:yaml.org,2002:value"
    }

    struct Scalar: Sendable {
        /// The value after YAML has read it (escapes, folding and quotes undone).
        var string: String
        var tag: Tag
        var style: ScalarStyle
        var mark: Mark

        init(_ string: String, tag: Tag = .implicit, style: ScalarStyle = .plain, mark: Mark = Mark(line: 1, column: 1)) {
            self.string = string
            self.tag = tag
            self.style = style
            self.mark = mark
        }
    }

    /// The pairs of a mapping in the order of the file; keys are unique (the composer refuses
    /// a mapping with a key twice).
    struct Mapping: Sendable, RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    struct Sequence: Sendable, RandomAccessCollection {
        var items: [YAMLNode]
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}

extension YAMLNode {
    /// Every node as `line:column kind tag style text`, depth first: what tests and the loader's
    /// fuzz target compare when two readers must give the same tree.
    var outline: [String] {
        let place = "\(mark.line):\(mark.column)"
        switch self {
        case .scalar(let scalar): return ["\(place) scalar \(scalar.tag.rawValue) \(scalar.style) \(scalar.string.debugDescription)"]
        case .sequence(let sequence): return ["\(place) list"] + sequence.flatMap(\.outline)
        case .mapping(let mapping): return ["\(place) mapping"] + mapping.flatMap { $0.key.outline + $0.value.outline }
        }
    }
}
