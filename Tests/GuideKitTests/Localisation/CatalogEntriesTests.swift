import GuideKit
import Testing

@Suite struct CatalogEntriesTests {
    static let catalog = """
        locale: en
        name: English
        entries:
          zeta.title:
            source: 0123456789abcdef
            text: Last in the alphabet
          alpha.title:
            source: fedcba9876543210
            text: First in the alphabet
          mid.title:
            source: 00000000000000ff
            text: In between
        """

    /// The entries keep the file's order (not the keys' order) and each is found by its key.
    @Test func entriesKeepFileOrderAndAreFoundByKey() throws {
        let (catalog, diagnostics) = CatalogLoader.parse(Self.catalog, displayPath: "en.yaml", expectedLocale: "en")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let entries = try #require(catalog?.entries)
        #expect(entries.keys == ["zeta.title", "alpha.title", "mid.title"])
        #expect(entries.map(\.text.value) == ["Last in the alphabet", "First in the alphabet", "In between"])
        #expect(entries["alpha.title"]?.source.value == "fedcba9876543210")
        #expect(entries["mid.title"]?.text.value == "In between")
        #expect(entries["missing.title"] == nil)
    }
}
