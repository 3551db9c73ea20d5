/// How a locale writes numbers and percentages: the CLDR number symbols and percent pattern of
/// the locales guidegen knows, written out here (a small table, not a dependency on the platform's
/// ICU data, so output is the same on every machine). Unknown locales use the root/English form.
///
/// Turkish puts the percent sign first and uses a decimal comma (`%0,8`, `1.500`); English puts
/// it last with a decimal point (`0.8%`, `1,500`). A test compares the table with Foundation's
/// `NumberFormatter` where the platform has the locale.
public struct NumberSymbols: Sendable, Hashable {
    public var decimal: String
    public var group: String
    /// Integers with fewer digits than `3 + minimumGroupingDigits` are not grouped (`1000` in Spanish).
    public var minimumGroupingDigits: Int
    /// What stands before and after the number in a percentage (`%` and nothing in Turkish).
    public var percentPrefix: String
    public var percentSuffix: String
    public var minus: String
    /// Where an amount's currency code and sign go, CLDR's currency pattern with an ISO code:
    /// `¤` the code, `#` the number, `-` the minus sign (`¤ #` and `-¤ #` in Turkish and English,
    /// `# ¤` and `-# ¤` in German, with a no-break space).
    public var amountPattern: String
    public var negativeAmountPattern: String

    public init(decimal: String, group: String, minimumGroupingDigits: Int = 1, percentPrefix: String = "", percentSuffix: String = "%", minus: String = "-",
                amountPattern: String = codeFirst, negativeAmountPattern: String = "-" + codeFirst) {
        self.decimal = decimal
        self.group = group
        self.minimumGroupingDigits = minimumGroupingDigits
        self.percentPrefix = percentPrefix
        self.percentSuffix = percentSuffix
        self.minus = minus
        self.amountPattern = amountPattern
        self.negativeAmountPattern = negativeAmountPattern
    }

    /// `CNH 1.500,50` and `1.500,50 CNH`.
    public static let codeFirst = "¤\u{00A0}#"
    public static let codeLast = "#\u{00A0}¤"

    private static let nbsp = "\u{00A0}"
    private static let narrowNBSP = "\u{202F}"
    private static let lrm = "\u{200E}"
    private static let rlm = "\u{200F}"

    /// CLDR (latn digits) by language subtag.
    static let table: [String: NumberSymbols] = [
        "tr": NumberSymbols(decimal: ",", group: ".", percentPrefix: "%", percentSuffix: ""),
        "en": NumberSymbols(decimal: ".", group: ","),
        "de": NumberSymbols(decimal: ",", group: ".", percentSuffix: nbsp + "%", amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "fr": NumberSymbols(decimal: ",", group: narrowNBSP, percentSuffix: nbsp + "%", amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "es": NumberSymbols(decimal: ",", group: ".", minimumGroupingDigits: 2, percentSuffix: nbsp + "%", amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "it": NumberSymbols(decimal: ",", group: ".", minimumGroupingDigits: 2, amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "nl": NumberSymbols(decimal: ",", group: ".", negativeAmountPattern: "¤\u{00A0}-#"),
        "pt": NumberSymbols(decimal: ",", group: "."),
        "ru": NumberSymbols(decimal: ",", group: nbsp, percentSuffix: nbsp + "%", amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "pl": NumberSymbols(decimal: ",", group: nbsp, minimumGroupingDigits: 2, amountPattern: codeLast, negativeAmountPattern: "-" + codeLast),
        "zh": NumberSymbols(decimal: ".", group: ","),
        "ja": NumberSymbols(decimal: ".", group: ","),
        "ko": NumberSymbols(decimal: ".", group: ","),
        // Arabic with Latin digits; the marks keep the sign on the number's side in right-to-left text.
        "ar": NumberSymbols(decimal: ".", group: ",", percentSuffix: lrm + "%" + lrm, minus: lrm + "-",
                            amountPattern: rlm + codeLast, negativeAmountPattern: rlm + "-" + codeLast),
    ]

    /// The symbols of a BCP 47 tag's language (`zh-Hans` → `zh`); English for languages not in the table.
    public static func of(_ tag: String) -> NumberSymbols {
        // Most tags are a bare language subtag (`tr`): found without splitting.
        if let symbols = table[tag] { return symbols }
        let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return table[language] ?? table["en"]!
    }

    /// Whether the table has the tag's language (otherwise `of` falls back to English).
    public static func knows(_ tag: String) -> Bool {
        table[tag.split(separator: "-").first.map { $0.lowercased() } ?? ""] != nil
    }

    /// The quantity written the locale's way: `%0,8` / `0.8%`, `1.500` / `1,500`.
    public func format(_ quantity: Quantity) -> String {
        var number = grouped(quantity.integerDigits)
        if !quantity.fractionDigits.isEmpty { number += decimal + quantity.fractionDigits }
        switch quantity.kind {
        case .number: return (quantity.isNegative ? minus : "") + number
        case .percent: return (quantity.isNegative ? minus : "") + percentPrefix + number + percentSuffix
        case .amount(let currency):
            var out = ""
            for scalar in (quantity.isNegative ? negativeAmountPattern : amountPattern).unicodeScalars {
                switch scalar {
                case "¤": out += currency
                case "#": out += number
                case "-": out += minus
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
    }

    /// A whole number written the locale's way (a step count).
    public func format(_ integer: Int) -> String {
        (integer < 0 ? minus : "") + grouped(String(integer.magnitude))
    }

    private func grouped(_ digits: String) -> String {
        guard digits.count >= 3 + minimumGroupingDigits else { return digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: group)
    }

    /// The numbers written in `text` (ASCII digits with this locale's separators), as locale-neutral
    /// values (`1.500,5` in Turkish → `1500.5`), for comparing a translation's numbers with its source's.
    /// A percent sign on either side does not change the value.
    public func numbers(in text: String) -> [String] {
        // A number starts with an ASCII digit; most texts have none.
        guard text.containsByte(in: UInt8(ascii: "0")...UInt8(ascii: "9")) else { return [] }
        // Read in UTF-8: digits are single bytes, a byte of a longer character is never one, and
        // a symbol matches where its bytes do. Walking an array of the scalars, and building each
        // number a scalar at a time, was most of `translation-numbers`.
        let decimal = Array(self.decimal.utf8), group = Array(self.group.utf8)
        return text.withBytes { bytes in
            func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10 }
            func matches(_ symbol: [UInt8], at index: Int) -> Bool {
                !symbol.isEmpty && index + symbol.count <= bytes.count && symbol.indices.allSatisfy { bytes[index + $0] == symbol[$0] }
            }
            var values: [String] = []
            var index = 0
            while index < bytes.count {
                guard isDigit(index), index == 0 || !isDigit(index - 1) else { index += 1; continue }
                var integer: [UInt8] = [], fraction: [UInt8] = []
                var inFraction = false
                while index < bytes.count {
                    if isDigit(index) {
                        if inFraction { fraction.append(bytes[index]) } else { integer.append(bytes[index]) }
                        index += 1
                    } else if !inFraction, !integer.isEmpty, matches(group, at: index),
                              (0..<3).allSatisfy({ isDigit(index + group.count + $0) }), !isDigit(index + group.count + 3) {
                        index += group.count
                    } else if !inFraction, matches(decimal, at: index), isDigit(index + decimal.count) {
                        inFraction = true
                        index += decimal.count
                    } else {
                        break
                    }
                }
                let trimmed = integer.drop { $0 == UInt8(ascii: "0") }
                values.append((trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)) + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self)))
            }
            return values
        }
    }
}
