import Foundation

/// Triggers on a compatibility character, one that Unicode normalisation (NFKC) replaces by
/// another: a Kangxi radical such as `⽀` (U+2F40) where the ideograph `支` belongs (the seed's
/// UI label had one, so the label does not match the screen), full-width Latin letters,
/// ligatures. Spaces, `…`, `™` and superscript digits are typographic choices and pass.
public struct CompatibilityCharacterRule: Rule {
    public let id = "compatibility-character"
    public let summary = "text has no compatibility characters (NFKC changes nothing), such as a Kangxi radical for an ideograph"
    public let defaultSeverity = Severity.warning

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
                    text: "[1688.com](link:1688-home)’u ziyaret edin ve ‘[1️⃣⽀付宝账户管理](ui:zh-Hans)’e tıklayın"
                    detail: 2️⃣Ｅmail adresinizi girin

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin ve ‘[支付宝账户管理](ui:zh-Hans)’e tıklayın…"

                """),
        ]
    }

    private static let allowed: Set<Unicode.Scalar> = ["…", "™", "¹", "²", "³"]

    /// The scalar's NFKC form when it is another text, else nil.
    private static func compatibilityMapping(of scalar: Unicode.Scalar) -> String? {
        let normalised = String(scalar).precomposedStringWithCompatibilityMapping
        return normalised == String(scalar) ? nil : normalised
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        // NFKC of each scalar once: texts use few distinct ones (ç, ğ, ı, ‘, ’ …) very often.
        var compatibility: [Unicode.Scalar: String?] = [:]
        for text in context.texts {
            for (offset, scalar) in text.text.value.unicodeScalars.enumerated() where scalar.value >= 0x80 {
                guard !Self.allowed.contains(scalar), scalar.properties.generalCategory != .spaceSeparator else { continue }
                if compatibility[scalar] == nil { compatibility[scalar] = .some(Self.compatibilityMapping(of: scalar)) }
                guard let normalised = compatibility[scalar] ?? nil else { continue }
                findings.append(finding("‘\(scalar)’ (\(scalar.codePoint)) is a compatibility character: write ‘\(normalised)’", at: text.location(ofScalarOffset: offset),
                                        fix: FixIt(length: 1, replacement: normalised)))
            }
        }
        return findings
    }
}
