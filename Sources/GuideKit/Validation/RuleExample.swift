import Foundation

/// A small piece of content that shows what a rule reports, or what it lets pass.
///
/// The files are added to the base guide (`guideYAML()`, `baseLinks`, `baseSection`), a minimal
/// guide that no rule reports anything on, so an example needs only the lines that matter. In a triggering example every expected
/// finding is marked with `1️⃣`, `2️⃣` … at its line and column; the rule-examples test loads the
/// tree with `ContentLoader`, runs the validator and compares the rule's findings with the markers.
public struct RuleExample: Sendable, Hashable, Codable {
    public enum Expectation: String, Sendable, Hashable, Codable {
        /// The rule reports exactly the marked positions.
        case triggers
        /// The rule reports nothing.
        case passes
    }

    /// A file of the example: a path relative to the content folder (`sections/example.yaml`,
    /// `links.yaml`, `guide.yaml`, `guidegen.yaml`, `locales/en.yaml`), or under `Output/` for the rendered output.
    public struct File: Sendable, Hashable, Codable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    public var expectation: Expectation
    public var files: [File]

    public init(_ expectation: Expectation, files: [File]) {
        self.expectation = expectation
        self.files = files
    }

    /// Content the rule reports, at each marker.
    public static func triggers(_ text: String, in path: String = "sections/example.yaml") -> RuleExample {
        RuleExample(.triggers, files: [File(path: path, text: text)])
    }

    public static func triggers(_ files: KeyValuePairs<String, String>) -> RuleExample {
        RuleExample(.triggers, files: files.map { File(path: $0.key, text: $0.value) })
    }

    /// Content the rule lets pass.
    public static func passes(_ text: String, in path: String = "sections/example.yaml") -> RuleExample {
        RuleExample(.passes, files: [File(path: path, text: text)])
    }

    public static func passes(_ files: KeyValuePairs<String, String>) -> RuleExample {
        RuleExample(.passes, files: files.map { File(path: $0.key, text: $0.value) })
    }

    /// One entry of an example catalog: the key, the source text the translation was made from
    /// (its fingerprint is written as `source`) and the translation as written in YAML (quotes
    /// and markers included).
    public struct CatalogEntry: Sendable, Hashable {
        public var key: String
        public var source: String
        public var text: String

        public init(_ key: String, source: String, text: String) {
            self.key = key
            self.source = source
            self.text = text
        }
    }

    /// `locales/<locale>.yaml` with `entries`, each `source` the fingerprint of its source text, so
    /// an example does not spell out hashes. A marker may stand before a key (`1️⃣old.key`).
    public static func catalog(_ entries: [CatalogEntry], locale: String = "en", name: String = "English") -> File {
        var text = "locale: \(locale)\nname: \(name)\nentries:\n"
        for entry in entries {
            text += "  \(entry.key):\n    source: \(Fingerprint.of(entry.source))\n    text: \(entry.text)\n"
        }
        return File(path: "locales/\(locale).yaml", text: text)
    }

    /// The key of the base section's step text, and that text (what catalog examples translate).
    public static let baseStepKey = "example.steps.visit.text"
    public static let baseStepText = "[1688.com](link:1688-home)’u ziyaret edin"

    /// The content folder the example stands for: the base guide with the example's files added
    /// or replacing the base's. When the example brings its own sections, the base section is
    /// dropped, and unless it brings its own `guide.yaml`, the generated one lists its sections
    /// in the order given. Markers are left in the text.
    public var tree: [File] {
        let ownSections = files.filter { $0.path.hasPrefix("sections/") }
        var result: [File] = []
        if !files.contains(where: { $0.path == "guide.yaml" }) {
            let ids = ownSections.isEmpty ? ["example"] : ownSections.map { String($0.path.dropFirst("sections/".count).dropLast(".yaml".count)) }
            result.append(File(path: "guide.yaml", text: Self.guideYAML(sections: ids)))
        }
        if !files.contains(where: { $0.path == "links.yaml" }) {
            result.append(File(path: "links.yaml", text: Self.baseLinks))
        }
        if ownSections.isEmpty {
            result.append(File(path: "sections/example.yaml", text: Self.baseSection))
        }
        return result + files
    }

    // MARK: The base guide

    /// `guide.yaml` of the base guide, listing `sections`.
    public static func guideYAML(sections: [String] = ["example"]) -> String {
        """
        title: Örnek rehber
        sourceLocale: tr
        sections:
        \(sections.map { "  - \($0)" }.joined(separator: "\n"))
        support:
          team: Destek ekibi
          hours:
            label: Çalışma saatleri
            days: { from: monday, to: friday }
            opens: "09:00"
            closes: "17:00"
            timeZoneNote: yerel saatle
          email:
            label: E-posta
            address: destek@example.com
            channelLabel: E-posta destek hattı
            responseTime: Bir iş günü içinde yanıt veririz.
          phone:
            label: Telefon
            number: "+905551234567"
            display: +90 555 123 45 67

        """
    }

    /// The base `guide.yaml` with one line changed, for examples about the guide itself.
    public static func guideYAML(replacing line: String, with replacement: String) -> String {
        guideYAML().replacingFirst(line, with: replacement)
    }

    /// A minimal section file with one step, for examples about several sections; `label` is
    /// written as given (quotes and markers included) and `fields` are added after the title.
    public static func section(_ id: String, label: String, fields: String = "", text: String? = nil) -> String {
        """
        id: \(id)
        label: \(label)
        title: \(id) bölümü
        \(fields.isEmpty ? "" : fields + "\n")steps:
          - id: do-it
            kind: action
            text: \(text ?? "\(id) bölümünü tamamlayın")

        """
    }

    /// `links.yaml` of the base guide: one entry, used by the base section.
    public static let baseLinks = """
        links:
          1688-home:
            url: https://1688.com
            service: "1688"

        """

    /// `sections/example.yaml` of the base guide.
    public static let baseSection = """
        id: example
        label: "1"
        title: Örnek bölüm
        service: "1688"
        steps:
          - id: visit
            kind: action
            text: "[1688.com](link:1688-home)’u ziyaret edin"

        """
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
