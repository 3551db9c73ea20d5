import Foundation
import Testing

/// The original guide's defects, as the source PDF had them (Tests/Fixtures/seed-defects), are
/// each reported at their line; the corrected guide in Content/ has no findings at all.
@Suite struct SeedDefectsTests {
    static let expected = [
        "seed-defects/links.yaml:13:10: error: ‘http://1688.com’ is not encrypted: use https [https-only]",
        "seed-defects/links.yaml:16:10: error: ‘http://global.1688.com’ is not encrypted: use https [https-only]",
        "seed-defects/links.yaml:22:10: error: ‘http://global1688.com’ is not encrypted: use https [https-only]",
        "seed-defects/links.yaml:22:17: error: the host ‘global1688.com’ looks like ‘global.1688.com’ (a missing dot): did you mean ‘global.1688.com’? [near-miss-host]",
        "seed-defects/sections/authorise-worldfirst.yaml:22:11: error: the text starts with the typed number ‘1’, but this is step 4A.3: remove it, numbers come from the order of the items [typed-step-number]",
        "seed-defects/sections/order-on-1688.yaml:5:8: warning: this sentence is English: write it in Turkish, or mark screen text as a UI label, [text](ui:en) [english-text]",
        "seed-defects/sections/order-on-1688.yaml:24:42: error: the host ‘global1688.com’ looks like ‘global.1688.com’ (a missing dot): did you mean ‘global.1688.com’? [near-miss-host]",
        "seed-defects/sections/order-on-1688.yaml:24:74: warning: this suffix is joined with ' (U+0027) but the guide uses ’ (U+2019) (13 times): write ’ [apostrophe-style]",
        "seed-defects/sections/order-on-1688.yaml:27:95: warning: this suffix is joined with ' (U+0027) but the guide uses ’ (U+2019) (13 times): write ’ [apostrophe-style]",
        "seed-defects/sections/pay-on-1688.yaml:24:11: warning: ‘%0.8’ has a decimal point: write ‘%0,8’, or mark it so every locale formats it: [0.8](percent:) [turkish-number-format]",
        "seed-defects/sections/top-up-world-account.yaml:41:13: error: ‘HKD’ is already in this list (line 30): remove this one [duplicate-list-item]",
    ]

    @Test func seedDefectsAreEachReportedAtTheirLine() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.fixture("seed-defects"), as: "seed-defects")
        let result = try runGuidegen(["validate", "--content", "seed-defects"], in: directory.url)
        #expect(result.status == 1)
        let headers = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("seed-defects/") }
        #expect(headers == Self.expected)
        #expect(result.stdout.hasSuffix("7 errors, 4 warnings, 0 notes\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func theCorrectedGuideHasNoFindings() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.copy(Repository.content, as: "Content")
        let result = try runGuidegen(["validate"], in: directory.url)
        #expect(result.stdout == "no problems found\n")
        #expect(result.stderr.isEmpty)
        #expect(result.status == 0)
    }
}
