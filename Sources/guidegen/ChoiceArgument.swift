import ArgumentParser
import GuideKit

/// An option whose values are the raw values of an enumeration (`--format html`). Its values for
/// help and completion are what ArgumentParser's defaults give (each raw value, no separate
/// descriptions), without the key path and the dictionary those build on first use: about 1 %
/// of building the real guide, for every command that has such an option.
protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
}

extension OutputFormat: ChoiceArgument {}
