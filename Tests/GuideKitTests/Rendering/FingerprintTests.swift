import GuideKit
import Testing

extension RenderingTests {
    @Suite struct FingerprintTests {
        @Test(arguments: [
            ("", "cbf29ce484222325"),
            ("a", "af63dc4c8601ec8c"),
            ("foobar", "85944171f73967e8"),
            // The fingerprint the English catalog records for the guide's Turkish title.
            ("1688.com uluslararası alıcı rehberi", "56e185e9b169f4b2"),
            ("text 5800", "003f4a8fe60f8557"),  // leading zeros are kept
        ])
        func knownVectors(text: String, expected: String) {
            #expect(Fingerprint.of(text) == expected)
        }

        @Test func hashesUTF8BytesNotCharacters() {
            // "ı" is two UTF-8 bytes; a hash over scalars or UTF-16 would differ.
            #expect(Fingerprint.of("ı") != Fingerprint.of("i"))
            #expect(Fingerprint.of("ı").count == 16)
        }

        /// `matches` says what comparing with `of` says, for the same and other texts and for
        /// fingerprints that are not written the way `of` writes them.
        @Test(arguments: ["", "a", "1688.com uluslararası alıcı rehberi", "ı"])
        func matchesIsComparingWithOf(text: String) {
            let fingerprint = Fingerprint.of(text)
            #expect(Fingerprint.matches(fingerprint, text))
            #expect(!Fingerprint.matches(fingerprint, text + " "))
            #expect(!Fingerprint.matches(fingerprint.uppercased(), text) || fingerprint == fingerprint.uppercased())
            #expect(!Fingerprint.matches("+" + fingerprint.dropFirst(), text))
            #expect(!Fingerprint.matches(String(fingerprint.dropFirst()), text))
        }

        @Test(arguments: [("af63dc4c8601ec8c", true), ("AF63DC4C8601EC8C", false), ("af63dc4c8601ec8", false), ("zf63dc4c8601ec8c", false)])
        func wellFormed(value: String, expected: Bool) {
            #expect(Fingerprint.isWellFormed(value) == expected)
        }
    }
}
