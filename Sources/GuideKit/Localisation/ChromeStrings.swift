import Foundation

/// The words of the page chrome that are not content ("Adım", "İçindekiler", weekday names …),
/// one flat table per locale from `strings/<locale>.yaml` of the template folders.
public struct StringTable: Sendable {
    public var locale: String
    public var entries: [String: Located<String>]
    /// Counted phrases: a form per CLDR plural category (`stepCount: {one: …, other: …}`).
    public var plurals: [String: PluralForms]
    /// Where each key (plain or plural) is written.
    public var keyLocations: [String: SourceLocation]
    /// The file as the user named it.
    public var file: String

    public init(locale: String, entries: [String: Located<String>], plurals: [String: PluralForms] = [:], keyLocations: [String: SourceLocation] = [:], file: String) {
        self.locale = locale
        self.entries = entries
        self.plurals = plurals
        self.keyLocations = keyLocations
        self.file = file
    }

    /// Every key, plain and plural.
    public var allKeys: Set<String> { Set(entries.keys).union(plurals.keys) }
}

/// A chrome string and the language it is in (another than the page's when it fell back).
public struct ChromeString: Sendable, Hashable {
    public var text: Located<String>
    public var language: String
}

/// Looks chrome strings up along an explicit chain: the user's table for the locale, the
/// built-in one, then the user's and the built-in table of the fallback locale.
public struct ChromeStrings: Sendable {
    /// Tables in lookup order for any locale: user then built-in.
    private let layers: [[String: StringTable]]
    public let fallbackLocale: String

    /// `layers` in priority order, each a table per locale (e.g. `[user, builtin]`).
    public init(layers: [[String: StringTable]], fallbackLocale: String) {
        self.layers = layers
        self.fallbackLocale = fallbackLocale
    }

    /// The chain of (locale, table) a lookup for `locale` walks.
    public func chain(for locale: String) -> [StringTable] {
        let locales = locale == fallbackLocale ? [locale] : [locale, fallbackLocale]
        return locales.flatMap { locale in layers.compactMap { $0[locale] } }
    }

    public func lookup(_ key: String, locale: String) -> ChromeString? {
        first(along: locale) { table in table.entries[key].map { ChromeString(text: $0, language: table.locale) } }
    }

    /// The counted phrase for `key` and the language of the table it came from.
    public func lookupPlural(_ key: String, locale: String) -> (forms: PluralForms, language: String)? {
        first(along: locale) { table in table.plurals[key].map { ($0, table.locale) } }
    }

    /// The first answer `find` gives along `chain(for: locale)`, walked without building the chain:
    /// a page looks up every chrome string, and the arrays were 2 % of building the real guide.
    private func first<Answer>(along locale: String, _ find: (StringTable) -> Answer?) -> Answer? {
        for layer in layers {
            if let table = layer[locale], let answer = find(table) { return answer }
        }
        guard locale != fallbackLocale else { return nil }
        for layer in layers {
            if let table = layer[fallbackLocale], let answer = find(table) { return answer }
        }
        return nil
    }

    /// Every plain key any table defines, sorted (what templates may use as `strings.KEY`).
    public var keys: [String] {
        Set(layers.flatMap { $0.values.flatMap { $0.entries.keys } }).sorted()
    }

    /// Every key the source locale's tables define, plain and plural: the strings a locale translates.
    public var sourceKeys: [String] {
        Set(layers.compactMap { $0[fallbackLocale] }.flatMap(\.allKeys)).sorted()
    }

    /// A locale's own tables (user then built-in), without the fallback to the source locale.
    public func ownTables(of locale: String) -> [StringTable] {
        layers.compactMap { $0[locale] }
    }

    /// Locales that have a table of their own.
    public var locales: [String] {
        Set(layers.flatMap(\.keys)).sorted()
    }

    /// The chrome strings of a template overlay: every layer's `strings/` folder, the user's first.
    public static func load(_ templates: TemplateFolders, sourceLocale: String, diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> ChromeStrings {
        let layers = templates.layers.map { folder in
            readTables(in: folder.url.appendingPathComponent("strings"), display: folder.display + "/strings", root: folder.url, diagnostics: &diagnostics, files: &files)
        }
        return ChromeStrings(layers: layers, fallbackLocale: sourceLocale)
    }

    /// Reads every `*.yaml` of a `strings` folder; `display` is how the folder is named in diagnostics.
    /// Files must stay inside `root` (the templates folder), symbolic links included.
    public static func readTables(in folder: URL, display: String, root: URL, diagnostics: inout [Diagnostic], files: inout [String: SourceFile]) -> [String: StringTable] {
        var tables: [String: StringTable] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        for name in names {
            let path = display + "/" + name
            guard let file = YAMLFile.read(folder.appendingPathComponent(name), displayPath: path, within: root, diagnostics: &diagnostics) else { continue }
            files[path] = file.source
            let locale = String(name.dropLast(5))
            guard let root = file.root else {
                tables[locale] = StringTable(locale: locale, entries: [:], file: path)
                continue
            }
            var reader = NodeReader(file: file.source)
            var entries: [String: Located<String>] = [:]
            var plurals: [String: PluralForms] = [:]
            var keyLocations: [String: SourceLocation] = [:]
            if case .mapping(let mapping) = root {
                for (keyNode, valueNode) in mapping {
                    guard let key = reader.string(keyNode, what: "string key") else { continue }
                    if keyLocations[key.value] != nil {
                        reader.report("duplicate-key", "the string ‘\(key.value)’ is defined twice: keep one", at: keyNode)
                        continue
                    }
                    keyLocations[key.value] = key.location
                    if case .mapping = valueNode {
                        if let forms = readPlural(valueNode, key: key, reader: &reader) { plurals[key.value] = forms }
                    } else if let value = reader.string(valueNode, what: key.value) {
                        entries[key.value] = value
                    }
                }
            } else {
                reader.report("wrong-type", "expected a mapping of string key → text", at: root)
            }
            diagnostics += reader.diagnostics
            tables[locale] = StringTable(locale: locale, entries: entries, plurals: plurals, keyLocations: keyLocations, file: path)
        }
        return tables
    }

    /// `{one: …, other: …}`: the forms of a counted phrase, by CLDR plural category; `other` is required.
    private static func readPlural(_ node: YAMLNode, key: Located<String>, reader: inout NodeReader) -> PluralForms? {
        let names = PluralCategory.allCases.map(\.rawValue)
        guard let fields = reader.fields(of: node, what: "counted string ‘\(key.value)’", known: names, required: [PluralCategory.other.rawValue]) else { return nil }
        var forms: [PluralCategory: Located<String>] = [:]
        for category in PluralCategory.allCases {
            guard let value = fields[category.rawValue].flatMap({ reader.string($0, what: "\(key.value).\(category.rawValue)") }) else { continue }
            forms[category] = value
        }
        guard forms[.other] != nil else { return nil }
        return PluralForms(forms: forms, location: key.location)
    }
}
