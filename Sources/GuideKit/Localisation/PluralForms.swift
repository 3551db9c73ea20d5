/// A chrome string with a form per plural category (`stepCount: {one: "{count} step", other:
/// "{count} steps"}`); `{count}` is replaced by the number, written the locale's way.
public struct PluralForms: Sendable, Hashable {
    /// Every form the table gives; `other` is always there.
    public var forms: [PluralCategory: Located<String>]
    /// Where the key is written.
    public var location: SourceLocation

    public init(forms: [PluralCategory: Located<String>], location: SourceLocation) {
        self.forms = forms
        self.location = location
    }

    /// The form for `count` in `language`: its category's, or `other` when the table has no form for it.
    public func form(for count: Int, language: String) -> Located<String>? {
        forms[PluralCategory.of(count, language: language)] ?? forms[.other]
    }

    public static let placeholder = "{count}"
}
