import Foundation
import GuideKit
import Testing

/// The machine-readable formats, on the seed-defects fixture run through the real CLI.
@Suite struct ReporterTests {
    /// The seed-defects fixture copied into a fresh folder as `seed-defects`, validated there.
    static func seedReport(_ format: String) throws -> (CommandResult, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.fixture("seed-defects"), as: "seed-defects")
        return (try runGuidegen(["validate", "--content", "seed-defects", "--format", format], in: directory.url), directory)
    }

    /// Reports list findings sorted; no two different findings tie, so the order does not depend
    /// on the order they were found in (a set's order differs from run to run).
    @Test func findingsSortInOneOrderWhateverOrderTheyComeIn() {
        let place = SourceLocation(file: "sections/a.yaml", line: 3, column: 7)
        let findings = [
            Diagnostic(id: "raw-url", message: "link it", at: place),
            Diagnostic(id: "raw-url", message: "link it", at: place, fix: FixIt(length: 4, replacement: "https")),
            Diagnostic(id: "raw-url", message: "link it", at: place, fix: FixIt(length: 4, replacement: "http")),
            Diagnostic(id: "raw-url", message: "link it", at: place, fix: FixIt(length: 3, replacement: "x")),
            Diagnostic(id: "raw-url", severity: .warning, message: "link it", at: place),
            Diagnostic(id: "https-only", message: "link it", at: place),
        ]
        let sorted = findings.sorted()
        for a in findings {
            #expect(!(a < a))
            for b in findings where a != b { #expect((a < b) != (b < a), "\(a) and \(b) are ordered one way") }
        }
        for _ in 0..<20 { #expect(findings.shuffled().sorted() == sorted) }
        #expect(sorted.map { $0.fix?.replacement } == [nil, nil, "x", "http", "https", nil])
    }

    @Test func jsonHasTheDocumentedStructure() throws {
        let (result, _) = try Self.seedReport("json")
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(result.stdout.utf8))
        #expect(document.version == 1)
        #expect(document.tool.name == "guidegen")
        #expect(document.ran)
        #expect((document.summary.errors, document.summary.warnings, document.summary.notes) == (7, 4, 0))
        #expect(document.failures.isEmpty)
        let first = try #require(document.diagnostics.first)
        #expect(first.ruleId == "https-only")
        #expect(first.severity == .error)
        #expect(first.file == "seed-defects/links.yaml")
        #expect((first.line, first.column) == (13, 10))
        #expect(first.fix == FixIt(length: 4, replacement: "https"))
        #expect(document.diagnostics.map(\.ruleId).contains("apostrophe-style"))
        // Stable key order, so diffs of reports are readable.
        #expect(result.stdout.contains("\"column\" : 10,\n      \"file\" : \"seed-defects/links.yaml\""))
    }

    @Test func sarifPointsAtRelativeFilesWithCodePointColumnsAndConsistentRules() throws {
        let (result, _) = try Self.seedReport("sarif")
        #expect(result.status == 1)
        let log = try JSONDecoder().decode(SARIFLog.self, from: Data(result.stdout.utf8))
        #expect(log.version == "2.1.0")
        let run = try #require(log.runs.first)
        #expect(run.columnKind == "unicodeCodePoints")
        #expect(run.invocations.first?.executionSuccessful == true)
        #expect(run.results.count == 11)
        let rules = run.tool.driver.rules
        #expect(rules.map(\.id) == RuleRegistry.rules.map(\.id))
        for result in run.results {
            #expect(rules[result.ruleIndex].id == result.ruleId)
            let artifact = try #require(result.locations.first?.physicalLocation.artifactLocation)
            #expect(artifact.uriBaseId == "%SRCROOT%")
            #expect(artifact.uri?.hasPrefix("seed-defects/") == true)
        }
        // Columns count code points: on line 27 the ‘ı’ of ‘aynı’ before the apostrophe is one column (UTF-8 would say 96).
        let apostrophes = run.results.filter { $0.ruleId == "apostrophe-style" }.compactMap { $0.locations.first?.physicalLocation.region }
        #expect(apostrophes.map { [$0.startLine, $0.startColumn] } == [[24, 74], [27, 95]])
        let https = try #require(run.results.first { $0.ruleId == "https-only" })
        let replacement = try #require(https.fixes?.first?.artifactChanges.first?.replacements.first)
        #expect(replacement.deletedRegion.startColumn == 10 && replacement.deletedRegion.endColumn == 14)
        #expect(replacement.insertedContent.text == "https")
    }

    @Test(.enabled(if: SARIFSchema.url != nil, "needs ../shared/schemas and python3 with jsonschema"))
    func sarifValidatesAgainstTheSchema() throws {
        let (seed, directory) = try Self.seedReport("sarif")
        _ = try directory.copy(Repository.content, as: "Content")
        let clean = try runGuidegen(["validate", "--format", "sarif"], in: directory.url)
        try directory.write("Broken/guidegen.yaml", Data("rules: {english-txt: off}\n".utf8))
        try directory.write("Broken/guide.yaml", Data())
        let failed = try runGuidegen(["validate", "--content", "Broken", "--format", "sarif"], in: directory.url)
        #expect(failed.status == 2)
        for (name, output) in [("seed", seed.stdout), ("clean", clean.stdout), ("failed", failed.stdout)] {
            let file = directory.url.appendingPathComponent("\(name).sarif")
            try Data(output.utf8).write(to: file)
            let check = try SARIFSchema.validate(file)
            #expect(check.status == 0, "\(name): \(check.stdout) \(check.stderr)")
        }
    }

    @Test func githubCommandsEscapeMessagesAndProperties() throws {
        let (result, _) = try Self.seedReport("github")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.first == "::error file=seed-defects/links.yaml,line=13,col=10,title=https-only::‘http://1688.com’ is not encrypted: use https (fix: ‘https’)")
        #expect(lines.contains { $0.hasPrefix("::warning file=seed-defects/sections/order-on-1688.yaml,line=5,col=8,title=english-text::") })

        let report = ValidationReport(diagnostics: [
            Diagnostic(id: "raw-url", severity: .note, message: "100% sure,\r\nreally: yes", at: SourceLocation(file: "a,b:c%.yaml", line: 2, column: 3)),
        ])
        #expect(GitHubReporter().report(report) == "::notice file=a%2Cb%3Ac%25.yaml,line=2,col=3,title=raw-url::100%25 sure,%0D%0Areally: yes\n")
    }

    @Test func textPutsTheCaretUnderTheColumnCountedInScalars() throws {
        let source = SourceFile(path: "x.yaml", text: "text: Şeker ödeme için %0.8 ücret\n")
        let diagnostic = Diagnostic(id: "turkish-number-format", severity: .warning, message: "‘%0.8’ has a decimal point: write ‘%0,8’",
                                    at: SourceLocation(file: "x.yaml", line: 1, column: 24), fix: FixIt(length: 4, replacement: "%0,8"))
        let text = TextReporter().report([diagnostic], files: ["x.yaml": source])
        #expect(text == """
            x.yaml:1:24: warning: ‘%0.8’ has a decimal point: write ‘%0,8’ [turkish-number-format]
                text: Şeker ödeme için %0.8 ücret
                                       ^
                fix: replace ‘%0.8’ with ‘%0,8’
            0 errors, 1 warning, 0 notes

            """)
    }
}

/// The SARIF 2.1.0 schema beside the project (`../shared/schemas`) and a Python with jsonschema to check against it.
enum SARIFSchema {
    static let url: URL? = {
        let schema = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path),
            let check = try? python(["-c", "import jsonschema"]), check.status == 0 else { return nil }
        return schema
    }()

    /// jsonschema's Draft 7 validator with format checks, as ../shared/tools/check-sarif.py uses it.
    static func validate(_ file: URL) throws -> CommandResult {
        let script = """
            import json, sys
            from jsonschema import Draft7Validator, FormatChecker
            schema = json.load(open(sys.argv[1], encoding="utf-8-sig"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(Draft7Validator(schema, format_checker=FormatChecker()).iter_errors(document))
            for error in errors: print(list(error.absolute_path), error.message)
            sys.exit(1 if errors else 0)
            """
        return try python(["-c", script, url!.path, file.path])
    }

    static func python(_ arguments: [String]) throws -> CommandResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }
}
