/// Which link destinations guidegen publishes.
public enum URLPolicy {
    /// A registry URL: `https://` and no characters that would need escaping to stay one token.
    public static func isAllowedRegistryURL(_ url: String) -> Bool {
        url.lowercased().hasPrefix("https://") && url.count > "https://".count && isClean(url)
    }

    /// A destination written in text: https, mailto: or tel:.
    public static func isAllowedInlineURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:")) && isClean(url)
    }

    /// Printable ASCII only (anything else is percent-encoded in a URL), and none of the
    /// characters that would end an attribute or a Markdown destination or hide in one: no spaces,
    /// control or format characters (bidi overrides), quotes, angle brackets, backticks or backslashes.
    /// Checked on the UTF-8 bytes (a scalar outside ASCII has no byte in 0x21...0x7E): a check of
    /// every scalar against a string was 1 % of a build, which asks this of every link it renders.
    static func isClean(_ url: String) -> Bool {
        url.withBytes { bytes in
            bytes.allSatisfy { byte in
                (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                    && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "\\")
            }
        }
    }

    /// Whether a link's text already shows its URL (`1688.com` for `https://1688.com`), so the URL
    /// need not be printed again after it.
    public static func textShowsURL(_ text: String, _ url: String) -> Bool {
        func normalise(_ value: String) -> String {
            var value = value.lowercased()
            for prefix in ["https://", "http://", "www."] where value.hasPrefix(prefix) { value.removeFirst(prefix.count) }
            while value.hasSuffix("/") { value.removeLast() }
            return value
        }
        return normalise(text) == normalise(url)
    }
}
