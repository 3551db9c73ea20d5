/// How far each catalog is: per locale and per group of strings (the guide's title, each section,
/// the support contact, the chrome strings), how many strings are translated, need review or are
/// missing, and which catalog keys the content no longer has. What `guidegen l10n status` prints.
///
/// Chrome strings (the words of the page templates, `strings/<locale>.yaml`) count as a group of
/// their own: a page shows them as much as the content. They have no fingerprints, so they are
/// translated or missing, never in need of review; a plural key (`stepCount`) is one string.
public struct TranslationStatus: Sendable, Hashable, Codable {
    public struct Counts: Sendable, Hashable, Codable {
        public var strings = 0
        public var translated = 0
        public var needsReview = 0
        public var missing = 0

        public init() {}

        /// Translated strings as a share of all, in percent (100 when there are none).
        public var coverage: Double { strings == 0 ? 100 : Double(translated) * 100 / Double(strings) }

        mutating func add(_ state: TranslationState) {
            strings += 1
            switch state {
            case .translated: translated += 1
            case .needsReview: needsReview += 1
            case .missing: missing += 1
            }
        }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            var sum = lhs
            sum.strings += rhs.strings
            sum.translated += rhs.translated
            sum.needsReview += rhs.needsReview
            sum.missing += rhs.missing
            return sum
        }

        private enum CodingKeys: String, CodingKey { case strings, translated, needsReview, missing, coverage }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            strings = try container.decode(Int.self, forKey: .strings)
            translated = try container.decode(Int.self, forKey: .translated)
            needsReview = try container.decode(Int.self, forKey: .needsReview)
            missing = try container.decode(Int.self, forKey: .missing)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(strings, forKey: .strings)
            try container.encode(translated, forKey: .translated)
            try container.encode(needsReview, forKey: .needsReview)
            try container.encode(missing, forKey: .missing)
            // One decimal, rounded down, so 100.0 means everything is translated.
            try container.encode((coverage * 10).rounded(.down) / 10, forKey: .coverage)
        }
    }

    /// What a group of strings is.
    public enum GroupKind: String, Sendable, Hashable, Codable {
        case guide, section, support, chrome
    }

    /// A key and the place to fix it.
    public struct Item: Sendable, Hashable, Codable {
        public var key: String
        /// For a string that needs review, its catalog entry's `source`; for a missing one, the
        /// source text (content) or the source locale's chrome string.
        public var location: SourceLocation
    }

    public struct Group: Sendable, Hashable, Codable {
        /// `guide`, a section id, `support` or `chrome`.
        public var id: String
        public var kind: GroupKind
        public var counts: Counts
        /// The strings that need review and those missing, in document order.
        public var needsReview: [Item]
        public var missing: [Item]
    }

    /// A key a catalog (or a chrome strings file) has that the source no longer has.
    public struct Obsolete: Sendable, Hashable, Codable {
        public var key: String
        public var location: SourceLocation
    }

    public struct LocaleStatus: Sendable, Hashable, Codable {
        public var locale: String
        /// The locale's name in its own language.
        public var name: String
        /// The catalog file.
        public var file: String
        public var groups: [Group]
        public var total: Counts
        public var obsolete: [Obsolete]
    }

    public var sourceLocale: String
    /// By locale tag.
    public var locales: [LocaleStatus]

    public init(guide: Guide, catalogs: [Catalog], chrome: ChromeStrings?) {
        let source = guide.sourceLocale.value
        sourceLocale = source
        var groups: [(id: String, kind: GroupKind, texts: [SourceText])] = [("guide", .guide, [guide.title])]
        groups += guide.sections.map { ($0.id.value, .section, $0.texts) }
        groups.append(("support", .support, guide.support.texts))
        let contentKeys = Set(guide.texts.map(\.key))

        locales = catalogs.filter { $0.locale.value != source }.sorted { $0.locale.value < $1.locale.value }.map { catalog in
            var result: [Group] = groups.map { group in
                var counts = Counts()
                var review: [Item] = []
                var missing: [Item] = []
                for text in group.texts {
                    let state = catalog.state(of: text)
                    counts.add(state)
                    if state == .needsReview, let entry = catalog.entries[text.key] { review.append(Item(key: text.key, location: entry.source.location)) }
                    if state == .missing { missing.append(Item(key: text.key, location: text.location)) }
                }
                return Group(id: group.id, kind: group.kind, counts: counts, needsReview: review, missing: missing)
            }
            var obsolete = catalog.entries.filter { !contentKeys.contains($0.key.value) }.map { Obsolete(key: $0.key.value, location: $0.key.location) }
            if let chrome {
                let tables = chrome.ownTables(of: catalog.locale.value)
                let sourceKeys = chrome.sourceKeys
                var counts = Counts()
                var missing: [Item] = []
                let sourceTables = chrome.ownTables(of: source)
                for key in sourceKeys {
                    let has = tables.contains { $0.allKeys.contains(key) }
                    counts.add(has ? .translated : .missing)
                    if !has {
                        let table = sourceTables.first { $0.allKeys.contains(key) }
                        missing.append(Item(key: key, location: table?.keyLocations[key] ?? SourceLocation(file: table?.file ?? "strings/\(source).yaml", line: 1, column: 1)))
                    }
                }
                result.append(Group(id: "chrome", kind: .chrome, counts: counts, needsReview: [], missing: missing.sorted { $0.location < $1.location }))
                let known = Set(sourceKeys)
                for table in tables {
                    for key in table.allKeys.sorted() where !known.contains(key) {
                        obsolete.append(Obsolete(key: key, location: table.keyLocations[key] ?? SourceLocation(file: table.file, line: 1, column: 1)))
                    }
                }
            }
            let total = result.reduce(Counts()) { $0 + $1.counts }
            return LocaleStatus(locale: catalog.locale.value, name: catalog.name.value, file: catalog.file, groups: result, total: total,
                                obsolete: obsolete.sorted { $0.location < $1.location })
        }
    }
}
