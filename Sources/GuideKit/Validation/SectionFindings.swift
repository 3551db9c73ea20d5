import Foundation

/// The findings of the section rules (`SectionRule`), kept section by section with a digest of
/// what they were found in, so that a validation after a change checks only the sections whose
/// inputs changed and takes the others' findings from here: a writer's save changes one section
/// file of a thousand. The findings are kept as the rules gave them, before suppressions and
/// severities, which every run applies anew.
///
/// A section's record is used only when its digest is that of this run's inputs: the section's
/// file (name and text), every other content file that is not a section or a catalog
/// (`guide.yaml`, `links.yaml`), the list of section files, the settings of the configuration
/// the rules read, the section rules that run, and the guidegen executable; and, for the rules
/// that read translations, every catalog. The digests are of the texts the rules read, so a
/// record always holds what its inputs give, even when a file changed during the run.
public struct SectionFindings: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// The digest of the inputs the findings were found in.
        public var inputs: String
        public var findings: [Diagnostic]

        public init(inputs: String, findings: [Diagnostic]) {
            self.inputs = inputs
            self.findings = findings
        }
    }

    /// By section file (as diagnostics name it): the findings of the rules that read the content only …
    public var sources: [String: Record] = [:]
    /// … and of those that read translations too.
    public var translations: [String: Record] = [:]

    public init() {}

    /// The digests of each section's inputs: `sources[s]` and `translations[s]` for `guide.sections[s]`.
    struct Inputs {
        var sources: [String]
        var translations: [String]
    }

    /// The inputs of `guide.sections` as `load` read them, for the section rules `ruleIDs`.
    static func inputs(of load: LoadResult, guide: Guide, configuration: ValidationConfiguration, ruleIDs: [String]) -> Inputs {
        let sectionFiles = Set(guide.sections.map(\.file)), catalogFiles = Set(load.catalogs.map(\.file))
        var shared = ContentHasher()
        for part in [currentFormat, guidegenVersion, BuildStamp.executableIdentity] + ruleIDs + settings(of: configuration) {
            shared.add(part)
        }
        for path in load.files.keys.sorted() where !sectionFiles.contains(path) && !catalogFiles.contains(path) {
            shared.add(path)
            shared.add(load.files[path]!)
        }
        for section in guide.sections { shared.add(section.file) }
        let sharedDigest = shared.hex
        var catalogs = ContentHasher()
        for file in catalogFiles.sorted() {
            catalogs.add(file)
            catalogs.add(load.files[file])
        }
        let catalogsDigest = catalogs.hex
        var inputs = Inputs(sources: [], translations: [])
        for section in guide.sections {
            var hasher = ContentHasher()
            hasher.add(sharedDigest)
            hasher.add(section.file)
            hasher.add(load.files[section.file])
            let source = hasher.hex
            hasher.add(catalogsDigest)
            inputs.sources.append(source)
            inputs.translations.append(hasher.hex)
        }
        return inputs
    }

    /// What of the configuration section rules read. A setting a section rule comes to read
    /// belongs here, or its findings would be kept across a change of it.
    private static func settings(of configuration: ValidationConfiguration) -> [String] {
        configuration.rules.keys.sorted().map { "rule \($0) \(configuration.rules[$0]!)" }
            + configuration.allowedHosts.map { "host \($0.value) \($0.location)" }
            + configuration.currencies.map { "currency \($0.value) \($0.location)" }
    }

    /// One validation's use of the findings kept before: which sections need checking, and the
    /// findings to keep after it.
    struct Run {
        let previous: SectionFindings
        let files: [String]
        let inputs: Inputs
        /// Whether the findings about each section are kept for these inputs, for the rules that
        /// read the content only and for those that read translations too.
        private let keptSources: [Bool], keptTranslations: [Bool]

        init(previous: SectionFindings, load: LoadResult, guide: Guide, configuration: ValidationConfiguration, ruleIDs: [String]) {
            self.previous = previous
            let files = guide.sections.map(\.file)
            let inputs = SectionFindings.inputs(of: load, guide: guide, configuration: configuration, ruleIDs: ruleIDs)
            self.files = files
            self.inputs = inputs
            keptSources = files.indices.map { previous.sources[files[$0]]?.inputs == inputs.sources[$0] }
            keptTranslations = files.indices.map { previous.translations[files[$0]]?.inputs == inputs.translations[$0] }
        }

        /// Whether the findings about section `index` are kept for these inputs.
        func isKept(_ index: Int, translations: Bool) -> Bool {
            translations ? keptTranslations[index] : keptSources[index]
        }

        /// The parts a rule checks: what belongs to no section, and the sections not kept.
        func parts(for rule: any SectionRule) -> [Int?] {
            [nil] + files.indices.filter { !isKept($0, translations: rule.readsTranslations) }
        }

        /// Every finding of the section rules (those kept, those just found), and what to keep:
        /// `checked` holds each rule's parts and their findings, in rule order.
        func finish(_ checked: [(rule: any SectionRule, parts: [Int?], findings: [[Diagnostic]])]) -> (findings: [Diagnostic], kept: SectionFindings) {
            var outside: [Diagnostic] = []
            var sources = [[Diagnostic]](repeating: [], count: files.count), translations = sources
            for (rule, parts, findings) in checked {
                for (part, found) in zip(parts, findings) {
                    guard let part else {
                        outside += found
                        continue
                    }
                    if rule.readsTranslations { translations[part] += found } else { sources[part] += found }
                }
            }
            var kept = SectionFindings()
            for (index, file) in files.enumerated() {
                kept.sources[file] = isKept(index, translations: false) ? previous.sources[file]! : Record(inputs: inputs.sources[index], findings: sources[index])
                kept.translations[file] = isKept(index, translations: true) ? previous.translations[file]! : Record(inputs: inputs.translations[index], findings: translations[index])
            }
            let all = outside + files.flatMap { kept.sources[$0]!.findings + kept.translations[$0]!.findings }
            return (all, kept)
        }
    }

    static let currentFormat = "guidegen section findings 1"
}

private extension ContentHasher {
    /// A file's text, or a mark that there is none.
    mutating func add(_ file: SourceFile?) {
        guard let file else { return add("\u{0}no file") }
        file.withBytes { add(UnsafeRawBufferPointer($0)) }
    }
}

// MARK: Storage

extension SectionFindings {
    /// Where they are kept for the validation whose `ValidationCache` entry is at `entry`: beside
    /// it, in a file of their own, read only by a run that cannot replay the entry.
    public static func location(besidesEntry entry: URL) -> URL { URL(fileURLWithPath: entry.path + "-sections") }

    /// Reads what `save(to:)` wrote; empty when there is nothing, it cannot be read, is damaged or
    /// another version wrote it (every section is then checked).
    public static func load(from url: URL) -> SectionFindings {
        guard let data = FileBytes.contents(atPath: url.path) else { return SectionFindings() }
        var reader = BinaryReader(data)
        guard (try? reader.string()) == currentFormat, let checksum = try? reader.string(), reader.hexOfRest == checksum,
            let sources = try? records(&reader), let translations = try? records(&reader), reader.isAtEnd else { return SectionFindings() }
        var findings = SectionFindings()
        findings.sources = sources
        findings.translations = translations
        return findings
    }

    /// Saves the findings (renamed into place, so a reader never sees half of them); findings
    /// that cannot be saved only make the next run check every section.
    public func save(to url: URL) {
        var payload = BinaryWriter()
        Self.write(sources, to: &payload)
        Self.write(translations, to: &payload)
        var data = BinaryWriter()
        data.write(Self.currentFormat)
        data.write(ContentHasher.hex(of: payload.data))
        data.append(payload)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.data.write(to: url, options: .atomic)
    }

    private static func write(_ records: [String: Record], to writer: inout BinaryWriter) {
        writer.write(records.count)
        for file in records.keys.sorted() {
            let record = records[file]!
            writer.write(file)
            writer.write(record.inputs)
            writer.write(record.findings.count)
            for finding in record.findings {
                writer.write(finding.id)
                writer.write(finding.severity.rawValue)
                writer.write(finding.message)
                writer.write(finding.location.file)
                writer.write(finding.location.line)
                writer.write(finding.location.column)
                writer.write(finding.fix != nil)
                if let fix = finding.fix {
                    writer.write(fix.length)
                    writer.write(fix.replacement)
                }
            }
        }
    }

    private static func records(_ reader: inout BinaryReader) throws -> [String: Record] {
        var records: [String: Record] = [:]
        for _ in 0..<(try reader.int()) {
            let file = try reader.string(), inputs = try reader.string()
            var findings: [Diagnostic] = []
            for _ in 0..<(try reader.int()) {
                let id = try reader.string()
                guard let severity = Severity(rawValue: try reader.string()) else { throw BinaryReader.Damaged() }
                let message = try reader.string()
                let location = SourceLocation(file: try reader.string(), line: try reader.int(), column: try reader.int())
                let fix = try reader.bool() ? FixIt(length: try reader.int(), replacement: try reader.string()) : nil
                findings.append(Diagnostic(id: id, severity: severity, message: message, at: location, fix: fix))
            }
            records[file] = Record(inputs: inputs, findings: findings)
        }
        return records
    }
}
