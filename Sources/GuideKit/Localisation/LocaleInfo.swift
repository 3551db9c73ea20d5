/// A locale as pages show it: its tag, its name in its own language, and how its strings resolve.
public struct LocaleInfo: Sendable {
    public var tag: String
    /// `Türkçe`, `English`.
    public var name: String
    public var resolver: LocaleResolver

    public var isSource: Bool { resolver.isSource }

    public init(tag: String, name: String, resolver: LocaleResolver) {
        self.tag = tag
        self.name = name
        self.resolver = resolver
    }
}
