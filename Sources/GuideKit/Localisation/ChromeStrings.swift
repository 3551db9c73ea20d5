import Foundation
import Yams

/// The words of the page chrome that are not content ("Adım", "İçindekiler", weekday names …),
/// one flat table per locale from `strings/<locale>.yaml` of the template folders.
public struct StringTable: Sendable {
    public var locale: String
    public var entries: [String: Located<String>]
    /// The file as the user named it.
    public var file: String

    public init(locale: String, entries: [String: Located<String>], file: String) {
        self.locale = locale
        self.entries = entries
        self.file = file
    }
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
        for table in chain(for: locale) {
            if let text = table.entries[key] { return ChromeString(text: text, language: table.locale) }
        }
        return nil
    }

    /// Every key any table defines, sorted.
    public var keys: [String] {
        Set(layers.flatMap { $0.values.flatMap { $0.entries.keys } }).sorted()
    }

    /// Locales that have a table of their own.
    public var locales: [String] {
        Set(layers.flatMap(\.keys)).sorted()
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
            if case .mapping(let mapping) = root {
                for (keyNode, valueNode) in mapping {
                    guard let key = reader.string(keyNode, what: "string key"), let value = reader.string(valueNode, what: key.value) else { continue }
                    if entries[key.value] != nil {
                        reader.report("duplicate-key", "the string ‘\(key.value)’ is defined twice: keep one", at: keyNode)
                        continue
                    }
                    entries[key.value] = value
                }
            } else {
                reader.report("wrong-type", "expected a mapping of string key → text", at: root)
            }
            diagnostics += reader.diagnostics
            tables[locale] = StringTable(locale: locale, entries: entries, file: path)
        }
        return tables
    }
}
