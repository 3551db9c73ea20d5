import Foundation
@testable import GuideKit
import Testing

extension RenderingTests {
    /// Random well-formed guides (seeded, so every run checks the same ones): rendering never
    /// fails, checklist lines stay within 80 display columns, every HTML page is well-formed, and
    /// the URLs each output links to are exactly the registry links the content uses.
    @Suite struct PropertyTests {
        /// SplitMix64: small, fast and the same on every machine.
        struct Generator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
            mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
            mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        }

        static let words = [
            "hesabınızı", "İstanbul’da", "ışık", "şifrenizi", "doğrulayın", "ödeme", "Çin", "yuanı", "Ğ", "giriş", "güvenli", "iş", "günü",
            "支付宝", "现在去认证", "账户", "付款", "确认", "🇹🇷", "👩‍👩‍👧", "✅", "💳", "e\u{0301}", "n\u{0303}o", "a\u{0308}\u{0301}",
            "Alipay", "WorldFirst", "1688.com", "CNH", "%20", "x²", "ＡＢＣ", "｢引用｣", "—", "…", "10.000,50", "(not)",
        ]
        static let uiLabels = [("现在去认证", "zh-Hans"), ("World Pay", "en"), ("Devam", "tr"), ("确认付款", "zh-Hans"), ("Sign in", "en")]
        static let linkKeys = (0..<6).map { "site-\($0)" }
        static func url(_ key: String) -> String { "https://\(key).example.com/path/\(key)?q=1&lang=tr" }

        /// A random content string and the registry keys it links to.
        static func text(_ random: inout Generator, sections: [String], links: Bool = true) -> (String, Set<String>) {
            var parts: [String] = []
            var used: Set<String> = []
            for _ in 0..<random.int(1...14) {
                switch random.int(0...9) {
                case 0 where links:
                    let key = random.pick(linkKeys)
                    used.insert(key)
                    parts.append("[\(random.pick(words)) \(random.pick(words))](link:\(key))")
                case 1:
                    let (label, language) = random.pick(uiLabels)
                    parts.append("‘[\(label)](ui:\(language))’e")
                case 2 where !sections.isEmpty:
                    parts.append("[\(random.pick(words))](section:\(random.pick(sections)))")
                case 3:
                    parts.append("*\(random.pick(words))*")
                case 4:
                    parts.append("`\(random.pick(words))`")
                default:
                    parts.append(random.pick(words))
                }
            }
            return (parts.joined(separator: " "), used)
        }

        static func quoted(_ text: String) -> String { InjectionTests.quoted(text) }

        /// A random guide: its files, the registry keys each section uses, and those it uses only in
        /// questions and answers (which the checklist does not print).
        static func guide(_ seed: UInt64) -> (files: [String: String], usedBySection: [String: Set<String>], onlyInQuestions: Set<String>) {
            var random = Generator(state: seed)
            let ids = (0..<random.int(1...4)).map { "section-\($0)" }
            var files: [String: String] = [:]
            var usedBySection: [String: Set<String>] = [:]
            var inQuestions: Set<String> = [], elsewhere: Set<String> = []
            for (index, id) in ids.enumerated() {
                var used: Set<String> = []
                var inQuestion = false
                func text() -> String {
                    let (value, keys) = Self.text(&random, sections: ids)
                    used.formUnion(keys)
                    if inQuestion { inQuestions.formUnion(keys) } else { elsewhere.formUnion(keys) }
                    return quoted(value)
                }
                var lines = ["id: \(id)", "label: \"\(index + 1)\"", "title: \(quoted(Self.text(&random, sections: [], links: false).0))"]
                if random.chance(50) { lines.append("intro: \(text())") }
                lines.append("steps:")
                for step in 0..<random.int(1...5) {
                    lines += ["  - id: step-\(step)", "    kind: \(random.pick(["action", "input", "result"]))", "    text: \(text())"]
                    if random.chance(30) { lines.append("    detail: \(text())") }
                    if random.chance(40) {
                        lines.append("    substeps:")
                        for sub in 0..<random.int(1...3) { lines += ["      - id: sub-\(sub)", "        text: \(text())"] }
                    }
                    if random.chance(30) {
                        lines.append("    notes:")
                        for note in 0..<random.int(1...2) { lines += ["      - id: note-\(note)", "        kind: \(random.pick(["note", "tip", "warning"]))", "        text: \(text())"] }
                    }
                    if random.chance(25) {
                        lines.append("    fields:")
                        for field in 0..<random.int(1...3) { lines += ["      - id: field-\(field)", "        label: \(quoted(random.pick(words)))"] }
                    }
                    if random.chance(25) {
                        inQuestion = true
                        lines += ["    questions:", "      - id: why", "        question: \(text())", "        answer: \(text())"]
                        if random.chance(50) { lines += ["        items:", "          - id: one", "            text: \(text())"] }
                        inQuestion = false
                    }
                    if random.chance(20) {
                        let key = random.pick(linkKeys)
                        used.insert(key)
                        elsewhere.insert(key)
                        lines.append("    links: [\(key)]")
                    }
                }
                files["content/sections/\(id).yaml"] = lines.joined(separator: "\n")
                usedBySection[id] = used
            }
            files["content/guide.yaml"] = YAMLInput.guideText
                .replacingOccurrences(of: "title: Rehber", with: "title: \(quoted(Self.text(&random, sections: [], links: false).0))")
                .replacingOccurrences(of: "sections: [first]", with: "sections: [\(ids.joined(separator: ", "))]")
            files["content/links.yaml"] = "links:\n" + linkKeys.map { "  \($0):\n    url: \"\(url($0))\"\n    service: worldfirst" }.joined(separator: "\n")
            return (files, usedBySection, inQuestions.subtracting(elsewhere))
        }

        /// `https://` URLs each format links to.
        static func htmlURLs(_ html: String) -> Set<String> {
            Set(html.components(separatedBy: " href=\"").dropFirst().map { FuzzTargets.decodeEntities(String($0.prefix { $0 != "\"" })) }.filter { $0.hasPrefix("https://") })
        }

        static func markdownURLs(_ markdown: String) -> Set<String> {
            Set(CommonMark.outline(ofDocument: markdown).links.map(\.destination).filter { $0.hasPrefix("https://") })
        }

        static func textURLs(_ text: String) -> Set<String> {
            Set(text.components(separatedBy: "https://").dropFirst().map { "https://" + $0.prefix { !$0.isWhitespace && $0 != ")" } })
        }

        @Test func randomGuidesRenderSafely() async throws {
            let failures = try await onOwnThread { () -> [String] in
                let base = SiteLoader(contentDirectory: Repository.fixture("render-small/content").path,
                                      templates: TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"))).load()
                guard let chrome = base.renderer?.chrome, let templates = base.renderer?.templates else { return ["the templates do not load: \(base.diagnostics)"] }
                var failures: [String] = []
                // Where html5lib is installed, every page also goes through its strict parser.
                let pages = try TemporaryDirectory()
                var pageCount = 0
                for seed in UInt64(1)...100 {
                    let directory = try TemporaryDirectory()
                    let (files, usedBySection, onlyInQuestions) = Self.guide(seed)
                    for (path, text) in files { try directory.write(path, Data(text.utf8)) }
                    let loaded = ContentLoader(directory: directory.url.appendingPathComponent("content").path).load()
                    guard let guide = loaded.guide, !loaded.hasErrors else {
                        failures.append("seed \(seed): does not load: \(loaded.diagnostics)")
                        continue
                    }
                    let site = SiteRenderer(guide: guide, catalogs: [], chrome: chrome, templates: templates, htmlAssets: [], media: [:]).render(SiteRenderer.Options())
                    if !site.diagnostics.isEmpty { failures.append("seed \(seed): rendering reported \(site.diagnostics)") }
                    let used = Set(usedBySection.values.flatMap { $0 }.map(Self.url))
                    var byFormat: [String: Set<String>] = [:]
                    for file in site.files {
                        let text = String(decoding: file.bytes, as: UTF8.self)
                        let format = String(file.path.prefix { $0 != "/" })
                        let urls: Set<String>
                        switch format {
                        case "html":
                            urls = Self.htmlURLs(text)
                            pageCount += 1
                            try pages.write("\(seed)-\(pageCount).html", file.bytes)
                            let problems = HTMLWellFormedness.problems(in: text)
                            if !problems.isEmpty { failures.append("seed \(seed): \(file.path) is not well-formed: \(problems.prefix(5))") }
                        case "markdown":
                            urls = Self.markdownURLs(text)
                        default:
                            urls = Self.textURLs(text)
                            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where DisplayWidth.of(String(line)) > 80 {
                                failures.append("seed \(seed): \(file.path) has a line of \(DisplayWidth.of(String(line))) columns: \(line)")
                            }
                        }
                        byFormat[format, default: []].formUnion(urls)
                        // An article links to exactly the registry links its section uses.
                        let name = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
                        if let sectionUses = usedBySection[name], format != "checklists" {
                            let expected = Set(sectionUses.map(Self.url))
                            if urls != expected { failures.append("seed \(seed): \(file.path) links to \(urls.sorted()), its section uses \(expected.sorted())") }
                        }
                    }
                    for (format, urls) in byFormat where urls != (format == "checklists" ? used.subtracting(onlyInQuestions.map(Self.url)) : used) {
                        failures.append("seed \(seed): \(format) links to \(urls.sorted()), the content uses \(used.sorted())")
                    }
                }
                return failures + Self.html5libProblems(in: pages.url)
            }
            #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        }

        /// What html5lib's strict parser reports for every page in `folder`; nothing when python3
        /// or html5lib is not installed (the Swift check above always runs).
        static func html5libProblems(in folder: URL) -> [String] {
            let script = """
                import sys, glob
                try:
                    import html5lib
                except ImportError:
                    sys.exit(0)
                for name in sorted(glob.glob(sys.argv[1] + "/*.html")):
                    try:
                        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(open(name, "rb").read())
                    except Exception as error:
                        print(name.rsplit("/", 1)[-1] + ": " + str(error))
                """
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
                let result = try? runProcess(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, folder.path])
            else { return [] }
            let lines = result.stdout.split(separator: "\n").map { "html5lib: \($0)" }
            return result.status == 0 ? lines : lines + ["html5lib: exit \(result.status) \(result.stderr)"]
        }

        /// The checker itself finds what it is for.
        @Test func theWellFormednessCheckCatchesErrors() {
            #expect(HTMLWellFormedness.problems(in: "<!DOCTYPE html><html><body><p>a &amp; b</p><br></body></html>").isEmpty)
            for bad in ["<p>a < b</p>", "<p>a & b</p>", "<p><div></div></p>", "<b><i></b></i>", "<p>x", "<a href=x>y</a>", "<a><a></a></a>",
                        "<p id=\"a\"></p><p id=\"a\"></p>", "<p>\u{1B}</p>", "<p a=\"1\" a=\"2\"></p>", "<script><!--</script>", "<p>&bogus;</p>"] {
                #expect(!HTMLWellFormedness.problems(in: bad).isEmpty, "\(bad)")
            }
        }
    }
}
