import Testing

/// Every rendering suite is nested here and runs one test at a time: rendering and the
/// end-to-end builds keep a core busy, and timing-sensitive suites (the online link checker's
/// deadlines) run beside them on a two-core machine.
@Suite(.serialized) enum RenderingTests {}
