/// Triggers on the less used of the two apostrophes that join a suffix to a name
/// (`1688.com’u`, `CNH’ye`): the guide writes either `’` (U+2019) or `'` throughout. The more
/// frequent one wins; on a tie, `’`.
public struct ApostropheStyleRule: Rule {
    public let id = "apostrophe-style"
    public let summary = "suffixes after names use one apostrophe style throughout the guide"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                intro: Alipay’de hesap açın ve CNH’ye çevirin
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)1️⃣'u ziyaret edin"

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                intro: Alipay’de hesap açın ve CNH’ye çevirin
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin, ‘[Ayarlar](ui:tr)’a tıklayın"

                """),
        ]
    }

    private static func name(_ apostrophe: Unicode.Scalar) -> String { apostrophe == "’" ? "’ (U+2019)" : "' (U+0027)" }

    /// Whether `text` has a `'` or a `’` (E2 80 99 in UTF-8); most texts have neither and need no
    /// scalar array.
    static func mayHoldApostrophe(_ text: String) -> Bool {
        text.withBytes { bytes in
            for index in bytes.indices where bytes[index] == 0x27 || bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 {
                return true
            }
            return false
        }
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // Each use as its text and scalar offset: only the minority's are turned into file
        // positions, which costs a walk through the file each.
        var uses: [Unicode.Scalar: [(text: ContentText, offset: Int, isVerbatim: Bool)]] = ["’": [], "'": []]
        var scan = VisibleText.Scan()
        // By index: `for text in context.texts` retained every text, for the few with an apostrophe.
        for index in context.texts.indices where Self.mayHoldApostrophe(context.texts[index].text.value) {
            let text = context.texts[index]
            text.visible.scan(including: \.isProse, into: &scan)
            let s = scan.scalars
            for i in s.indices.dropFirst() where (s[i] == "’" || s[i] == "'") && i + 1 < s.count && s[i + 1].properties.isLowercase {
                let before = s[i - 1]
                guard TextScanning.isAlphabetic(before) || ("0"..."9").contains(before) || before == VisibleText.placeholder else { continue }
                uses[s[i], default: []].append((text, scan.offset(at: i), scan.isVerbatim(i..<i + 1)))
            }
        }
        let typographic = uses["’"]!.count, ascii = uses["'"]!.count
        guard typographic > 0, ascii > 0 else { return [] }
        let (minority, majority): (Unicode.Scalar, Unicode.Scalar) = ascii > typographic ? ("’", "'") : ("'", "’")
        return uses[minority]!.map { use in
            finding("this suffix is joined with \(Self.name(minority)) but the guide uses \(Self.name(majority)) (\(max(typographic, ascii)) times): write \(majority)",
                    at: use.text.location(ofScalarOffset: use.offset),
                    fix: use.isVerbatim ? FixIt(length: 1, replacement: String(majority)) : nil)
        }
    }
}
