import GuideKit
import Testing

/// The seed's screenshots were lost with the PDF, but the model carries them.
@Suite struct ScreenshotModelTests {
    @Test func stepCarriesAScreenshotWithTranslatableAltText() throws {
        let section = MinimalGuide.section + """

                screenshot:
                  file: alipay/verify-now.png
                  alt: “现在去认证” düğmesi vurgulanmış Alipay ekranı
            """
        let (result, _) = try load(tree: MinimalGuide.tree(section: section))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let screenshot = try #require(result.guide?.sections.first?.steps.first?.screenshot)
        #expect(screenshot.file.value == "alipay/verify-now.png")
        #expect(screenshot.alt.key == "first.steps.visit.screenshot.alt")
        #expect(result.guide?.texts.contains(screenshot.alt) == true)
    }

    @Test func screenshotPathMayNotLeaveTheMediaFolder() throws {
        let section = MinimalGuide.section + "\n    screenshot: {file: ../../etc/passwd, alt: Ekran}"
        let (result, _) = try load(tree: MinimalGuide.tree(section: section))
        #expect(result.diagnostics.map(\.id) == ["invalid-path"])
    }
}
