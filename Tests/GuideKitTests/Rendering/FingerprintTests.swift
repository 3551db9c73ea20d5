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

        /// The number a fingerprint writes is the text's hash, and a fingerprint not written the
        /// way `of` writes it has none: comparing the numbers says what comparing with `of` says.
        @Test(arguments: ["", "a", "1688.com uluslararası alıcı rehberi", "ı"])
        func theNumberAFingerprintWritesIsTheHash(text: String) {
            let fingerprint = Fingerprint.of(text)
            #expect(Fingerprint.number(fingerprint) == Fingerprint.hash(text))
            #expect(Fingerprint.number(fingerprint) != Fingerprint.hash(text + " "))
            #expect(Fingerprint.number(fingerprint.uppercased()) == nil || fingerprint == fingerprint.uppercased())
            #expect(Fingerprint.number("+" + fingerprint.dropFirst()) == nil)
            #expect(Fingerprint.number(String(fingerprint.dropFirst())) == nil)
        }

        @Test(arguments: [("af63dc4c8601ec8c", true), ("AF63DC4C8601EC8C", false), ("af63dc4c8601ec8", false), ("zf63dc4c8601ec8c", false)])
        func wellFormed(value: String, expected: Bool) {
            #expect(Fingerprint.isWellFormed(value) == expected)
        }
    }
}
