/// Which link destinations guidegen publishes.
public enum URLPolicy {
    /// A registry URL: `https://` and no characters that would need escaping to stay one token.
    public static func isAllowedRegistryURL(_ url: String) -> Bool {
        // On the bytes: a clean URL is printable ASCII, so its characters are its bytes and its
        // lower case is their ASCII lower case (a lower-cased copy and a count of the characters
        // were most of what rendering a registry link cost).
        url.withBytes { bytes in isClean(bytes) && bytes.count > "https://".utf8.count && bytes.hasASCIIPrefixIgnoringCase("https://") }
    }

    /// A destination written in text: https, mailto: or tel:.
    public static func isAllowedInlineURL(_ url: String) -> Bool {
        url.withBytes { bytes in
            isClean(bytes) && (bytes.hasASCIIPrefixIgnoringCase("https://") || bytes.hasASCIIPrefixIgnoringCase("mailto:") || bytes.hasASCIIPrefixIgnoringCase("tel:"))
        }
    }

    /// Printable ASCII only (anything else is percent-encoded in a URL), and none of the
    /// characters that would end an attribute or a Markdown destination or hide in one: no spaces,
    /// control or format characters (bidi overrides), quotes, angle brackets, backticks or backslashes.
    /// Checked on the UTF-8 bytes (a scalar outside ASCII has no byte in 0x21...0x7E): a check of
    /// every scalar against a string was 1 % of a build, which asks this of every link it renders.
    static func isClean(_ url: String) -> Bool {
        url.withBytes(isClean)
    }

    /// `isClean` of a URL's UTF-8 bytes.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { byte in
            (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "\\")
        }
    }

    /// Whether a link's text already shows its URL (`1688.com` for `https://1688.com`), so the URL
    /// need not be printed again after it.
    public static func textShowsURL(_ text: String, _ url: String) -> Bool {
        // Both ASCII (as nearly every link's are): the same comparison on bytes, where lower-casing
        // two strings by Unicode's rules was half of rendering a link.
        text.withBytes { text in url.withBytes { url in asciiTextShowsURL(text, url) } } ?? textShowsURLByCharacters(text, url)
    }

    /// `textShowsURL` by Unicode's lower case and characters, for any text.
    static func textShowsURLByCharacters(_ text: String, _ url: String) -> Bool {
        func normalise(_ value: String) -> String {
            var value = value.lowercased()
            for prefix in ["https://", "http://", "www."] where value.hasPrefix(prefix) { value.removeFirst(prefix.count) }
            while value.hasSuffix("/") { value.removeLast() }
            return value
        }
        return normalise(text) == normalise(url)
    }

    /// `textShowsURL` of two ASCII texts, or nil when either is not ASCII. An ASCII URL is not
    /// shown by a text with a character beyond ASCII either (most link texts are words), as long
    /// as neither lower-casing nor canonical equivalence makes that character ASCII: only the
    /// Kelvin sign (U+212A, `k` in lower case and `K` canonically), the Greek question mark
    /// (U+037E, `;`) and the Greek varia (U+1FEF, a backtick) do, and those go the long way.
    static func asciiTextShowsURL(_ text: UnsafeBufferPointer<UInt8>, _ url: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard url.allSatisfy({ $0 < 0x80 }) else { return nil }
        if !text.allSatisfy({ $0 < 0x80 }) {
            // U+212A is E2 84 AA, U+037E is CD BE and U+1FEF is E1 BF AF in UTF-8.
            let mayBeASCII = (0..<text.count).contains { index in
                text[index] == 0xE2 && index + 2 < text.count && text[index + 1] == 0x84 && text[index + 2] == 0xAA
                    || text[index] == 0xCD && index + 1 < text.count && text[index + 1] == 0xBE
                    || text[index] == 0xE1 && index + 2 < text.count && text[index + 1] == 0xBF && text[index + 2] == 0xAF
            }
            return mayBeASCII ? nil : false
        }
        // The part `normalise` keeps: after `https://`, `http://` and then `www.`, before any
        // trailing slashes.
        func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            var start = 0
            for prefix: StaticString in ["https://", "http://", "www."] where bytes.hasASCIIPrefixIgnoringCase(prefix, at: start) {
                start += prefix.utf8CodeUnitCount
            }
            var end = bytes.count
            while end > start, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            return start..<end
        }
        let a = kept(text), b = kept(url)
        return a.count == b.count && zip(a, b).allSatisfy { text[$0].lowercasedASCII == url[$1].lowercasedASCII }
    }
}
