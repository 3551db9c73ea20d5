@testable import GuideKit

extension ContentText {
    /// A step's text with `value`, from a section file that is not read: what a rule's text
    /// scanning needs, without loading a guide.
    static func example(_ value: String) -> ContentText {
        let origin = TextOrigin(start: SourceLocation(file: "sections/example.yaml", line: 1, column: 1), style: .plain, file: nil)
        return ContentText(SourceText(value, key: "example.title", origin: origin), role: .stepText)
    }
}
