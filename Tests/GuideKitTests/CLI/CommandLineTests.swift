import Foundation
import Testing

/// The CLI's contract: exit codes, help and version, run on the real binary.
@Suite struct CommandLineTests {
    @Test func validateExitsZeroOnTheRealContent() throws {
        let result = try runGuidegen(["validate", "--content", Repository.content.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func validateExitsOneWithLocatedErrors() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree(section: MinimalGuide.section.replacingOccurrences(of: "steps:", with: "stpes:")))
        let relative = try runGuidegen(["validate", "--content", "."], in: directory.url)
        #expect(relative.status == 1)
        #expect(relative.stdout.contains("sections/first.yaml:4:1: error: unknown field ‘stpes’ in section: did you mean ‘steps’? [unknown-field]"), "\(relative.stdout)")
        #expect(relative.stdout.contains("    stpes:\n    ^\n"))
        #expect(relative.stdout.range(of: #"\n\d+ errors?, \d+ warnings?, \d+ notes?\n$"#, options: .regularExpression) != nil)
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownOption = try runGuidegen(["validate", "--bogus"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Unknown option '--bogus'"))
        let missingFolder = try runGuidegen(["validate", "--content", "/nonexistent-guidegen-folder"])
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.contains("no content folder"))
    }

    @Test func helpAndVersion() throws {
        let help = try runGuidegen(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes: 0 no errors"))
        #expect(help.stdout.contains("validate"))
        let version = try runGuidegen(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    /// Options that take one of a list of words name every word in their help and in shell
    /// completion, and refuse any other word, listing the ones they take.
    @Test(arguments: [(["build"], "html, markdown, checklist"), (["validate"], "text, json, sarif, github"), (["rules"], "text, json, markdown"),
                      (["l10n", "status"], "text, json"), (["l10n", "export"], "xliff")])
    func choiceOptionsListTheirValues(command: [String], values: String) throws {
        let help = try runGuidegen(command + ["--help"])
        #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
            .contains("(values: \(values)"), "\(help.stdout)")
        let wrong = try runGuidegen(command + ["--format", "nonsense"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("The value 'nonsense' is invalid"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("'\(values.components(separatedBy: ", ").last!)'"), "\(wrong.stderr)")
        let completion = try runGuidegen(["--generate-completion-script", "bash"])
        for value in values.components(separatedBy: ", ") {
            #expect(completion.stdout.contains(value), "\(value)")
        }
    }
}

/// `guidegen validate` checks the output folder beside the content folder, not the current one's.
@Suite struct DefaultOutputFolderTests {
    @Test func aFixtureValidatedFromTheRepositoryRootIgnoresTheRepositorysOutput() throws {
        let result = try runGuidegen(["validate", "--content", "Tests/Fixtures/seed-defects"], in: Repository.root)
        #expect(!result.stdout.contains("[rendered-links]"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("7 errors, 4 warnings, 0 notes\n"), "\(result.stdout)")
    }

    @Test func contentGivenAsTheCurrentFolderFindsTheOutputBesideIt() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree().replacingOccurrences(of: "-- ", with: "-- Content/").replacingOccurrences(of: "Content/-- ", with: "-- "))
        try directory.write("Output/html/tr/first.html", Data("<!doctype html><a href=\"gone.html\">x</a>".utf8))
        let result = try runGuidegen(["validate", "--content", "."], in: directory.url.appendingPathComponent("Content"))
        #expect(result.stdout.contains("../Output/html/tr/first.html"), "\(result.stdout)\(result.stderr)")
        #expect(result.status == 1)
    }
}
