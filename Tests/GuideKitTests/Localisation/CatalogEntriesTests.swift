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

    /// `position(of:)`, `text(at:)` and `state(at:of:)`, which read an entry without copying it,
    /// find the same entry as the key look-up.
    @Test func anEntryIsReadInPlaceAtItsPosition() throws {
        let entries = try #require(CatalogLoader.parse(Self.catalog, displayPath: "en.yaml", expectedLocale: "en").catalog?.entries)
        for key in ["zeta.title", "alpha.title", "mid.title"] {
            let position = try #require(entries.position(of: key))
            #expect(entries[position].key.value == key)
            #expect(entries.text(at: position) == entries[key]?.text)
        }
        #expect(entries.position(of: "alpha.title") == 1)
        #expect(entries.position(of: "missing.title") == nil)
    }

    /// A hint is only tried: right, wrong, out of range or for a missing key, the position found
    /// is the key's.
    @Test func aHintedLookUpFindsTheKeysPosition() throws {
        let entries = try #require(CatalogLoader.parse(Self.catalog, displayPath: "en.yaml", expectedLocale: "en").catalog?.entries)
        for key in ["zeta.title", "alpha.title", "mid.title", "missing.title", ""] {
            for hint in [-1, 0, 1, 2, 3, 100] {
                #expect(entries.position(of: key, hint: hint) == entries.position(of: key), "\(key) at \(hint)")
            }
        }
    }
}

extension CatalogEntriesTests {
    /// An entry is empty when its text is blank: the first-byte shortcut agrees with the check
    /// of every character.
    @Test(arguments: ["", " ", "\t\n", "\u{A0}", "\u{3000}", "\u{2028}", " \u{301}", "a", " a", "Ödeme", "\u{3000}x", "~", "\u{7F}", "1"])
    func anEntryIsEmptyWhenItsTextIsBlank(text: String) {
        let location = SourceLocation(file: "en.yaml", line: 1, column: 1)
        let entry = Catalog.Entry(key: Located("k", at: location), source: Located("0123456789abcdef", at: location),
                                  text: SourceText(text, key: "k", origin: TextOrigin(start: location, style: .plain, file: nil)))
        #expect(entry.isEmpty == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
    }
}

extension CatalogEntriesTests {
    /// A source text keeps the number its fingerprint writes, and an entry the number its
    /// `source` writes, each kept up to date when the text or the fingerprint changes: the
    /// translation state compares the two.
    @Test func textsAndEntriesKeepTheirFingerprintsAsNumbers() throws {
        let location = SourceLocation(file: "en.yaml", line: 1, column: 1)
        var source = SourceText("Küçük rehber", key: "guide.title", origin: TextOrigin(start: location, style: .plain, file: nil))
        #expect(source.fingerprint == Fingerprint.number(Fingerprint.of("Küçük rehber")))
        var entry = Catalog.Entry(key: Located("guide.title", at: location), source: Located(Fingerprint.of("Küçük rehber"), at: location),
                                  text: SourceText("Small guide", key: "guide.title", origin: TextOrigin(start: location, style: .plain, file: nil)))
        #expect(entry.sourceNumber == source.fingerprint)

        source = source.withValue("Büyük rehber")
        #expect(source.fingerprint == Fingerprint.number(Fingerprint.of("Büyük rehber")))
        #expect(entry.sourceNumber != source.fingerprint)
        entry.source = Located(Fingerprint.of("Büyük rehber"), at: location)
        #expect(entry.sourceNumber == source.fingerprint)
        entry.source = Located("not a fingerprint", at: location)
        #expect(entry.sourceNumber == nil)
        #expect(Fingerprint.number("AF63DC4C8601EC8C") == nil)
        #expect(Fingerprint.number("af63dc4c8601ec8c") == Fingerprint.hash("a"))
    }

    /// The number a fingerprint writes is what the standard library reads from its hex digits,
    /// for well-formed fingerprints only (16 lower-case hex digits), the largest included.
    @Test func aFingerprintsNumberIsItsHexDigitsRead() {
        var generator = RenderingTests.PropertyTests.Generator(state: 16)
        let characters = Array("0123456789abcdefABCDEFg +-x")
        var wellFormed = 0
        for _ in 0..<3_000 {
            let text = String((0..<generator.int(14...17)).map { _ in generator.next() % 4 == 0 ? generator.pick(characters) : generator.pick(Array("0123456789abcdef")) })
            let expected = Fingerprint.isWellFormed(text) ? UInt64(text, radix: 16) : nil
            if expected != nil { wellFormed += 1 }
            #expect(Fingerprint.number(text) == expected, "\(text)")
        }
        #expect(wellFormed > 100)
        #expect(Fingerprint.number("ffffffffffffffff") == .max && Fingerprint.number("0000000000000000") == 0)
    }
}
