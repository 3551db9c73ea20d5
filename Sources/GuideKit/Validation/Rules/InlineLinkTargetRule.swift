import Foundation

/// Triggers on a link in text whose destination is not `link:KEY`, `ui:LANG`, `section:ID`,
/// `gloss:`, `number:`, `percent:` or `amount:CUR` (a pasted URL gets the registry key as the fix when the URL
/// is registered), on a UI label whose language is not a BCP 47 tag, on a gloss that does not
/// follow a UI label (only quotes, spaces or punctuation between), and on a marked number whose
/// value is not written locale-neutrally (`[0,8](percent:)` instead of `[0.8](percent:)`).
public struct InlineLinkTargetRule: SectionRule {
    public let id = "inline-link-target"
    public let summary = "links in text point at link:KEY, ui:LANG, section:ID, gloss:, number:, percent: or amount:CUR"
    public let defaultSeverity = Severity.error

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](1️⃣https://1688.com)’u ziyaret edin"
                  - id: settings
                    kind: action
                    text: "‘[设置](ui:2️⃣zh_Hans)’e tıklayın"
                  - id: home
                    kind: action
                    text: "[Ana sayfaya](3️⃣home) dönün"
                  - id: pay
                    kind: action
                    text: "[4️⃣0,8](percent:) ücret ödeyin"
                  - id: gloss
                    kind: action
                    text: "Ayarlar sayfasını [5️⃣Settings](gloss:) açın"
                  - id: top-up
                    kind: action
                    text: "[1500](amount:6️⃣cnh) yükleyin"

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin"
                  - id: verify
                    kind: action
                    text: "‘[现在去认证](ui:zh-Hans)’ [Şimdi doğrula](gloss:) düğmesine tıklayın, sonra [ilk adıma](section:example#visit) dönün"
                  - id: pay
                    kind: action
                    text: "[1500](number:) TL için [0.8](percent:) ücret ödeyin, [1500.50](amount:CNH) yükleyin"

                """),
        ]
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        eachText(of: parts, in: context) { text, findings in
            for link in text.visible.links {
                // Worked out only for a finding (walking the file to the column costs about 13,000
                // instructions, and nearly every link is sound).
                func at() -> SourceLocation { text.location(ofScalarOffset: link.destinationOffset) }
                switch link.reference {
                case .raw(let destination):
                    let length = destination.unicodeScalars.count
                    if let code = destination.dropPrefix("amount:") {
                        let fixed = code.uppercased()
                        findings.append(finding("‘\(code)’ is not a currency code: write amount: and the ISO 4217 code in capitals, e.g. amount:\(Quantity.Kind(destination: "amount:" + fixed) != nil ? fixed : "CNH")",
                                                at: text.location(ofScalarOffset: link.destinationOffset + "amount:".count)))
                    } else if let key = context.guide.links.entries.first(where: { $0.url.value == destination })?.key.value {
                        findings.append(finding("the link points at the URL itself: use its registry key, link:\(key)", at: at(),
                                                fix: FixIt(length: length, replacement: "link:\(key)")))
                    } else if URIReference(destination)?.scheme != nil {
                        findings.append(finding("the link points at ‘\(destination)’: add the URL to links.yaml and write link:KEY", at: at()))
                    } else {
                        findings.append(finding("‘\(destination)’ is not a link target: write link:KEY, ui:LANG, section:ID, gloss:, number:, percent: or amount:CUR", at: at()))
                    }
                case .uiLabel(let language) where !Self.isLanguageTag(language):
                    let fixed = language.replacingOccurrences(of: "_", with: "-")
                    let offsetAt = text.location(ofScalarOffset: link.destinationOffset + "ui:".count)
                    if Self.isLanguageTag(fixed) {
                        findings.append(finding("‘\(language)’ is not a language tag: write ‘\(fixed)’", at: offsetAt,
                                                fix: FixIt(length: language.unicodeScalars.count, replacement: fixed)))
                    } else {
                        findings.append(finding("‘\(language)’ is not a language tag: write a BCP 47 tag such as zh-Hans, en or tr", at: offsetAt))
                    }
                case .gloss where !Self.followsUILabel(link, in: text):
                    findings.append(finding("a gloss translates the UI label just before it: put it right after a [label](ui:LANG), or write it as plain text",
                                            at: text.location(ofScalarOffset: link.textOffset)))
                case .quantity(let kind) where Quantity(kind: kind, canonical: link.text) == nil:
                    let at = text.location(ofScalarOffset: link.textOffset)
                    // A Turkish-style value (`0,8`, `1.500`) has an obvious neutral spelling.
                    let neutral = link.text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                    if Quantity(kind: kind, canonical: neutral) != nil {
                        findings.append(finding("write the marked number locale-neutrally, with a decimal point and no grouping: ‘\(neutral)’", at: at,
                                                fix: FixIt(length: link.text.unicodeScalars.count, replacement: neutral)))
                    } else {
                        findings.append(finding("‘\(link.text)’ is not a number: write digits and a decimal point, e.g. [0.8](\(kind.destination))", at: at))
                    }
                default:
                    break
                }
            }
        }
    }

    /// Whether the link before `gloss` is a UI label, with nothing but spaces, quotes and other
    /// punctuation between the two.
    static func followsUILabel(_ gloss: VisibleText.Link, in text: ContentText) -> Bool {
        guard let index = text.visible.links.firstIndex(of: gloss), index > 0 else { return false }
        let label = text.visible.links[index - 1]
        guard case .uiLabel = label.reference else { return false }
        let raw = Array(text.text.value.unicodeScalars)
        // From the `)` that ends the label to the `[` that opens the gloss.
        let start = label.destinationOffset + label.destination.unicodeScalars.count + 1, end = gloss.textOffset - 1
        guard start <= end, end <= raw.count else { return false }
        return raw[start..<end].allSatisfy { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
    }

    /// A BCP 47 tag's shape: a 2–3 letter language, then subtags of 1–8 letters or digits.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
