import Foundation

/// Triggers on a compatibility character, one that Unicode normalisation (NFKC) replaces by
/// another: a Kangxi radical such as `⽀` (U+2F40) where the ideograph `支` belongs (the seed's
/// UI label had one, so the label does not match the screen), full-width Latin letters,
/// ligatures. Spaces, `…`, `™` and superscript digits are typographic choices and pass.
public struct CompatibilityCharacterRule: SectionRule {
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

    /// What to write instead of `scalar` when it is a compatibility character this rule reports.
    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        guard !allowed.contains(scalar), scalar.properties.generalCategory != .spaceSeparator else { return nil }
        return compatibilityMapping(of: scalar)
    }

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        // Each scalar decided once: texts use few distinct ones (ç, ğ, ı, ‘, ’ …) very often.
        // Whether one below U+0800, most of them, is kept is looked up by number, without
        // hashing, and without reading a string (which retained and released it each time).
        var below800 = [Decision](repeating: .unknown, count: 0x800)
        var others: [Unicode.Scalar: String?] = [:]
        var replacements: [Unicode.Scalar: String] = [:]
        return eachText(of: parts, in: context) { text, findings in
            guard text.text.bytes.contains(.nonASCII) else { return }
            var offset = -1  // in scalars
            text.text.value.forEachScalar { scalar in
                offset += 1
                guard scalar.value >= 0x80 else { return }
                let normalised: String?
                if scalar.value < 0x800 {
                    switch below800[Int(scalar.value)] {
                    case .kept: return
                    case .replaced: normalised = replacements[scalar]
                    case .unknown:
                        normalised = Self.replacement(for: scalar)
                        below800[Int(scalar.value)] = normalised == nil ? .kept : .replaced
                        if let normalised { replacements[scalar] = normalised }
                    }
                } else if let known = others[scalar] {
                    normalised = known
                } else {
                    normalised = Self.replacement(for: scalar)
                    others[scalar] = .some(normalised)
                }
                guard let normalised else { return }
                findings.append(finding("‘\(scalar)’ (\(scalar.codePoint)) is a compatibility character: write ‘\(normalised)’", at: text.location(ofScalarOffset: offset),
                                        fix: FixIt(length: 1, replacement: normalised)))
            }
        }
    }

    private enum Decision { case unknown, kept, replaced }
}
