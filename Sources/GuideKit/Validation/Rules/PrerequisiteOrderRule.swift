/// Triggers on a prerequisite (`requires`) that comes later in the guide than the section
/// that needs it, on a section that requires itself, and on prerequisites that form a cycle
/// (reported with the cycle's path). Because every prerequisite must come earlier, a section
/// can never depend, even through others, on one that follows it.
public struct PrerequisiteOrderRule: Rule {
    public let id = "prerequisite-order"
    public let summary = "prerequisites come earlier in the guide and form no cycle"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        typealias E = RuleExample
        return [
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\"", fields: "requires: [1️⃣b]"),
                       "sections/b.yaml": E.section("b", label: "\"2\"")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\"", fields: "requires: [1️⃣b]"),
                       "sections/b.yaml": E.section("b", label: "\"2\"", fields: "requires: [c]"),
                       "sections/c.yaml": E.section("c", label: "\"3\"", fields: "requires: [a]")]),
            .triggers(["sections/a.yaml": E.section("a", label: "\"1\"", fields: "requires: [1️⃣a]")]),
            .passes(["sections/a.yaml": E.section("a", label: "\"1\"", fields: "requires: []"),
                     "sections/b.yaml": E.section("b", label: "\"2\"", fields: "requires: [a]"),
                     "sections/c.yaml": E.section("c", label: "\"3\"", fields: "requires: [a, b]")]),
        ]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let sections = context.guide.sections
        let index = Dictionary(sections.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Diagnostic] = []
        var reportedCycles: Set<[String]> = []
        for (position, section) in sections.enumerated() {
            for required in section.requires {
                guard let target = index[required.value] else { continue }  // unknown-section
                if target == position {
                    findings.append(finding("the section requires itself: remove ‘\(required.value)’", at: required.location))
                } else if let path = path(from: required.value, to: section.id.value, in: sections, index: index) {
                    let cycle = [section.id.value] + path
                    // Report each cycle once, at the first of its edges in guide order.
                    let key = Array(Set(cycle)).sorted()
                    if reportedCycles.insert(key).inserted {
                        findings.append(finding("the prerequisites form a cycle, \(cycle.joined(separator: " → ")): remove one of them", at: required.location))
                    }
                } else if target > position {
                    findings.append(finding("‘\(required.value)’ (\(sections[target].label.value)) comes after this section (\(section.label.value)): move it earlier or drop the prerequisite",
                                            at: required.location))
                }
            }
        }
        return findings
    }

    /// The ids on a shortest path of prerequisites from `start` to `goal`, both included.
    private func path(from start: String, to goal: String, in sections: [Section], index: [String: Int]) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            if current == goal {
                var path = [goal]
                while path[0] != start { path.insert(previous[path[0]]!, at: 0) }
                return path
            }
            guard let position = index[current] else { continue }
            for next in sections[position].requires.map(\.value) where previous[next] == nil {
                previous[next] = current
                queue.append(next)
            }
        }
        return nil
    }
}
