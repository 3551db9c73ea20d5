import Foundation
import GuideKit
import Testing

/// A minimal valid guide whose one section (`sections/first.yaml`) a test replaces.
enum MinimalGuide {
    static let guide = """
        title: Rehber
        sourceLocale: tr
        sections: [first]
        support:
          team: Destek
          hours:
            label: Çalışma saatleri
            days: { from: monday, to: friday }
            opens: "09:00"
            closes: "17:00"
            timeZoneNote: yerel saatle
          email:
            label: Email
            address: help@example.com
            channelLabel: Email destek hattı
            responseTime: 1 iş günü içinde yanıt veririz.
          phone:
            label: Telefon
            number: "+6568054380"
            display: +65 6805 4380
        """

    static let links = """
        links:
          home:
            url: https://1688.com
            service: "1688"
        """

    static let section = """
        id: first
        label: "1"
        title: Hesap nasıl açılır?
        steps:
          - id: visit
            kind: action
            text: "[1688.com](link:home)’u ziyaret edin"
        """

    /// The tree with `section` as `sections/first.yaml` (and optionally other files replaced).
    static func tree(section: String = section, guide: String = guide, links: String = links, extra: String = "") -> String {
        "-- guide.yaml --\n\(guide)\n-- links.yaml --\n\(links)\n-- sections/first.yaml --\n\(section)\n\(extra)"
    }
}

/// Asserts that exactly one diagnostic with `id` exists, in `file`, at the marked position.
func expectDiagnostic(
    _ result: LoadResult, id: String, file: String, at position: (line: Int, column: Int), messageContains: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let matching = result.diagnostics.filter { $0.id == id }
    #expect(matching.count == 1, "expected one ‘\(id)’, got: \(result.diagnostics)", sourceLocation: sourceLocation)
    guard let diagnostic = matching.first else { return }
    #expect(diagnostic.location.file.hasSuffix(file), "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.location.line == position.line && diagnostic.location.column == position.column,
            "expected \(position.line):\(position.column), got \(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.message.contains(messageContains), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
}
