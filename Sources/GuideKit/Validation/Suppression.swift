import Foundation

/// An inline suppression: a YAML comment that silences findings of named rules at one place.
///
/// ```yaml
/// # guidegen-ignore: english-text — the product's English name, shown as on the box
/// intro: Make the order on [1688.com](link:1688-home)
/// label: "4A"  # guidegen-ignore: section-label-sequence — 4B is published separately
/// ```
///
/// On a line of its own the comment covers the next line that is not blank or a comment; at the
/// end of a line it covers that line. When the covered line starts a block scalar (`>-`, `|`),
/// the whole scalar is covered. The reason after `—` (or `--`) is required.
public struct Suppression: Sendable, Hashable {
    public static let marker = "guidegen-ignore:"

    /// The rule ids named, each located in the comment.
    public var ruleIDs: [Located<String>]
    /// Why the findings are silenced; nil when the comment gives none (then it silences nothing).
    public var reason: String?
    /// Where the comment's `#` is.
    public var location: SourceLocation
    /// The lines whose findings it silences.
    public var lines: ClosedRange<Int>

    public func covers(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.location.file == location.file && lines.contains(diagnostic.location.line)
            && ruleIDs.contains { $0.value == diagnostic.id }
    }

    /// Every suppression comment of a YAML file.
    public static func parse(_ file: SourceFile) -> [Suppression] {
        // Nearly every file has none: it is not read line by line.
        guard file.contains(marker) else { return [] }
        var result: [Suppression] = []
        for (index, line) in file.lines.enumerated() {
            guard let hash = commentStart(in: line) else { continue }
            let scalars = Array(line.unicodeScalars)
            var body = String(String.UnicodeScalarView(scalars[(hash + 1)...]))
            let leading = body.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            body = String(body.unicodeScalars.dropFirst(leading))
            guard body.hasPrefix(marker) else { continue }
            var column = hash + 2 + leading + marker.unicodeScalars.count  // 1-based column after the marker
            let rest = String(body.unicodeScalars.dropFirst(marker.unicodeScalars.count))

            // The ids end at the first `—` or `--`; the reason follows.
            var reason: String?
            var idsPart = rest
            if let range = [rest.range(of: "—"), rest.range(of: "--")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
                idsPart = String(rest[..<range.lowerBound])
                let text = rest[range.upperBound...].trimmingCharacters(in: .whitespaces)
                reason = text.isEmpty ? nil : text
            }
            var ids: [Located<String>] = []
            for piece in idsPart.split(separator: ",", omittingEmptySubsequences: false) {
                let leadingSpaces = piece.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
                let id = piece.trimmingCharacters(in: .whitespaces)
                if !id.isEmpty {
                    ids.append(Located(id, at: SourceLocation(file: file.path, line: index + 1, column: column + leadingSpaces)))
                }
                column += piece.unicodeScalars.count + 1
            }
            let ownLine = scalars[..<hash].allSatisfy { $0 == " " || $0 == "\t" }
            var target = index + 1  // 1-based line number of the covered line
            if ownLine {
                var next = index + 1
                while next < file.lines.count, isBlankOrComment(file.lines[next]) { next += 1 }
                target = next + 1
            }
            let last = blockScalarEnd(file, line: target) ?? target
            result.append(Suppression(ruleIDs: ids, reason: reason, location: SourceLocation(file: file.path, line: index + 1, column: hash + 1),
                                      lines: target...max(target, last)))
        }
        return result
    }

    /// The scalar index of the `#` that starts a comment, outside quoted scalars.
    static func commentStart(in line: String) -> Int? {
        // Nearly every line of a content file has no `#` at all: it needs no scalar array.
        guard line.containsByte(UInt8(ascii: "#")) else { return nil }
        let scalars = Array(line.unicodeScalars)
        var quote: Unicode.Scalar?
        for (index, scalar) in scalars.enumerated() {
            if let open = quote {
                if scalar == open, !(open == "\"" && index > 0 && scalars[index - 1] == "\\") { quote = nil }
                continue
            }
            let previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            let atTokenStart = previous == nil || previous == " " || previous == "\t" || previous == "[" || previous == "{" || previous == ","
            if scalar == "#", previous == nil || previous == " " || previous == "\t" { return index }
            if scalar == "\"" || scalar == "'", atTokenStart { quote = scalar }
        }
        return nil
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// When `line` (1-based) ends with a block scalar header, the last line of the scalar.
    private static func blockScalarEnd(_ file: SourceFile, line: Int) -> Int? {
        guard let text = file.line(line) else { return nil }
        var content = text
        if let hash = commentStart(in: text) { content = String(String.UnicodeScalarView(Array(text.unicodeScalars)[..<hash])) }
        content = content.trimmingCharacters(in: .whitespaces)
        guard let header = content.split(separator: " ").last, let first = header.first, first == ">" || first == "|",
            header.dropFirst().allSatisfy({ $0 == "-" || $0 == "+" || $0.isNumber })
        else { return nil }
        let indent = text.prefix { $0 == " " }.count
        var last = line
        var next = line + 1
        while let following = file.line(next) {
            let trimmed = following.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                guard following.prefix(while: { $0 == " " }).count > indent else { break }
                last = next
            }
            next += 1
        }
        return last
    }
}
