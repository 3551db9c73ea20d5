import Foundation

/// Cross-file checks the loader owns: every link key, section and step that text or fields
/// refer to exists.
struct ReferenceCheck {
    let guide: Guide
    /// Threads the texts are checked on, a section at a time; the findings are the same, in the
    /// same order, for any number.
    var threads = 1
    /// Where the texts' parses are kept for what comes after the loader (pages, rules).
    var parses: InlineParseCache?

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sectionIDs = Set(guide.sections.map(\.id.value))
        for section in guide.sections {
            for required in section.requires where !sectionIDs.contains(required.value) {
                diagnostics.append(unknownSection(required.value, at: required.location))
            }
            for step in section.steps {
                for key in step.links where guide.links[key.value] == nil {
                    diagnostics.append(unknownLink(key.value, at: key.location))
                }
            }
        }
        // The title, each section, the support contact: each section's texts are listed on its
        // thread too (listing them all first took as long as checking them).
        let sections = guide.sections
        return diagnostics + Parallel.map(Array(0...sections.count + 1), threads: threads) { group -> [Diagnostic] in
            let texts = group == 0 ? [guide.title] : group <= sections.count ? sections[group - 1].texts : guide.support.texts
            return texts.flatMap(check)
        }.joined()
    }

    /// The references in `text` that lead nowhere.
    private func check(_ text: SourceText) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if Self.mayHoldLinks(text.value) {
            let inlines = parses?.inlines(of: text) ?? CommonMark.parseInline(text).inlines
            for (reference, destination, _) in inlines.references {
                // Worked out only for a finding: walking the file to the column costs about
                // 13,000 instructions, and nearly every reference is sound.
                func at() -> SourceLocation {
                    text.location(ofScalarOffset: Self.offset(of: "(\(destination))", in: text.value).map { $0 + 1 } ?? 0)
                }
                switch reference {
                case .registry(let key) where guide.links[key] == nil:
                    diagnostics.append(unknownLink(key, at: at()))
                case .section(let id, let step):
                    guard let target = guide.section(id: id) else {
                        diagnostics.append(unknownSection(id, at: at()))
                        break
                    }
                    if let step, !target.steps.contains(where: { $0.id.value == step }) {
                        let hint = closestMatch(to: step, in: target.steps.map(\.id.value)).map { ": did you mean ‘\($0)’?" } ?? ": use one of its step ids"
                        diagnostics.append(Diagnostic(id: "unknown-step", message: "the section ‘\(id)’ has no step ‘\(step)’\(hint)", at: at()))
                    }
                default:
                    break
                }
            }
        }
        return diagnostics
    }

    private func unknownLink(_ key: String, at location: SourceLocation) -> Diagnostic {
        let hint = closestMatch(to: key, in: guide.links.entries.map(\.key.value)).map { "did you mean ‘\($0)’?" } ?? "add it to links.yaml"
        return Diagnostic(id: "unknown-link", message: "no link ‘\(key)’ in the registry: \(hint)", at: location)
    }

    private func unknownSection(_ id: String, at location: SourceLocation) -> Diagnostic {
        let hint = closestMatch(to: id, in: guide.sections.map(\.id.value)).map { "did you mean ‘\($0)’?" } ?? "use the id of a section listed in guide.yaml"
        return Diagnostic(id: "unknown-section", message: "no section ‘\(id)’: \(hint)", at: location)
    }

    /// Whether a text may hold a link: every kind (inline, reference, image, definition) has a
    /// `]`, and an autolink a `<`. Most texts have neither, and need no parse here.
    static func mayHoldLinks(_ text: String) -> Bool {
        text.containsByte(UInt8(ascii: "]")) || text.containsByte(UInt8(ascii: "<"))
    }

    /// The offset in Unicode scalars of the first occurrence of `needle`, found in the UTF-8
    /// bytes (Foundation's `range(of:)` took 24,000 instructions a link).
    static func offset(of needle: String, in haystack: String) -> Int? {
        haystack.withBytes { text in
            needle.withBytes { wanted -> Int? in
                guard let first = wanted.first, wanted.count <= text.count else { return nil }
                for start in 0...(text.count - wanted.count)
                where text[start] == first && memcmp(text.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0 {
                    // A match starts where a scalar starts: the needles start with ASCII.
                    return text[..<start].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                }
                return nil
            }
        }
    }
}
