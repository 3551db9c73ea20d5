@testable import GuideKit
import Testing

@Suite struct SourceFileTests {
    /// Lines end at LF, CR LF and a lone CR, empty lines and a last empty line kept, with
    /// multi-byte letters right before a break.
    @Test(arguments: [
        ("a\nb", ["a", "b"]),
        ("a\r\nb\r\n", ["a", "b", ""]),
        ("a\rb\r", ["a", "b", ""]),
        ("\n\n", ["", "", ""]),
        ("ş\r\r\nğ\n\r\nç", ["ş", "", "ğ", "", "ç"]),
        ("", [""]),
        ("tek satır 中文", ["tek satır 中文"]),
    ])
    func linesSplitAtEveryKindOfLineBreak(text: String, expected: [String]) {
        let file = SourceFile(path: "x.yaml", text: text)
        #expect(Array(file.lines) == expected)
        #expect(file.line(expected.count) == expected.last)
        #expect(file.line(expected.count + 1) == nil)
        #expect(file.line(0) == nil)
    }
}

extension SourceFileTests {
    /// The byte search finds text at the start, the end, across lines and after partial matches,
    /// and nothing that is not there.
    @Test func containsFindsTextAnywhereInTheBytes() {
        let file = SourceFile(path: "x.yaml", text: "ğğguidegen-ign\n# guidegen-ignore: x\nson")
        for present in ["ğğ", "guidegen-ignore:", "ign\n#", "son", "\n", "ğğguidegen-ign\n# guidegen-ignore: x\nson"] {
            #expect(file.contains(present), "\(present.debugDescription)")
        }
        for absent in ["guidegen-ignore: y", "sonn", "ğğğ", "x\nsonx", "İ"] {
            #expect(!file.contains(absent), "\(absent.debugDescription)")
        }
        #expect(!SourceFile(path: "e.yaml", text: "").contains("a"))
    }
}

extension SourceFileTests {
    /// Files without a CR are split with `memchr`: on seeded random texts the lines start where
    /// the byte-by-byte split starts them.
    @Test func theLineFeedOnlySplitMatchesTheByteLoop() {
        var generator = RenderingTests.PropertyTests.Generator(state: 88)
        let pieces = ["a", "ş", "中", "\n", "\n\n", " ", "key: value", "\r", "\r\n"]
        var lineFeedOnly = 0
        for _ in 0..<2_000 {
            let bytes = Array((0..<generator.int(0...12)).map { _ in generator.pick(pieces) }.joined().utf8)
            var expected: [UInt32] = []
            bytes.enumerateLines { expected.append(UInt32($0.lowerBound)) }
            if !bytes.contains(0x0D) { lineFeedOnly += 1 }
            #expect(bytes.withUnsafeBufferPointer { $0.lineStarts() } == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        #expect(lineFeedOnly > 200, "\(lineFeedOnly) texts without a CR")
    }
}

extension SourceFileTests {
    /// `containsByte` answers as `utf8.contains` does, for small and large strings and the empty one.
    @Test(arguments: ["", "{", "a{b", "şğ{", "中文", "no brace", "1.500,5", "şu 2 adım", String(repeating: "x", count: 40) + "{"])
    func containsByteAgreesWithTheUTF8View(text: String) {
        for byte in [UInt8(ascii: "{"), UInt8(ascii: "x"), 0xC5, 0x00] {
            #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
        }
        // Ranges of many bytes, of bytes beyond ASCII, of one byte, and at both ends of UInt8.
        for range: ClosedRange<UInt8> in [UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF, UInt8(ascii: "{")...UInt8(ascii: "{"), 0x00...0x1F, 0xC5...0xC5] {
            #expect(text.containsByte(in: range) == text.utf8.contains { range.contains($0) }, "\(text.debugDescription) \(range)")
        }
    }
}

extension SourceFileTests {
    /// The kinds of bytes a text keeps are the kinds its UTF-8 has, also in a text made from
    /// another with a new value, which keeps the other's key and origin.
    @Test(arguments: ["", "{", "a{b", "şğ{", "中文", "no brace", "1.500,5", "şu 2 adım", String(repeating: "x", count: 40) + "9",
                      "a/b", "www", "Wall", "&amp;", "v", "ẃ", String(repeating: "x", count: 40) + "W", "a.b", "Son.", "…", "a*b", "a\tb", "[x](y)",
                      "\u{7F}", "~", "a # b", "a\nb", "\u{85}", "😀", "\u{E000}"])
    func aTextKeepsTheKindsOfItsBytes(text: String) {
        let expected = (text.utf8.contains { (0x30...0x39).contains($0) } ? ByteClasses.digit : [])
            .union(text.utf8.contains(UInt8(ascii: "{")) ? .openingBrace : [])
            .union(text.utf8.contains { $0 >= 0x80 } ? .nonASCII : [])
            .union(text.utf8.contains { "/wW&".utf8.contains($0) } ? .urlByte : [])
            .union(text.utf8.contains { "./&".utf8.contains($0) } ? .hostByte : [])
            .union(text.utf8.contains { "\\`*_[]<>&~".utf8.contains($0) || $0 < 0x20 || $0 == 0x7F } ? .plainStop : [])
            .union(text.utf8.contains { "&<>".utf8.contains($0) || $0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0) || $0 == 0x7F } ? .htmlStop : [])
            .union(text.utf8.contains { "\\`*_[]<>&#+-=~!".utf8.contains($0) || $0 < 0x20 && $0 != 0x09 || $0 == 0x7F } ? .markdownStop : [])
            .union(text.utf8.contains { $0 < 0x20 || $0 == 0x7F } ? .controlByte : [])
            .union(text.utf8.contains { [0xC2, 0xE2, 0xEE, 0xEF].contains($0) || $0 >= 0xF0 } ? .droppableLead : [])
        #expect(ByteClasses(of: text) == expected, "\(text.debugDescription)")
        let origin = TextOrigin(start: SourceLocation(file: "a.yaml", line: 1, column: 1), style: .plain, file: nil)
        let source = SourceText("", key: "a", origin: origin)
        #expect(source.bytes == [])
        let changed = source.withValue(text)
        #expect(changed.bytes == expected)
        #expect(changed.key == source.key && changed.origin == source.origin)
    }
}

extension SourceFileTests {
    /// `replacingPlaceholder` gives what Foundation's `replacingOccurrences` gives: at every place
    /// a placeholder can stand, repeated, in other scripts, and next to marks that join it to
    /// another character (where Foundation does not replace it); other targets go to Foundation.
    @Test(arguments: ["", "{count}", "{count} adım", "şu {count} adım", "{count}{count}", "{{count}}", "{coun", "no placeholder", "中文{count}中文",
                      "aaa", "{list} ve {list}", "\u{301}{count}", "{count}\u{301}", "a {count}\u{301} b {count}", "\u{600}{count}", "ş{count}ş"])
    func replacingPlaceholderAgreesWithFoundation(text: String) {
        for (target, replacement) in [("{count}", "1.500"), ("{list}", "A, B ve C"), ("aa", "X"), ("{count}", ""), ("{count}", "ş{count}"), ("{Count}", "1")] {
            #expect(text.replacingPlaceholder(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                    "\(text.debugDescription) \(target) → \(replacement)")
        }
    }
}

extension SourceFileTests {
    /// `containsPlaceholder` answers as Foundation's `contains` does, on the same texts as
    /// `replacingPlaceholder`: a match a mark joins to another character is none for Foundation.
    @Test(arguments: ["", "{list}", "{list} ve {list}", "şu {list}", "{lis", "{{list}}", "no placeholder", "中文{list}中文", "\u{301}{list}",
                      "{list}\u{301}", "a {list}\u{301} b {list}", "{list}\u{301} b", "\u{600}{list}", "ş{list}ş", "{List}", "{count}"])
    func containsPlaceholderAgreesWithFoundation(text: String) {
        for target in ["{list}", "{count}", "aa", "{List}"] {
            #expect(text.containsPlaceholder(target) == text.contains(target), "\(text.debugDescription) \(target)")
        }
    }
}
