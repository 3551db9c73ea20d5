import Foundation

extension BlockYAMLReader {
    /// The catalog in `bytes` (UTF-8, already validated; `file` holds the same text) read straight
    /// from its lines, without a tree: what `Catalog.read` makes of `compose`'s tree, or nil.
    ///
    /// A catalog of a help centre of a thousand sections has about 37,000 entries. Composing its
    /// tree (a node and a pair for every key and value, and every entry key hashed into a set to
    /// find a key written twice) and then reading the tree took a fifth of a full validation.
    ///
    /// It reads the catalog as `l10n add` and the editors write it: `locale`, `name` and
    /// `entries` at the left margin, in any order; each entry a plain key with `source` and
    /// `text` on the lines below it, in either order, every value a scalar `compose` reads. For
    /// anything else, and for anything `Catalog.read` would report (an unknown or missing field, a
    /// key written twice, a value that is not text, a source that is not a fingerprint, a locale
    /// that is not the file's), it returns nil and the file is read the general way, which
    /// reports what is wrong. The tests hold every catalog it reads to the general way's.
    static func catalog(_ bytes: UnsafeBufferPointer<UInt8>, file: SourceFile, expectedLocale: String) -> Catalog? {
        var reader = BlockYAMLReader(bytes: bytes, maximumDepth: YAMLFile.maximumDepth)
        guard reader.splitLines() else { return nil }
        var locale: Located<String>?, name: Located<String>?, entries: Catalog.Entries?
        reader.skipTrivia()
        while reader.line < reader.starts.count {
            let start = reader.starts[reader.line]
            guard reader.indentation(reader.line) == 0, let colon = reader.colon(ofKeyAt: start) else { return nil }
            switch reader.string(start..<colon) {
            case "locale" where locale == nil:
                guard let value = reader.text(after: colon, indentation: 0, depth: 1, file: file) else { return nil }
                locale = value.text
            case "name" where name == nil:
                guard let value = reader.text(after: colon, indentation: 0, depth: 1, file: file) else { return nil }
                name = value.text
            case "entries" where entries == nil:
                guard let read = reader.entries(after: colon, file: file) else { return nil }
                entries = read
            default:
                return nil
            }
            reader.skipTrivia()
        }
        guard let locale, let name, let entries, locale.value == expectedLocale, LanguageTag.isWellFormed(locale.value),
              !PathSafety.isReserved(locale.value) else { return nil }
        return Catalog(locale: locale, name: name, entries: entries, file: file.path)
    }

    /// The mapping of `entries`, whose key's colon is at `keyColon`; leaves `line` after it.
    private mutating func entries(after keyColon: Int, file: SourceFile) -> Catalog.Entries? {
        guard let indentation = nestedMapping(after: keyColon, parentIndentation: 0) else { return nil }
        var list: [Catalog.Entry] = []
        var positions: [String: Int32] = [:]
        // An entry takes at least three lines: room for all of them at once, where growing the
        // table hashed every key again at each doubling (a sixth of reading a large catalog).
        let most = (starts.count - line) / 3 + 1
        list.reserveCapacity(most)
        positions.reserveCapacity(most)
        while true {
            let start = starts[line] + indentation
            guard let colon = colon(ofKeyAt: start) else { return nil }
            let keyScalar = YAMLNode.Scalar(string(start..<colon), mark: mark(start))
            // A key such as `true` or `12` is not text to `Catalog.read`.
            guard keyScalar.keyTag == .str else { return nil }
            let key = Located(keyScalar.string, at: SourceLocation(file: file.path, line: keyScalar.mark.line, column: keyScalar.mark.column))
            guard positions.updateValue(Int32(list.count), forKey: key.value) == nil,
                  let entry = entry(after: colon, key: key, parentIndentation: indentation, file: file) else { return nil }
            list.append(consume entry)
            guard line < starts.count else { break }
            let next = self.indentation(line)
            if next < indentation { break }
            guard next == indentation else { return nil }
        }
        return Catalog.Entries(list, positions: positions)
    }

    /// The `source` and `text` of the entry `key`, on the lines below its colon; leaves `line` on
    /// the next line that is not blank or a comment.
    private mutating func entry(after keyColon: Int, key: Located<String>, parentIndentation: Int, file: SourceFile) -> Catalog.Entry? {
        guard let indentation = nestedMapping(after: keyColon, parentIndentation: parentIndentation) else { return nil }
        var source: Located<String>?, text: (text: Located<String>, style: ScalarStyle)?
        while true {
            let start = starts[line] + indentation
            guard let colon = colon(ofKeyAt: start) else { return nil }
            switch string(start..<colon) {
            case "source" where source == nil:
                guard let value = self.text(after: colon, indentation: indentation, depth: 3, file: file),
                      Fingerprint.isWellFormed(value.text.value) else { return nil }
                source = value.text
            case "text" where text == nil:
                guard let value = self.text(after: colon, indentation: indentation, depth: 3, file: file) else { return nil }
                text = value
            default:
                return nil
            }
            skipTrivia()
            guard line < starts.count else { break }
            let next = self.indentation(line)
            if next < indentation { break }
            guard next == indentation else { return nil }
        }
        guard let source, let text else { return nil }
        let origin = TextOrigin(start: text.text.location, style: text.style, file: file)
        return Catalog.Entry(key: key, source: source, text: SourceText(text.text.value, key: key.value, origin: origin))
    }

    /// The indentation of the block mapping that starts on the lines below a key whose colon ends
    /// its line, at `colon`; leaves `line` on the mapping's first line.
    private mutating func nestedMapping(after colon: Int, parentIndentation: Int) -> Int? {
        guard isLineEnd(from: colon + 1) else { return nil }
        line += 1
        skipTrivia()
        guard line < starts.count else { return nil }
        let indentation = self.indentation(line)
        guard indentation > parentIndentation, !isEntry(line, at: starts[line] + indentation) else { return nil }
        return indentation
    }

    /// The text scalar after a key's colon at `colon`, where it starts and how it is written; nil
    /// when the value is a collection or a scalar that is not text (a number, `true`, `null`).
    private mutating func text(after colon: Int, indentation: Int, depth: Int, file: SourceFile) -> (text: Located<String>, style: ScalarStyle)? {
        // A collection or an empty value is not text: `value` would read the lines below.
        guard !isLineEnd(from: colon + 1), case .scalar(let scalar)? = value(after: colon + 1, indentation: indentation, depth: depth),
              scalar.isString else { return nil }
        return (Located(scalar.string, at: SourceLocation(file: file.path, line: scalar.mark.line, column: scalar.mark.column)), scalar.style)
    }
}

extension BlockYAMLReader {
    /// Whether the catalog read the quick way from `text` is the one the general way reads
    /// (`Catalog.outline`, every value with its location), the general way without a problem;
    /// nil when the quick way leaves `text` to the general way. The tests and the loader's fuzz
    /// target hold every catalog the quick way reads to this.
    static func catalogComparedWithGeneralWay(_ text: String, displayPath: String, locale: String) -> (matches: Bool, general: String)? {
        guard let quick = YAMLFile.catalog(Data(text.utf8), displayPath: displayPath, expectedLocale: locale)?.catalog else { return nil }
        let general = CatalogLoader.parse(text, displayPath: displayPath, expectedLocale: locale)
        guard let catalog = general.catalog, general.diagnostics.isEmpty else {
            return (false, "the general way reports \(general.diagnostics.map(\.message))")
        }
        return (quick.outline == catalog.outline, catalog.outline.joined(separator: "\n"))
    }
}

extension Catalog {
    /// Everything a reader of the catalog can see, a line for each value with its location, and
    /// each entry's position as its key finds it.
    var outline: [String] {
        func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line):\(location.column)" }
        var lines = ["file \(file)", "locale \(locale.value) \(place(locale.location))", "name \(name.value) \(place(name.location))"]
        for (position, entry) in entries.enumerated() {
            let origin = entry.text.origin
            lines.append("\(position) \(entry.key.value) \(place(entry.key.location)) source \(entry.source.value) \(place(entry.source.location))"
                + " \(entry.sourceNumber.map(String.init) ?? "-") text \(entry.text.value.debugDescription) key \(entry.text.key)"
                + " \(place(origin.start)) \(origin.style) \(origin.file?.path ?? "-") found at \(entries.position(of: entry.key.value).map(String.init) ?? "-")")
        }
        return lines
    }
}
