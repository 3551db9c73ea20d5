/// The path diagnostics name for `relative` inside `directory`, where `directory` is written as
/// the user wrote it (`Content`, `Content/`, `.`), so reports never show machine paths the user
/// did not type.
func displayPath(_ directory: String, _ relative: String) -> String {
    if directory.isEmpty || directory == "." { return relative }
    return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
}

extension Unicode.Scalar {
    /// `U+2019`, for messages about characters that look alike or are invisible.
    var codePoint: String { "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4) }
}
