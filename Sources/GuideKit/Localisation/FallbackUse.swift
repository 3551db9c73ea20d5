/// A string shown in another language than its page: what `--strict-l10n` turns into errors.
public struct FallbackUse: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable { case missing, stale, chrome }

    public var locale: String
    public var key: String
    public var kind: Kind
    /// Where to fix it: the source text (missing), the stale catalog entry, or the strings file.
    public var location: SourceLocation

    public static func < (lhs: FallbackUse, rhs: FallbackUse) -> Bool {
        (lhs.locale, lhs.location, lhs.key) < (rhs.locale, rhs.location, rhs.key)
    }

    public var diagnostic: Diagnostic {
        switch kind {
        case .missing:
            return Diagnostic(id: "missing-translation", message: "no ‘\(locale)’ translation of ‘\(key)’: add it to locales/\(locale).yaml", at: location)
        case .stale:
            return Diagnostic(id: "stale-translation", message: "the ‘\(locale)’ translation of ‘\(key)’ was made from an older source text: update it and its `source` fingerprint", at: location)
        case .chrome:
            return Diagnostic(id: "missing-string", message: "no ‘\(locale)’ chrome string ‘\(key)’: add it to strings/\(locale).yaml", at: location)
        }
    }
}
