/// The translations of the guide into one locale, read from `Content/locales/<locale>.yaml`.
public struct Catalog: Sendable {
    /// One translated string.
    public struct Entry: Sendable, Hashable {
        /// The key as written in the catalog, where the entry starts.
        public var key: Located<String>
        /// The fingerprint of the source text the translation was made from.
        public var source: Located<String> {
            didSet { sourceNumber = Fingerprint.number(source.value) }
        }
        /// The number `source` writes (nil when it is not a fingerprint), compared with a source
        /// text's `fingerprint`.
        public private(set) var sourceNumber: UInt64?
        /// The translation, inline Markdown like the source; its key is the entry's key and its
        /// origin points into the catalog file. Empty when the entry is a placeholder for a
        /// translation still to be written (what `guidegen l10n add` writes): it counts as missing.
        public var text: SourceText

        public init(key: Located<String>, source: Located<String>, text: SourceText) {
            self.key = key
            self.source = source
            self.sourceNumber = Fingerprint.number(source.value)
            self.text = text
        }

        /// Whether the entry holds no translation yet (an empty or blank `text`).
        public var isEmpty: Bool { Self.isBlank(text.value) }

        /// Whether a translation is blank (what `isEmpty` asks of the entry's text).
        static func isBlank(_ text: String) -> Bool {
            // Told by the first byte for most texts: a printable ASCII character is no white space.
            if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
            return text.allSatisfy(\.isWhitespace)
        }
    }

    /// A catalog's entries in the order the file lists them, each also found by its key.
    /// At S=1000 a catalog has about 37,000 entries: a `[String: Entry]` (which keeps a quarter
    /// to half of its slots empty, each slot the size of an entry) plus the list of keys in file
    /// order took about 13 MB per catalog; a list and an index of positions take about 8.
    public struct Entries: Sendable, RandomAccessCollection {
        private let list: [Entry]
        /// Where each key's entry is in `list`.
        private let positions: [String: Int32]

        /// Entries with distinct keys, in file order (the loader reports a second use of a key).
        public init(_ entries: [Entry]) {
            guard let unique = Self(unique: entries) else { preconditionFailure("two entries for one key") }
            self = unique
        }

        /// The entries, or nil when two have one key (read from a damaged cache entry, say).
        init?(unique entries: [Entry]) {
            list = entries
            var positions: [String: Int32] = [:]
            positions.reserveCapacity(entries.count)
            for (position, entry) in entries.enumerated() {
                guard positions.updateValue(Int32(position), forKey: entry.key.value) == nil else { return nil }
            }
            self.positions = positions
        }

        /// Entries and where each key's entry is, as `Catalog.read` found them while it checked
        /// that no key comes twice: hashing every key once more here was 2 % of a validation.
        init(_ entries: [Entry], positions: [String: Int32]) {
            assert(positions.count == entries.count && entries.indices.allSatisfy { positions[entries[$0].key.value] == Int32($0) })
            list = entries
            self.positions = positions
        }

        public subscript(key: String) -> Entry? {
            positions[key].map { list[Int($0)] }
        }

        /// Where `key`'s entry is, for `state(at:of:)` and `text(at:)`.
        public func position(of key: String) -> Int? {
            positions[key].map { Int($0) }
        }

        /// The same, trying `hint` first. A catalog usually lists its entries in the content's
        /// order (the skeleton `l10n add` writes does), so a walk through the texts finds each
        /// entry just after the last one, by comparing one key instead of hashing it and probing
        /// a table of tens of thousands of entries; any other order is found by the hash.
        public func position(of key: String, hint: Int) -> Int? {
            if list.indices.contains(hint), list[hint].key.value == key { return hint }
            return position(of: key)
        }

        /// The keys in file order.
        public var keys: [String] { list.map(\.key.value) }

        public var startIndex: Int { list.startIndex }
        public var endIndex: Int { list.endIndex }
        public subscript(position: Int) -> Entry { list[position] }

        /// The translation state of the entry at `position` for the source text `source`,
        /// read where the entry is. A build and a validation ask this of every text in every
        /// catalog: an entry read whole is a copy, seven strings retained and then released.
        func state(at position: Int, of source: SourceText) -> TranslationState {
            // The text alone: asking the entry (`isEmpty`) copied all of it first.
            if Entry.isBlank(list[position].text.value) { return .missing }
            return list[position].sourceNumber == source.fingerprint ? .translated : .needsReview
        }

        /// The translation of the entry at `position`, read where the entry is.
        public func text(at position: Int) -> SourceText {
            list[position].text
        }
    }

    /// BCP 47 tag (`en`); equals the file name.
    public var locale: Located<String>
    /// The locale's name in its own language (`English`), for language switchers.
    public var name: Located<String>
    public var entries: Entries
    /// The file the catalog was read from, as the user named it.
    public var file: String

    public init(locale: Located<String>, name: Located<String>, entries: Entries, file: String) {
        self.locale = locale
        self.name = name
        self.entries = entries
        self.file = file
    }
}
