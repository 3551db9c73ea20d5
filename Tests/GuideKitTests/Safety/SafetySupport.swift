import Foundation
import GuideKit
import Testing

/// Every kind of file guidegen reads as YAML, each with a valid text, inside one project tree:
/// `content/` (the guide, a catalog, `guidegen.yaml`) and a `templates/` overlay.
enum YAMLInput: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case section = "content/sections/first.yaml"
    case guide = "content/guide.yaml"
    case links = "content/links.yaml"
    case catalog = "content/locales/en.yaml"
    case strings = "templates/strings/tr.yaml"
    case configuration = "content/guidegen.yaml"

    var testDescription: String { rawValue }

    /// Lines before the file's own text in `tree`, when the tree writes it (none: each is written whole).
    var valid: String {
        switch self {
        case .section: "id: first\nlabel: \"1\"\ntitle: Başlık\nsteps:\n  - id: visit\n    kind: action\n    text: \"[site](link:home) ziyaret edin\""
        case .guide: Self.guideText
        case .links: "links:\n  home:\n    url: https://example.com/\n    service: worldfirst"
        case .catalog: "locale: en\nname: English\nentries:\n  guide.title:\n    source: \"0000000000000000\"\n    text: Guide"
        case .strings: "contents: İçindekiler"
        case .configuration: "rules:\n  duplicate-step-text: off\ncurrencies: [CNH]"
        }
    }

    /// The file with a number where text belongs, and where that number is.
    var numberWhereTextBelongs: (text: String, line: Int, column: Int) {
        switch self {
        case .section: (valid.replacingOccurrences(of: "label: \"1\"", with: "label: 4"), 2, 8)
        case .guide: (valid.replacingOccurrences(of: "title: Rehber", with: "title: 4"), 1, 8)
        case .links: (valid.replacingOccurrences(of: "url: https://example.com/", with: "url: 4"), 3, 10)
        case .catalog: (valid.replacingOccurrences(of: "name: English", with: "name: 4"), 2, 7)
        case .strings: ("contents: 4", 1, 11)
        case .configuration: (valid.replacingOccurrences(of: "[CNH]", with: "[4]"), 3, 14)
        }
    }

    /// Whether an empty file is a legitimate one (no overrides, no settings).
    var emptyIsAccepted: Bool { self == .strings || self == .configuration }

    static let guideText = """
        title: Rehber
        sourceLocale: tr
        sections: [first]
        support:
          team: Destek
          hours:
            label: Saatler
            days: { from: monday, to: friday }
            opens: "09:00"
            closes: "17:00"
            timeZoneNote: yerel saatle
          email:
            label: Email
            address: help@example.com
            channelLabel: Email hattı
            responseTime: Hemen yanıt veririz.
          phone:
            label: Telefon
            number: "+6512345678"
            display: +65 1234 5678
        """

    /// A project with every input valid.
    static func writeProject(in directory: TemporaryDirectory) throws {
        for input in allCases { try directory.write(input.rawValue, Data(input.valid.utf8)) }
    }

    /// Loads everything a build and a validation read: content, catalogs, chrome strings,
    /// templates, screenshots and `guidegen.yaml`.
    static func loadProject(in directory: TemporaryDirectory) async throws -> [Diagnostic] {
        let url = directory.url
        // Off the shared concurrency threads (see `onOwnThread`).
        return try await onOwnThread { loadProject(at: url) }
    }

    static func loadProject(at url: URL) -> [Diagnostic] {
        let content = url.appendingPathComponent("content").path
        let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"),
                                      user: TemplateFolders.Folder(url: url.appendingPathComponent("templates"), display: "templates"))
        let loaded = SiteLoader(contentDirectory: content, templates: folders, formats: [.checklist]).load()
        let configuration = ValidationConfiguration.load(contentDirectory: content, ruleIDs: RuleRegistry.rules.map(\.id))
        return loaded.diagnostics + configuration.diagnostics
    }
}

/// Whether the process runs as root, for whom file permissions do not stop reads or writes.
let runsAsRoot = getuid() == 0

extension Array where Element == Diagnostic {
    /// The diagnostics about one file (display paths end with its path below the project).
    func about(_ file: String) -> [Diagnostic] { filter { $0.location.file.hasSuffix(file) } }
}
