import Mustache

/// Text already rendered and escaped for the place a template puts it (HTML, Markdown or plain
/// text). View models hold only fragments, numbers and flags, so templates never escape: guidegen
/// renders them with Mustache's escaping turned off, and `{{x}}` and `{{{x}}}` print the same.
public struct Fragment: Sendable, Hashable, MustacheCustomRenderable, CustomStringConvertible {
    public let string: String

    /// Wraps text the caller has already escaped for its format.
    public init(escaped string: String) { self.string = string }

    public static let empty = Fragment(escaped: "")

    public var renderText: String { string }
    /// An empty fragment is false in a section, so `{{#intro}}…{{/intro}}` skips a missing intro.
    public var isNull: Bool { string.isEmpty }
    public var isEmpty: Bool { string.isEmpty }
    public var description: String { string }

    public static func + (lhs: Fragment, rhs: Fragment) -> Fragment { Fragment(escaped: lhs.string + rhs.string) }
}
