import ArgumentParser

/// guidegen's exit codes; documented in `--help` and tested.
enum Outcome: Int32 {
    /// No errors.
    case success = 0
    /// The tool ran and found errors (with `--strict`, warnings too); or `--check` found stale files.
    case findings = 1
    /// The tool could not run: bad arguments, unreadable content folder.
    case failure = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}

extension ExitCode {
    static let documentation = """
        Exit codes: 0 no errors; 1 errors found (warnings too with --strict), or files that \
        would change with --check; 2 guidegen could not run (bad arguments, unreadable content).
        """
}
