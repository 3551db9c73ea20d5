import Foundation
import GuideKit
import Testing
import Yams

/// Catalog values written by guidegen read back as exactly the same text.
@Suite struct YAMLScalarTests {
    @Test(arguments: [
        "Visit the website", "To use the website in English:", "yes", "null", "123", "0.8", "- item", "# not a comment", "a: b", "a #b",
        "[1688.com](link:1688-home) is the site", "‘[Cross-border treasure](ui:en)’", "“quoted”", "\"quoted\"", "back\\slash", "tab\there",
        "two\nlines", " leading space", "trailing space ", "", "%0,8", "@mention", "`code`", "~", "{list} items", "* star", "? question", "! tag", "& anchor",
        "العربية", "现在去认证", "\u{0007}bell",
    ])
    func roundTrip(_ value: String) throws {
        let yaml = "text: " + YAMLScalar.encode(value) + "\n"
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["text"]?.string == value, "\(yaml)")
        if value.contains("\n") || value.isEmpty || value == "yes" || value == "123" { #expect(YAMLScalar.encode(value).hasPrefix("\"")) }
    }

    @Test func plainWhenPlainIsSafe() {
        #expect(YAMLScalar.encode("Visit the website") == "Visit the website")
        #expect(YAMLScalar.encode("Pay with World Pay on [1688.com](link:1688-home)") == "Pay with World Pay on [1688.com](link:1688-home)")
        #expect(YAMLScalar.encode("[1688.com](link:1688-home)") == "\"[1688.com](link:1688-home)\"")
    }
}
