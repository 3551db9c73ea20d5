import Foundation
import GuideKit
import Testing

/// Marked numbers: the locale-neutral value, and the CLDR table guidegen formats it with.
@Suite struct NumberSymbolsTests {
    @Test(arguments: [
        ("0.8", "0", "8", false), ("1", "1", "", false), ("1500", "1500", "", false), ("007.50", "7", "50", false), ("-2.5", "2", "5", true),
    ])
    func canonicalValuesParse(_ text: String, _ integer: String, _ fraction: String, _ negative: Bool) throws {
        let quantity = try #require(Quantity(kind: .number, canonical: text))
        #expect(quantity.integerDigits == integer)
        #expect(quantity.fractionDigits == fraction)
        #expect(quantity.isNegative == negative)
    }

    @Test(arguments: ["0,8", "1.500,5", "8%", "%8", "", "1.", ".5", "1 500", "١٢"])
    func localeSpellingsAreNotCanonical(_ text: String) {
        #expect(Quantity(kind: .percent, canonical: text) == nil)
    }

    @Test func turkishAndEnglishAsTheIssueAsks() throws {
        let rate = try #require(Quantity(kind: .percent, canonical: "0.8"))
        #expect(NumberSymbols.of("tr").format(rate) == "%0,8")
        #expect(NumberSymbols.of("en").format(rate) == "0.8%")
        let amount = try #require(Quantity(kind: .number, canonical: "1500.25"))
        #expect(NumberSymbols.of("tr").format(amount) == "1.500,25")
        #expect(NumberSymbols.of("en").format(amount) == "1,500.25")
        #expect(NumberSymbols.of("en-GB").format(amount) == "1,500.25")
        #expect(NumberSymbols.of("xx").format(amount) == "1,500.25", "an unknown language is formatted like English")
        #expect(NumberSymbols.of("tr").format(7) == "7")
        #expect(NumberSymbols.of("es").format(1500) == "1500", "Spanish groups from five digits")
        #expect(NumberSymbols.of("es").format(15000) == "15.000")
        let money = try #require(Quantity(kind: .amount(currency: "CNH"), canonical: "1500.50"))
        #expect(NumberSymbols.of("tr").format(money) == "CNH\u{00A0}1.500,50")
        #expect(NumberSymbols.of("en").format(money) == "CNH\u{00A0}1,500.50")
        #expect(NumberSymbols.of("de").format(money) == "1.500,50\u{00A0}CNH")
    }

    @Test(arguments: ["amount:CNH", "amount:USD"])
    func amountDestinationsNameTheirCurrency(_ destination: String) throws {
        let kind = try #require(Quantity.Kind(destination: destination))
        #expect(kind == .amount(currency: String(destination.dropFirst("amount:".count))))
        #expect(kind.destination == destination)
    }

    @Test(arguments: ["amount:", "amount:cnh", "amount:CN", "amount:CNHX", "amount: CNH", "amounts:CNH", "number:x"])
    func otherDestinationsAreNoAmount(_ destination: String) {
        #expect(Quantity.Kind(destination: destination) == nil)
    }

    /// The hand-written table agrees with the platform's CLDR data (ICU on Linux) wherever the
    /// platform has the locale, for a percentage with a fraction and for grouped numbers.
    @Test(arguments: ["tr", "en", "de", "fr", "es", "it", "nl", "pt", "ru", "pl", "zh", "ja", "ko", "ar"])
    func tableAgreesWithFoundation(_ tag: String) async throws {
        // ICU loads its data on first use: off the shared concurrency threads.
        let (expected, ours) = try await onOwnThread { try Self.formatted(tag) }
        #expect(ours == expected)
    }

    /// Foundation's and guidegen's spellings of the same values.
    static func formatted(_ tag: String) throws -> (foundation: [String?], guidegen: [String]) {
        let symbols = NumberSymbols.of(tag)
        let percent = NumberFormatter()
        percent.locale = Locale(identifier: tag + "@numbers=latn")
        percent.numberStyle = .percent
        percent.minimumFractionDigits = 1
        percent.maximumFractionDigits = 1
        let decimal = NumberFormatter()
        decimal.locale = percent.locale
        decimal.numberStyle = .decimal
        decimal.minimumFractionDigits = 1
        decimal.maximumFractionDigits = 1
        let amount = NumberFormatter()
        amount.locale = percent.locale
        amount.numberStyle = .currencyISOCode
        amount.currencyCode = "CNH"
        var foundation: [String?] = [percent.string(from: 0.008), percent.string(from: 0.125), amount.string(from: 1500.5), amount.string(from: -1500.5)]
        var ours = ["0.8", "12.5"].compactMap { Quantity(kind: .percent, canonical: $0) }.map(symbols.format)
            + ["1500.50", "-1500.50"].compactMap { Quantity(kind: .amount(currency: "CNH"), canonical: $0) }.map(symbols.format)
        for value in ["1500.5", "12345.5", "1234567.5"] {
            foundation.append(decimal.string(from: NSNumber(value: Double(value)!)))
            ours += Quantity(kind: .number, canonical: value).map { [symbols.format($0)] } ?? []
        }
        return (foundation, ours)
    }

    @Test func numbersAreReadTheLocalesWay() {
        #expect(NumberSymbols.of("tr").numbers(in: "1.500 TL üzeri %0,8, 1688.com ve 27.11.2026") == ["1500", "0.8", "1688", "27", "11", "2026"])
        #expect(NumberSymbols.of("en").numbers(in: "over 1,500 TL 0.8%, 1688.com and 1-2 days") == ["1500", "0.8", "1688", "1", "2"])
    }

    @Test func textWithoutASCIIDigitsHasNoNumbers() {
        #expect(NumberSymbols.of("tr").numbers(in: "Ödeme yöntemini seçin, %").isEmpty)
        #expect(NumberSymbols.of("ar").numbers(in: "٣٠ يومًا").isEmpty, "only ASCII digits are numbers")
        #expect(NumberSymbols.of("ar").numbers(in: "٣٠ يومًا و 30") == ["30"])
    }
}
