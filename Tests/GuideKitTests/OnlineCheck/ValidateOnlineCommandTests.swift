import Foundation
import GuideKit
import Testing

/// `guidegen validate --online` as a user runs it, against a server the test starts on 127.0.0.1:
/// the configuration's `online:` settings, the findings in every format, the cache and `--no-cache`.
@Suite(.serialized) struct ValidateOnlineCommandTests {
    /// A guide whose registry points at the loopback server: one page that works, one that is gone.
    func project(server: LoopbackServer) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let links = """
            links:
              home:
                url: \(server.url("/ok"))
                service: "1688"
              gone:
                url: \(server.url("/gone"))
                service: "1688"
            """
        let section = MinimalGuide.section.replacingOccurrences(
            of: "text: \"[1688.com](link:home)’u ziyaret edin\"",
            with: "text: \"[1688.com](link:home)’u ziyaret edin\"\n    links: [gone]")
        let configuration = """
            rules:
              https-only: off      # the loopback server speaks plain http
              near-miss-host: off
            online:
              timeout: 3
              hostInterval: 0
              retries: 0
              cache: .cache/links.json
              cacheMaxAge: 1
              contact: https://help.example.com/guidegen
            """
        try directory.write(tree: MinimalGuide.tree(section: section, links: links, extra: "-- guidegen.yaml --\n\(configuration)"))
        return directory
    }

    @Test func reportsTheBrokenLinkAtTheRegistryAndAtItsUse() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        server.route("/gone", always: .respond(status: 404))
        let directory = try project(server: server)

        let result = try runGuidegen(["validate", "--online", "--content", "."], in: directory.url)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("links.yaml:6:10: error: \(server.url("/gone")) answered 404"), "\(result.stdout)")
        #expect(result.stdout.contains("sections/first.yaml:8:13: note: the link ‘gone’ used here is broken"), "\(result.stdout)")
        #expect(!result.stdout.contains(server.url("/ok")))
        #expect(server.requests("/gone").first?.headers["user-agent"] == "guidegen/\(guidegenVersion) (+https://help.example.com/guidegen)")

        let sarif = try runGuidegen(["validate", "--online", "--no-cache", "--content", ".", "--format", "sarif"], in: directory.url)
        #expect(sarif.stdout.contains("\"ruleId\" : \"link-broken\"") || sarif.stdout.contains("\"ruleId\":\"link-broken\""), "\(sarif.stdout)")
    }

    @Test func secondRunAnswersFromTheCacheAndNoCacheAsksAgain() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/ok", always: .respond(status: 200))
        server.route("/gone", always: .respond(status: 404))
        let directory = try project(server: server)

        _ = try runGuidegen(["validate", "--online", "--content", "."], in: directory.url)
        let asked = server.requests("/ok").count + server.requests("/gone").count
        #expect(asked >= 2)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".cache/links.json").path))

        let cached = try runGuidegen(["validate", "--online", "--content", "."], in: directory.url)
        #expect(cached.status == 1)
        #expect(server.requests("/ok").count + server.requests("/gone").count == asked, "the cache answered")

        _ = try runGuidegen(["validate", "--online", "--no-cache", "--content", "."], in: directory.url)
        #expect(server.requests("/ok").count + server.requests("/gone").count > asked)
    }

    @Test func withoutOnlineNothingTouchesTheNetwork() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let directory = try project(server: server)
        let result = try runGuidegen(["validate", "--content", "."], in: directory.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(server.requests("/ok").isEmpty && server.requests("/gone").isEmpty)
    }

    @Test func withoutLibcurlTheRunStopsAndSaysWhy() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree())
        let result = try runGuidegen(["validate", "--online", "--content", "."], in: directory.url, environment: ["GUIDEGEN_LIBCURL": "/nonexistent/libcurl.so.4"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("GUIDEGEN_LIBCURL does not name a libcurl that can be loaded: correct or unset it [online-unavailable]"), "\(result.stderr)")
    }

    @Test func badOnlineSettingsAreLocated() throws {
        let directory = try TemporaryDirectory()
        try directory.write(tree: MinimalGuide.tree(extra: "-- guidegen.yaml --\nonline:\n  retries: 2.5\n  skip: ['([']\n  timout: 3\n"))
        let result = try runGuidegen(["validate", "--content", "."], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("guidegen.yaml:2:12: error: expected a whole number for ‘retries’"), "\(result.stderr)")
        #expect(result.stderr.contains("guidegen.yaml:3:10: error: ‘([’ is not a valid regular expression"), "\(result.stderr)")
        #expect(result.stderr.contains("guidegen.yaml:4:3: error: unknown field ‘timout’ in online settings: did you mean ‘timeout’?"), "\(result.stderr)")
    }
}
