@testable import GuideKit
import Testing

/// `CompatibilityCharacterRule` reads each text's UTF-8 bytes and decodes only the bytes that are
/// not ASCII: each finding must still be at its scalar, whatever the lengths before it.
@Suite struct CompatibilityCharacterRuleTests {
    @Test func eachCompatibilityCharacterIsFoundAtItsScalar() async throws {
        // Two- (µ, ĳ, decided once and then looked up), three- (ﬁ) and four-byte (𝐀) scalars
        // after Turkish letters, and the typographic ones the rule lets pass (…, ²).
        let text = "\"1️⃣µ ve 2️⃣µ, çığ 3️⃣ĳ; 4️⃣𝐀 ile 5️⃣ﬁ… ² ş\""
        let run = try await RuleExampleRun(.triggers(RuleExample.section("example", label: "\"1\"", text: text)))
        let findings = run.findings(of: "compatibility-character")
        #expect(Set(findings.map(run.position)) == run.expected)
        #expect(findings.map { $0.fix?.replacement } == ["μ", "μ", "ij", "A", "fi"])
    }
}
