/// The translations of the guide into one locale, read from `Content/locales/<locale>.yaml`.
public struct Catalog: Sendable {
    /// One translated string.
    public struct Entry: Sendable, Hashable {
        /// The key as written in the catalog, where the entry starts.
        public var key: Located<String>
        /// The fingerprint of the source text the translation was made from.
        public var source: Located<String>
        /// The translation, inline Markdown like the source; its key is the entry's key and its
        /// origin points into the catalog file. Empty when the entry is a placeholder for a
        /// translation still to be written (what `guidegen l10n add` writes): it counts as missing.
        public var text: SourceText

        public init(key: Located<String>, source: Located<String>, text: SourceText) {
            self.key = key
            self.source = source
            self.text = text
        }

        /// Whether the entry holds no translation yet (an empty or blank `text`).
        public var isEmpty: Bool { text.value.allSatisfy(\.isWhitespace) }
    }

    /// BCP 47 tag (`en`); equals the file name.
    public var locale: Located<String>
    /// The locale's name in its own language (`English`), for language switchers.
    public var name: Located<String>
    public var entries: [String: Entry]
    /// The keys in the order the file lists them.
    public var order: [String]
    /// The file the catalog was read from, as the user named it.
    public var file: String

    public init(locale: Located<String>, name: Located<String>, entries: [String: Entry], order: [String]? = nil, file: String) {
        self.locale = locale
        self.name = name
        self.entries = entries
        self.order = order ?? entries.keys.sorted()
        self.file = file
    }

    /// The entries in file order.
    public var orderedEntries: [Entry] { order.compactMap { entries[$0] } }
}
