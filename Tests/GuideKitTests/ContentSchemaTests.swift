import Foundation
import Testing

/// The JSON Schemas under `Content/schemas/` are what editors' YAML language servers check the
/// content with, so they must accept the real content and reject real mistakes. Swift has no JSON
/// Schema validator here; the check runs `python3` with `jsonschema` and PyYAML.
@Suite("Content schemas")
struct ContentSchemaTests {
    @Test("every YAML file of Content/ is valid against its schema")
    func contentMatchesSchemas() async throws {
        let (files, unmapped) = try Self.contentFiles(in: Repository.content)
        #expect(unmapped.isEmpty, "YAML files with no schema: \(unmapped): map them in ContentSchemaTests.schemaName(for:)")
        #expect(files.contains { $0.file.lastPathComponent == "guide.yaml" })
        #expect(files.contains { $0.file.lastPathComponent == "links.yaml" })
        #expect(files.contains { $0.schema.lastPathComponent == "section.schema.json" })
        #expect(files.contains { $0.schema.lastPathComponent == "catalog.schema.json" })

        let result = try await Self.validate(files)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("every YAML file of Content/ names its schema in the yaml-language-server comment")
    func modelinesNameTheSchema() throws {
        let (files, _) = try Self.contentFiles(in: Repository.content)
        let prefix = "# yaml-language-server: $schema="
        for (file, schema) in files {
            let firstLine = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            #expect(firstLine.hasPrefix(prefix), "\(file.path): the first line must be `\(prefix)…`")
            guard firstLine.hasPrefix(prefix) else { continue }
            let named = file.deletingLastPathComponent().appendingPathComponent(String(firstLine.dropFirst(prefix.count))).standardizedFileURL
            #expect(named.path == schema.standardizedFileURL.path, "\(file.path) names \(named.path) instead of \(schema.path)")
        }
    }

    @Test("the section schema rejects a misspelt field and an unknown step kind, naming both")
    func rejectsMisspeltFieldAndUnknownKind() async throws {
        let directory = try TemporaryDirectory()
        // The misspelt key sits beside a real `steps`: a value under an unknown key is not looked
        // into, so the step with the wrong kind must be under `steps` to be checked.
        try directory.write(tree: """
            -- sections/broken.yaml --
            # yaml-language-server: $schema=../schemas/section.schema.json
            id: broken
            label: "1"
            title: Bozuk bölüm
            steps:
              - id: open-page
                kind: click
                text: Sayfayı açın
            stpes:
              - id: sign-in
                kind: action
                text: Giriş yapın
            """)
        let file = directory.url.appendingPathComponent("sections/broken.yaml")

        let result = try await Self.validate([(file, Self.schema("section", in: Repository.content))])

        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("Additional properties are not allowed ('stpes' was unexpected)"), "\(result.output)")
        #expect(result.output.contains("steps/0/kind: 'click' is not one of ['action', 'input', 'result']"), "\(result.output)")
        // Only the two planted mistakes: the rest of the file is valid.
        #expect(result.output.split(separator: "\n").count == 2, "\(result.output)")
    }

    @Test("the chrome strings of Templates/strings/ are valid against strings.schema.json and name it")
    func chromeStringsMatchTheirSchema() async throws {
        let folder = Repository.templates.appendingPathComponent("strings")
        let schema = Repository.templates.appendingPathComponent("schemas/strings.schema.json")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { (file: folder.appendingPathComponent($0), schema: schema) }
        #expect(files.count >= 2)
        let result = try await Self.validate(files)
        #expect(result.status == 0, "\(result.output)")
        for (file, _) in files {
            let firstLine = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            #expect(firstLine == "# yaml-language-server: $schema=../schemas/strings.schema.json", "\(file.path)")
        }
    }

    @Test("the catalog schema rejects a fingerprint that is not 16 hex digits and a misspelt field")
    func catalogSchemaRejectsBadEntries() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: """
            -- locales/de.yaml --
            locale: de
            name: Deutsch
            entries:
              guide.title:
                source: 12345
                text: Leitfaden
              first.title:
                source: 56e185e9b169f4b2
                txt: Titel
            """)
        let result = try await Self.validate([(directory.url.appendingPathComponent("locales/de.yaml"), Self.schema("catalog", in: Repository.content))])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("entries/guide.title/source"), "\(result.output)")
        #expect(result.output.contains("'txt' was unexpected"), "\(result.output)")
    }

    // MARK: Helpers

    typealias SchemaCheck = (file: URL, schema: URL)

    static func schema(_ name: String, in content: URL) -> URL {
        content.appendingPathComponent("schemas/\(name).schema.json")
    }

    /// The schema a content file is checked against, by its path relative to `Content/`.
    static func schemaName(for relativePath: String) -> String? {
        switch relativePath {
        case "guide.yaml": return "guide"
        case "links.yaml": return "links"
        case "guidegen.yaml": return "config"
        default:
            let parts = relativePath.split(separator: "/")
            guard parts.count == 2, relativePath.hasSuffix(".yaml") else { return nil }
            switch parts[0] {
            case "sections": return "section"
            case "locales": return "catalog"
            default: return nil
            }
        }
    }

    /// The YAML files of the content format (`Content/` itself, `sections/` and `locales/`), found
    /// by listing the folders so a new section or catalog is covered, with their schemas; YAML files
    /// there that no schema covers are returned apart.
    static func contentFiles(in content: URL) throws -> (files: [SchemaCheck], unmapped: [String]) {
        var files: [SchemaCheck] = []
        var unmapped: [String] = []
        let manager = FileManager.default
        let top = try manager.contentsOfDirectory(atPath: content.path)
        let sections = try manager.contentsOfDirectory(atPath: content.appendingPathComponent("sections").path).map { "sections/\($0)" }
        let locales = ((try? manager.contentsOfDirectory(atPath: content.appendingPathComponent("locales").path)) ?? []).map { "locales/\($0)" }
        for relative in (top + sections + locales).sorted() where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            if let name = schemaName(for: relative) {
                files.append((content.appendingPathComponent(relative), schema(name, in: content)))
            } else {
                unmapped.append(relative)
            }
        }
        return (files, unmapped)
    }

    /// Checks each file against its schema with draft 2020-12 and format checking. Prints one
    /// `file: path/in/document: message` line per problem; exits 0 valid, 1 invalid, 2 could not run.
    static let validator = #"""
        import json, sys
        try:
            import yaml
            from jsonschema import Draft202012Validator, FormatChecker
        except ImportError as error:
            print(f"cannot run: {error}")
            sys.exit(2)
        failed = False
        arguments = sys.argv[1:]
        for schema_path, path in zip(arguments[0::2], arguments[1::2]):
            try:
                with open(schema_path, encoding="utf-8") as file:
                    schema = json.load(file)
                Draft202012Validator.check_schema(schema)
            except Exception as error:
                print(f"{schema_path}: not a valid draft 2020-12 schema: {error}")
                sys.exit(2)
            validator = Draft202012Validator(schema, format_checker=FormatChecker())
            try:
                with open(path, encoding="utf-8") as file:
                    document = yaml.safe_load(file)
            except Exception as error:
                print(f"{path}: cannot read as YAML: {error}")
                failed = True
                continue
            errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
            for error in errors:
                where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
                print(f"{path}: {where}: {error.message}")
            failed = failed or bool(errors)
        sys.exit(1 if failed else 0)
        """#

    /// Runs the validator over `files`; stdout and stderr together, so a Python traceback shows too.
    /// On a thread of its own: waiting for the child on one of the few shared concurrency threads
    /// would hold up the timing-sensitive suites that run beside this one.
    static func validate(_ files: [SchemaCheck]) async throws -> (status: Int32, output: String) {
        let paths = files.map { ($0.file, $0.schema) }
        return try await onOwnThread { try runValidator(paths.map { (file: $0.0, schema: $0.1) }) }
    }

    static func runValidator(_ files: [SchemaCheck]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", validator] + files.flatMap { [$0.schema.path, $0.file.path] }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
