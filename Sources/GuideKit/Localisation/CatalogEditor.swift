/// Changes entries of a catalog file in place, leaving every other byte as it was: the header
/// comment, the other entries, their comments and quoting. An entry that changes is written
/// anew (its key line kept; a `# tr: …` comment above it, as `l10n add` writes them, refreshed); a
/// new entry goes after the entry of the key before it in the content's order, so the file keeps
/// the guide's order. Used by `guidegen l10n import`.
public struct CatalogEditor {
    /// The new fingerprint and text of an entry.
    public struct Change: Sendable, Hashable {
        public var fingerprint: String
        public var text: String

        public init(fingerprint: String, text: String) {
            self.fingerprint = fingerprint
            self.text = text
        }
    }

    public struct EditError: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// The catalog file's text and the catalog read from it.
    public let text: String
    public let catalog: Catalog
    /// The source texts in document order (keys, and the text for the comments).
    public let sources: [SourceText]
    public let sourceLocale: String

    public init(text: String, catalog: Catalog, sources: [SourceText], sourceLocale: String) {
        self.text = text
        self.catalog = catalog
        self.sources = sources
        self.sourceLocale = sourceLocale
    }

    /// The file's text with `changes` applied (keys in `sources` only).
    public func apply(_ changes: [String: Change]) throws(EditError) -> String {
        guard !changes.isEmpty else { return text }
        let lineBreak = text.contains("\r\n") ? "\r\n" : "\n"
        var lines: [String] = []
        text.enumerateLinesKeepingEmpty { lines.append($0) }
        let endsWithBreak = lines.last == ""
        if endsWithBreak { lines.removeLast() }

        guard let entriesLine = lines.firstIndex(where: { $0.hasPrefix("entries:") }) else {
            throw EditError(description: "the catalog has no `entries:` line at the start of a line: write the entries in block style")
        }
        let afterColon = String(lines[entriesLine].dropFirst("entries:".count)).trimmingSpaces()
        if !afterColon.isEmpty, !afterColon.hasPrefix("#") {
            guard afterColon == "{}" else { throw EditError(description: "the entries are written in flow style ({…}): write them one per block so guidegen can edit them") }
            lines[entriesLine] = "entries:"
        }

        // Each entry's block: its key line to the line before the next entry's leading comments.
        let ordered = catalog.entries.sorted { $0.key.location.line < $1.key.location.line }
        let keyLines = ordered.map { $0.key.location.line - 1 }
        let entriesEnd = (entriesLine + 1 ..< lines.count).first { index in
            let line = lines[index]
            return !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.hasPrefix("\t")
        } ?? lines.count
        var blocks: [String: (start: Int, end: Int)] = [:]  // key line … last body line, 0-based, inclusive
        for (index, entry) in ordered.enumerated() {
            let start = keyLines[index]
            var end = (index + 1 < ordered.count ? keyLines[index + 1] : entriesEnd) - 1
            while end > start, Self.isCommentOrBlank(lines[end]) { end -= 1 }
            blocks[entry.key.value] = (start, end)
        }
        let keyIndent = ordered.first.map { String(repeating: " ", count: $0.key.location.column - 1) } ?? "  "
        let usesComments = ordered.contains { entry in
            let start = entry.key.location.line - 1
            return start > 0 && lines[start - 1].trimmingSpaces().hasPrefix("# \(sourceLocale): ")
        }

        // Replacements and insertions by line, applied from the bottom so indices stay valid.
        var edits: [(at: Int, remove: Int, insert: [String])] = []
        var lastPresent = entriesLine  // where a new entry goes when no earlier key is in the file
        var pendingAfter: [Int: [String]] = [:]
        for source in sources {
            let key = source.key
            if let block = blocks[key] {
                lastPresent = block.end
                guard let change = changes[key] else { continue }
                if let entry = catalog.entries[key], entry.text.value == change.text,
                   let line = Self.replacingValue(in: lines[entry.source.location.line - 1], at: entry.source.location.column, old: entry.source.value, new: change.fingerprint) {
                    // Only the fingerprint changes (a reviewed translation): that value, in place.
                    edits.append((entry.source.location.line - 1, 1, [line]))
                    continue
                }
                let keyLine = lines[block.start]
                let indent = String(keyLine.prefix { $0 == " " })
                let bodyIndent = lines[safe: block.start + 1].map { String($0.prefix { $0 == " " }) }.flatMap { $0.count > indent.count ? $0 : nil } ?? indent + "  "
                edits.append((block.start + 1, block.end - block.start, [
                    "\(bodyIndent)source: \(change.fingerprint)",
                    "\(bodyIndent)text: \(change.text.isEmpty ? "\"\"" : YAMLScalar.encode(change.text))",
                ]))
                let commentLine = block.start - 1
                if commentLine > entriesLine, lines[commentLine].trimmingSpaces().hasPrefix("# \(sourceLocale): ") {
                    edits.append((commentLine, 1, [indent + CatalogSkeleton.comment(source.value, sourceLocale: sourceLocale).trimmingSpaces()]))
                }
            } else if let change = changes[key] {
                var block = usesComments ? [keyIndent + CatalogSkeleton.comment(source.value, sourceLocale: sourceLocale).trimmingSpaces()] : []
                block.append(keyIndent + "\(YAMLScalar.encode(key)):")
                block.append(keyIndent + "  source: \(change.fingerprint)")
                block.append(keyIndent + "  text: \(YAMLScalar.encode(change.text))")
                pendingAfter[lastPresent, default: []] += block
            }
        }
        for (after, block) in pendingAfter { edits.append((after + 1, 0, block)) }
        // From the bottom; at the same line, a replacement before an insertion, so what is inserted
        // after an entry lands above the next entry's (replaced) comment.
        for edit in edits.sorted(by: { ($0.at, $0.remove) > ($1.at, $1.remove) }) {
            lines.replaceSubrange(edit.at ..< edit.at + edit.remove, with: edit.insert)
        }
        return lines.joined(separator: lineBreak) + (endsWithBreak ? lineBreak : "")
    }

    /// `line` with the scalar `old` that starts at `column` (or just after a quote there) replaced by `new`.
    static func replacingValue(in line: String, at column: Int, old: String, new: String) -> String? {
        var scalars = Array(line.unicodeScalars)
        var start = column - 1
        if start < scalars.count, scalars[start] == "\"" || scalars[start] == "'" { start += 1 }
        let oldScalars = Array(old.unicodeScalars)
        guard start >= 0, start + oldScalars.count <= scalars.count, Array(scalars[start ..< start + oldScalars.count]) == oldScalars else { return nil }
        scalars.replaceSubrange(start ..< start + oldScalars.count, with: Array(new.unicodeScalars))
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
