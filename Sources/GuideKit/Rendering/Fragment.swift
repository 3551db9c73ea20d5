/// Text already rendered and escaped for the place a template puts it (HTML, Markdown or plain
/// text). View models hold only fragments, numbers and flags, so templates never escape:
/// `{{x}}`, `{{{x}}}` and `{{&x}}` print the same (see `TemplateRenderer`).
public struct Fragment: Sendable, Hashable, CustomStringConvertible {
    public let string: String

    /// Wraps text the caller has already escaped for its format.
    public init(escaped string: String) { self.string = string }

    public static let empty = Fragment(escaped: "")

    /// An empty fragment is false in a section, so `{{#intro}}…{{/intro}}` skips a missing intro.
    public var isEmpty: Bool { string.isEmpty }
    public var description: String { string }

    public static func + (lhs: Fragment, rhs: Fragment) -> Fragment { Fragment(escaped: lhs.string + rhs.string) }
}
