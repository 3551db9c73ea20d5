import Foundation
import GuideKit
import Testing

extension RenderingTests {
    @Suite struct ScreenshotTests {
        /// The first bytes of a PNG of 640 × 360 pixels: enough for guidegen, which copies the file
        /// and reads its size from the header.
        static var png: Data {
            var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            bytes += Array("IHDR".utf8) + [0, 0, 0x02, 0x80, 0, 0, 0x01, 0x68, 8, 6, 0, 0, 0]
            return Data(bytes)
        }

        func tree(file: String = "screens/verify now.png") -> String {
            guideTree(steps: """
                  - id: verify
                    kind: action
                    text: Doğrulayın
                    screenshot:
                      file: \(file)
                      alt: "Doğrulama ekranı: ‘现在去认证’ düğmesi"
                """, extra: """
                -- content/locales/en.yaml --
                locale: en
                name: English
                entries:
                  first.steps.verify.screenshot.alt:
                    source: \(Fingerprint.of("Doğrulama ekranı: ‘现在去认证’ düğmesi"))
                    text: "The verification screen with the ‘现在去认证’ button"
                """)
        }

        @Test func aScreenshotIsAFigureWithLocalisedAltTextCopiedIntoTheAssets() async throws {
            let directory = try TemporaryDirectory()
            try directory.write(tree: tree())
            try directory.write("content/media/screens/verify now.png", Self.png)
            let result = try await guidegen(["build", "--content", "content"], in: directory.url)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let output = snapshot(of: directory.url.appendingPathComponent("Output"))
            #expect(output["html/assets/media/screens/verify now.png"] == Self.png)
            #expect(output["markdown/assets/media/screens/verify now.png"] == Self.png)

            let english = String(decoding: output["html/en/first.html"] ?? Data(), as: UTF8.self)
            #expect(english.contains("""
                <figure class="screenshot">
                <img src="../assets/media/screens/verify%20now.png" alt="The verification screen with the ‘现在去认证’ button" width="640" height="360" loading="lazy">
                </figure>
                """))
            let turkish = String(decoding: output["html/tr/first.html"] ?? Data(), as: UTF8.self)
            #expect(turkish.contains(#"alt="Doğrulama ekranı: ‘现在去认证’ düğmesi""#))
            let markdown = String(decoding: output["markdown/en/first.md"] ?? Data(), as: UTF8.self)
            #expect(markdown.contains("![The verification screen with the ‘现在去认证’ button](../assets/media/screens/verify%20now.png)"))
            let checklist = String(decoding: output["checklists/en.txt"] ?? Data(), as: UTF8.self)
            #expect(!checklist.contains("verification screen"))
            #expect(!checklist.contains(".png"))
        }

        @Test func aMissingScreenshotIsAnErrorAtItsFileField() async throws {
            let (loaded, _, _) = try await render(tree: tree(file: "nothing.png"))
            let diagnostic = try #require(loaded.diagnostics.first { $0.id == "missing-media" })
            #expect(diagnostic.location.line == 9)
            #expect(loaded.renderer == nil)
        }

        @Test func aScreenshotThatIsNotAnImageIsRefused() async throws {
            let (loaded, _, directory) = try await render(tree: tree(file: "page.html"))
            _ = directory
            #expect(loaded.diagnostics.ids.contains("invalid-media"))
        }
    }
}
