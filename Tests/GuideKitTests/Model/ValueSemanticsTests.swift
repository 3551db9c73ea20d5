import Testing
@testable import GuideKit

/// `Section` and `Step` keep their fields in one shared object (`ValueBox`) so that a copy is one
/// retain: they must still behave as values, a changed copy never reaching the original.
@Suite struct ValueSemanticsTests {
    static func text(_ value: String, key: String) -> SourceText {
        SourceText(value, key: key, origin: TextOrigin(start: SourceLocation(file: "sections/a.yaml", line: 1, column: 1), style: .plain, file: nil))
    }

    static func located(_ value: String) -> Located<String> { Located(value, at: SourceLocation(file: "sections/a.yaml", line: 2, column: 3)) }

    static func step(_ id: String) -> Step {
        Step(id: located(id), kind: .action, text: text("Hesabınızı doğrulayın", key: "a.steps.\(id).text"),
             notes: [Note(id: located("n"), kind: .tip, text: text("İpucu", key: "a.steps.\(id).notes.n"))], links: [located("alipay-home")])
    }

    static func section() -> Section {
        Section(id: located("a"), label: located("1"), title: text("Alipay hesabı", key: "a.title"), requires: [located("b")],
                steps: [step("open"), step("verify")], file: "sections/a.yaml")
    }

    @Test func aChangedStepCopyLeavesTheOriginal() {
        let original = Self.step("open")
        var copy = original
        copy.notes = []
        copy.kind = .result
        copy.links.append(Self.located("worldfirst-home"))
        #expect(original.notes.map(\.id.value) == ["n"])
        #expect(original.kind == .action)
        #expect(original.links.map(\.value) == ["alipay-home"])
        #expect(copy.notes.isEmpty && copy.kind == .result && copy.links.map(\.value) == ["alipay-home", "worldfirst-home"])
        #expect(copy != original)
    }

    @Test func aStepChangedInsideACopiedSectionLeavesTheOriginal() {
        let original = Self.section()
        var copy = original
        copy.steps[1].notes = []
        copy.steps[0].text = Self.text("Uygulamayı açın", key: "a.steps.open.text")
        copy.requires = []
        #expect(original.steps.map { $0.notes.count } == [1, 1])
        #expect(original.steps[0].text.value == "Hesabınızı doğrulayın")
        #expect(original.requires.map(\.value) == ["b"])
        #expect(copy.steps.map { $0.notes.count } == [1, 0])
        #expect(copy.steps[0].text.value == "Uygulamayı açın")
    }

    @Test func equalityAndHashingAreOfTheFields() {
        // Built apart, so each holds a box of its own: equal by their fields, not by identity.
        let one = Self.section(), other = Self.section()
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(Set([one, other]).count == 1)
        var changed = one
        changed.file = "sections/b.yaml"
        #expect(changed != one)
        changed.file = "sections/a.yaml"
        #expect(changed == one)
        #expect(changed.hashValue == one.hashValue)
    }
}
