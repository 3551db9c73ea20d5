import Foundation

/// Names of locales in their own language ("Deutsch", "العربية"), for a new catalog's `name`.
public enum LocaleNames {
    /// The platform's CLDR name of `tag` in that language, its first letter in upper case by the
    /// language's rules (language switchers start each name with a capital: "Français"); the tag
    /// itself when the platform does not know it.
    public static func autonym(_ tag: String) -> String {
        guard let name = Locale(identifier: tag).localizedString(forIdentifier: tag), !name.isEmpty else { return tag }
        guard let first = name.first else { return name }
        return CaseMapping.uppercased(String(first), language: tag) + name.dropFirst()
    }
}
