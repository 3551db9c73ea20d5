/// The translations of the guide into one locale, read from `Content/locales/<locale>.yaml`.
public struct Catalog: Sendable {
    /// One translated string.
    public struct Entry: Sendable, Hashable {
        /// The fingerprint of the source text the translation was made from.
        public var source: Located<String>
        /// The translation, inline Markdown like the source; its key is the entry's key and its
        /// origin points into the catalog file.
        public var text: SourceText

        public init(source: Located<String>, text: SourceText) {
            self.source = source
            self.text = text
        }
    }

    /// BCP 47 tag (`en`); equals the file name.
    public var locale: Located<String>
    /// The locale's name in its own language (`English`), for language switchers.
    public var name: Located<String>
    public var entries: [String: Entry]
    /// The file the catalog was read from, as the user named it.
    public var file: String

    public init(locale: Located<String>, name: Located<String>, entries: [String: Entry], file: String) {
        self.locale = locale
        self.name = name
        self.entries = entries
        self.file = file
    }
}
