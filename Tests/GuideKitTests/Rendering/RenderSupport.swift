import Foundation
import GuideKit
import Testing

/// A one-section guide as a txtar-like tree under `content/`, with `steps` spliced into the
/// section (YAML, indented two spaces) and any further files in `extra`.
func guideTree(steps: String, title: String = "Başlık", links: String = "", extra: String = "") -> String {
    """
    -- content/guide.yaml --
    title: Rehber
    sourceLocale: tr
    sections: [first]
    support:
      team: Destek
      hours:
        label: Saatler
        days: { from: monday, to: friday }
        opens: "09:00"
        closes: "17:00"
        timeZoneNote: yerel saatle
      email:
        label: Email
        address: help@example.com
        channelLabel: Email hattı
        responseTime: Hemen yanıt veririz.
      phone:
        label: Telefon
        number: "+6512345678"
        display: +65 1234 5678
    -- content/links.yaml --
    links:
      home:
        url: https://example.com/
        service: worldfirst
    \(links)
    -- content/sections/first.yaml --
    id: first
    label: "1"
    title: \(title)
    steps:
    \(steps)
    \(extra)
    """
}

/// Runs blocking work on a thread of its own. Swift Testing runs tests on the few threads Swift
/// concurrency shares (two on a two-core machine); rendering, or waiting for a child process, on
/// one of them would starve the async suites that run beside these (the online checker's
/// deadlines are measured in milliseconds).
///
/// At most two such bodies run at once (the machine has two cores): a parameterised test whose
/// cases each start one would otherwise put dozens of threads on the CPU together, and the
/// online suites' deadlines would pass while they wait for it. The waiting happens on the new
/// thread, never on a shared one. A body must not call `onOwnThread` itself.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            ownThreadSlots.wait()
            defer { ownThreadSlots.signal() }
            continuation.resume(with: Result { try body() })
        }.start()
    }
}

private let ownThreadSlots = DispatchSemaphore(value: 2)

/// Runs the real `guidegen` off the shared threads.
func guidegen(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> CommandResult {
    try await onOwnThread { try runGuidegen(arguments, in: directory, environment: environment) }
}

/// Loads a tree written into a temporary folder (`content/`, optional `templates/` overlay) with
/// the repository's built-in templates, and renders it in memory.
func render(tree: String, options: SiteRenderer.Options = SiteRenderer.Options()) async throws -> (loaded: SiteLoader.Result, site: RenderedSite?, directory: TemporaryDirectory) {
    let directory = try TemporaryDirectory()
    try directory.write(tree: tree)
    let url = directory.url
    let (loaded, site) = try await onOwnThread { () -> (SiteLoader.Result, RenderedSite?) in
        let overlay = url.appendingPathComponent("templates")
        let user = FileManager.default.fileExists(atPath: overlay.path) ? TemplateFolders.Folder(url: overlay, display: "templates") : nil
        let folders = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"), user: user)
        let loaded = SiteLoader(contentDirectory: url.appendingPathComponent("content").path, templates: folders, formats: options.formats).load()
        return (loaded, loaded.renderer?.render(options))
    }
    return (loaded, site, directory)
}

extension RenderedSite {
    /// The text of one output file; fails the test when it was not produced.
    func text(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard let file = files.first(where: { $0.path == path }) else {
            Issue.record("no output file \(path); produced: \(files.map(\.path))", sourceLocation: sourceLocation)
            return ""
        }
        return String(decoding: file.bytes, as: UTF8.self)
    }
}

/// Every file below a folder, by relative path (hidden files included), with its bytes.
func snapshot(of folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    let base = folder.standardizedFileURL.path
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: url.path)
    }
    return result
}

/// The diagnostics' ids, for assertions that match on ids, never on message text.
extension Array where Element == Diagnostic {
    var ids: [String] { map(\.id) }
}
