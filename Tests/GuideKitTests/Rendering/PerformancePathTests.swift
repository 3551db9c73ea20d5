import Foundation
@testable import GuideKit
import Testing
import Yams

extension RenderingTests {
    /// The fast paths give what the slow ones gave: several threads the bytes of one, a skipped
    /// rebuild the folder of a full one, the quick YAML checks the answers of Yams' own.
    @Suite struct PerformancePathTests {
        static let builtin = TemplateFolders(builtin: TemplateFolders.Folder(url: Repository.templates, display: "Templates"))

        @Test func theRealGuideRendersTheSameBytesOnOneThreadAndOnMany() async throws {
            let (single, many) = try await onOwnThread { () -> (RenderedSite?, RenderedSite?) in
                func site(_ threads: Int) -> RenderedSite? {
                    SiteLoader(contentDirectory: Repository.content.path, templates: Self.builtin, threads: threads).load().renderer?
                        .render(SiteRenderer.Options(threads: threads))
                }
                return (site(1), site(8))
            }
            let one = try #require(single), other = try #require(many)
            #expect(one.files.count > 30)
            #expect(one.files.map(\.path) == other.files.map(\.path))
            for (a, b) in zip(one.files, other.files) { #expect(a.bytes == b.bytes, "\(a.path)") }
            #expect(one.diagnostics == other.diagnostics)
            #expect(one.fallbacks == other.fallbacks)
            #expect(one.roots == other.roots)
        }

        /// A plain text is rendered without its parse (a list of one text node): for every plain
        /// text of the real guide and its catalogs, and a few made to be awkward, in every format,
        /// the two ways give the same text and the same problems.
        @Test func plainTextsRenderAsTheirParseDoes() async throws {
            let loaded = try await onOwnThread { SiteLoader(contentDirectory: Repository.content.path, templates: Self.builtin).load() }
            let renderer = try #require(loaded.renderer)
            let origin = TextOrigin(start: SourceLocation(file: "x.yaml", line: 1, column: 1), style: .plain, file: nil)
            // Also what each format changes or drops, one kind at a time (a text's kinds of bytes
            // let a text with none of them be printed without a scan).
            let made = (["\u{A0}boşluk\u{A0}", "İş  iki boşluk", "x ", "1688 x", "现在 去", "\u{202E}ters", "a\u{E000}b", "tab\tiçinde", "x\u{301}",
                        "a # b", "a + b", "x - y", "A=B", "Dikkat!", "a\u{85}b", "a\u{9F}b", "😀 simge", "\u{2066}yalıt", "‘tırnak’", "a\u{E001}b",
                        "düz metin"] + [0xFFFE, 0xFDD0].map { "a" + String(Unicode.Scalar(UInt32($0))!) + "b" })
                .map { SourceText($0, key: "made", origin: origin) }
            let texts = renderer.guide.texts + renderer.catalogs.flatMap { catalog in catalog.entries.indices.map { catalog.entries.text(at: $0) } } + made
            let plain = texts.filter(\.isPlain)
            #expect(plain.count > 100)
            for format in [TextFormat.html, .markdown, .plain] {
                for linksAsText in [false, true] {
                    let inline = InlineRenderer(guide: renderer.guide, format: format, linksAsText: linksAsText)
                    for text in plain {
                        var shortcut: [Diagnostic] = [], parsed: [Diagnostic] = []
                        #expect(Array(inline.render(text, diagnostics: &shortcut).utf8) == Array(inline.renderParsed(text, diagnostics: &parsed).utf8), "\(text.value.debugDescription) \(format)")
                        #expect(shortcut == parsed)
                    }
                }
            }
        }

        /// Chrome patterns are cut once per locale and format (`ViewBuilder.Shared`): a builder
        /// with the shared parts fills every chrome string of the real guide, in every locale and
        /// format, as one cutting it on each call does; the fallbacks it no longer notes on each
        /// call are among those every page takes from the shared parts.
        @Test func chromePatternsCutOnceFillAsCutEachTime() async throws {
            let loaded = try await onOwnThread { SiteLoader(contentDirectory: Repository.content.path, templates: Self.builtin).load() }
            let renderer = try #require(loaded.renderer)
            let values: KeyValuePairs = ["0": Fragment(escaped: "`A`"), "1": Fragment(escaped: "B & C"), "from": Fragment(escaped: "x"), "to": Fragment(escaped: "y"),
                          "code": Fragment(escaped: "CNH"), "name": Fragment(escaped: "yuan")]
            let all = renderer.allLocales
            #expect(all.count >= 2)
            for locale in all {
                for format in [TextFormat.html, .markdown, .plain] {
                    var eachTime = ViewBuilder(guide: renderer.guide, locale: locale, locales: all, chrome: renderer.chrome, format: format, media: [:], parses: InlineParseCache())
                    var once = eachTime
                    once.shared = eachTime.makeShared()
                    for key in renderer.chrome.keys {
                        #expect(once.chromePattern(key, values) == eachTime.chromePattern(key, values), "\(key) \(locale.tag) \(format)")
                    }
                    #expect(once.fallbacks.isEmpty && once.diagnostics.isEmpty && eachTime.diagnostics.isEmpty)
                    _ = once.sharedParts()
                    #expect(eachTime.fallbacks.isSubset(of: once.fallbacks))
                    #expect(once.pageHasFallback == !once.fallbacks.isEmpty && (eachTime.fallbacks.isEmpty || once.pageHasFallback))
                }
            }
        }

        /// How a pattern is cut: the text between placeholders escaped, a placeholder kept with its
        /// escaped spelling for when no value has its name, an unclosed brace left as text.
        @Test func aChromePatternIsCutAtItsPlaceholders() async throws {
            let loaded = try await onOwnThread { SiteLoader(contentDirectory: Repository.content.path, templates: Self.builtin).load() }
            let renderer = try #require(loaded.renderer)
            let builder = ViewBuilder(guide: renderer.guide, locale: renderer.allLocales[0], locales: renderer.allLocales, chrome: renderer.chrome, format: .html,
                                      media: [:], parses: InlineParseCache())
            func pieces(_ pattern: String) -> [String] {
                builder.pattern(pattern).map { piece in
                    switch piece {
                    case .escaped(let text): "text:" + text
                    case .placeholder(let name, let escaped): "name:\(name)=\(escaped)"
                    }
                }
            }
            #expect(pieces("{0} & {1}") == ["text:", "name:0={0}", "text: &amp; ", "name:1={1}", "text:"])
            #expect(pieces("a < {x") == ["text:a &lt; ", "text:{x"])
            #expect(pieces("{}{<}") == ["text:", "name:={}", "text:", "name:<={&lt;}", "text:"])
            #expect(pieces("düz") == ["text:düz"])
        }

        /// `trimmingSpaces` on bytes cuts what cutting the scalars did: spaces only, not other
        /// white space, and the same string back when there is nothing to cut.
        @Test(arguments: ["", " ", "   ", "a", " a", "a ", "  a b  ", "\u{A0}a\u{A0}", "\ta\t", " ş ", "现在 ", " \u{301}", "a\u{3000}"])
        func trimmingSpacesCutsSpacesOnly(text: String) {
            let scalars = text.unicodeScalars
            let expected = scalars.firstIndex(where: { $0 != " " }).map { String(scalars[$0...scalars.lastIndex(where: { $0 != " " })!]) } ?? ""
            #expect(text.trimmingSpaces() == expected)
        }

        @Test func guidegenThreads1WritesTheSameFolderAsTheDefault() async throws {
            let one = try TemporaryDirectory(), many = try TemporaryDirectory()
            let arguments = ["build", "--content", Repository.content.path, "--templates", Repository.templates.path]
            let single = try await guidegen(arguments, in: one.url, environment: ["GUIDEGEN_THREADS": "1"])
            let parallel = try await guidegen(arguments, in: many.url, environment: ["GUIDEGEN_THREADS": "4"])
            #expect(single.status == 0 && parallel.status == 0, "\(single.stderr)\(parallel.stderr)")
            let a = snapshot(of: one.url.appendingPathComponent("Output")), b = snapshot(of: many.url.appendingPathComponent("Output"))
            #expect(a.count > 30)
            #expect(a == b)
        }

        @Test func aRebuildRestoresAnyOutputThatChangedAndFollowsTheContent() async throws {
            let directory = try TemporaryDirectory()
            let content = try directory.copy(Repository.fixture("render-small/content"), as: "content")
            func build() async throws -> CommandResult {
                let result = try await guidegen(["build", "--content", content.path], in: directory.url)
                #expect(result.status == 0, "\(result.stderr)")
                return result
            }
            let output = directory.url.appendingPathComponent("Output")
            _ = try await build()
            let built = snapshot(of: output)
            #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".guidegen-cache").path))

            // Nothing changed.
            #expect(try await build().stdout.contains(": 0 written, 16 unchanged, 0 removed"))
            #expect(snapshot(of: output) == built)

            // An output edited in place (same size), one removed, the manifest touched: all restored.
            let page = output.appendingPathComponent("html/tr/index.html")
            var bytes = try Data(contentsOf: page)
            bytes[bytes.count / 2] = bytes[bytes.count / 2] == 0x61 ? 0x62 : 0x61
            try bytes.write(to: page)
            try FileManager.default.removeItem(at: output.appendingPathComponent("markdown/en/index.md"))
            #expect(try await build().stdout.contains(": 2 written, 14 unchanged, 0 removed"))
            #expect(snapshot(of: output) == built)

            // An output replaced by a symbolic link to the same bytes is not what the build left:
            // the build is not skipped, and refuses to write through the link.
            let copy = directory.url.appendingPathComponent("index-copy.html")
            try FileManager.default.copyItem(at: page, to: copy)
            try FileManager.default.removeItem(at: page)
            try FileManager.default.createSymbolicLink(at: page, withDestinationURL: copy)
            let refused = try await guidegen(["build", "--content", content.path], in: directory.url)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("Output/html/tr/index.html is a symbolic link or special file"), "\(refused.stderr)")
            try FileManager.default.removeItem(at: page)
            try FileManager.default.moveItem(at: copy, to: page)
            #expect(try await build().stdout.contains(": 0 written, 16 unchanged, 0 removed"))

            // The content changed: the pages follow.
            let section = content.appendingPathComponent("sections/open-account.yaml")
            let text = try String(contentsOf: section, encoding: .utf8)
            try text.replacingOccurrences(of: "title: ", with: "title: Yeni ").write(to: section, atomically: true, encoding: .utf8)
            let changed = try await build()
            #expect(!changed.stdout.contains(": 0 written"))
            #expect(snapshot(of: output) != built)
        }

        @Test func pageTextNormalisesLineEndsSpacesBlankLinesAndComposition() {
            #expect(PageText.normalise("\n\n a \t\r\n\r\n\r\nb\rc  \n\n") == " a\n\nb\nc\n")
            #expect(PageText.normalise(" \n\t\n") == "")
            // Line feeds only (cut with memchr): the same rules.
            #expect(PageText.normalise("\n \n a \t\n\n\t\n b\n  \n") == " a\n\n b\n")
            #expect(PageText.normalise("a\nb") == "a\nb\n")
            #expect(PageText.normalise("\n") == "")
            #expect(PageText.normalise("e\u{301}") == "\u{E9}\n")
            #expect(PageText.lines("a\n\n\nb\n") == ["a", "", "b"])
            #expect(PageText.normalise("İş ‘[现在去认证]’\n") == "İş ‘[现在去认证]’\n")
        }

        /// Every text of a few bytes among letters, spaces, tabs and line ends is normalised as
        /// the rules say, line by line: trailing spaces and tabs cut, blank lines at the ends
        /// dropped and runs of them made one, each line ended by a line feed. The pages are
        /// written in place into memory the size of the text and one byte, which this fills.
        @Test func everyShortTextIsNormalisedLineByLine() {
            let pieces: [String] = ["a", " ", "\t", "\n", "\r", "\r\n"]
            func expected(_ text: String) -> String {
                let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
                var out: [String] = [], blank = false
                for line in lines {
                    if line.isEmpty { blank = !out.isEmpty; continue }
                    if blank { out.append("") }
                    out.append(line)
                    blank = false
                }
                return out.map { $0 + "\n" }.joined()
            }
            var generator = RenderingTests.PropertyTests.Generator(state: 25)
            for _ in 0..<5_000 {
                let text = (0..<generator.int(0...12)).map { _ in generator.pick(pieces) }.joined()
                #expect(PageText.normalise(text) == expected(text), "\(text.debugDescription)")
            }
        }

        /// A page rendered as bytes is normalised as its text would be: plainly NFC or not
        /// (decomposed letters, a Hangul syllable in parts), with any line ends and blank lines.
        @Test(arguments: ["\n\n a \t\r\n\r\n\r\nb\rc  \n\n", " \n\t\n", "e\u{301}\n", "İş ‘[现在去认证]’\n", "\u{1100}\u{1161} x\r\n", "", "a\u{0308}\n\n\nb"])
        func pageBytesAreNormalisedAsTheirText(text: String) {
            #expect(Array(text.utf8).withUnsafeBufferPointer(PageText.normalisedBytes) == PageText.normalisedBytes(text), "\(text.debugDescription)")
            #expect(String(decoding: Array(text.utf8).withUnsafeBufferPointer(PageText.normalisedBytes), as: UTF8.self) == PageText.normalise(text))
        }

        /// `LanguageTag.isWellFormed` on bytes says what the rule says on characters: a first
        /// subtag of 2–8 ASCII letters, then subtags of 1–8 ASCII letters or digits.
        @Test(arguments: ["", "e", "en", "tr", "zh-Hans", "pt-BR", "es-419", "sr-Latn-RS", "x-private", "en-", "-en", "en--US", "EN", "abcdefgh", "abcdefghi",
                          "en-abcdefgh", "en-abcdefghi", "en-1", "1en", "e1", "en_US", "en US", "tr-İ", "ş", "ﬁ", "en-\u{301}", "e\u{301}n", "en-\r\n", "en\u{0}", "de-CH-1901", "a-b-c"])
        func languageTagsAreWellFormedAsTheCharacterRuleSays(tag: String) {
            let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
            let byCharacters = parts.first.map { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } } == true
                && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            #expect(LanguageTag.isWellFormed(tag) == byCharacters)
        }

        /// `LanguageTag.direction` on bytes says what the rule says on its split, lower-cased
        /// primary subtag: right to left for the listed languages, whatever their case.
        @Test(arguments: ["ar", "AR", "ar-EG", "he", "He-IL", "fa", "ur-PK", "ckb", "CKB-IQ", "ckbx", "ck", "ug-Arab", "-ar", "--he", "ar-", "", "-", "tr", "en-US",
                          "zh-Hans", "arx", "a", "yi", "dv", "ps", "sd", "ﬁ", "ar\u{301}", "\u{212A}ckb", "şar", "AR-ş"])
        func directionsAreTheRulesOnThePrimarySubtag(tag: String) {
            let language = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
            let byRule = ["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug"].contains(language) ? "rtl" : "ltr"
            #expect(LanguageTag.direction(of: tag) == byRule, "\(tag.debugDescription)")
        }

        /// `ViewBuilder.displayURL` on bytes shows what the rule on characters shows: no `https://`
        /// (in any case) in front, no slashes at the end.
        @Test(arguments: ["https://portal.worldfirst.com/", "HTTPS://global.1688.com//", "https://", "https:///", "/", "", "http://x.com/", "https:/x",
                          "Https://a/b/", "https://é.com/", "https://x.com/\u{301}", "mailto:a@b.c", "https://a?b=/", "xhttps://a/"])
        func displayedURLsAreTheRuleOnCharacters(url: String) {
            var byRule = url
            if byRule.lowercased().hasPrefix("https://") { byRule.removeFirst("https://".count) }
            while byRule.hasSuffix("/") { byRule.removeLast() }
            #expect(ViewBuilder.displayURL(url) == byRule, "\(url.debugDescription)")
        }

        /// `NodeReader.isKebabCase` on bytes says what the rule says on scalars: lower-case ASCII
        /// letters, digits and single hyphens, no hyphen first or last.
        @Test(arguments: ["verify-identity", "step-1", "a", "1688", "", "-a", "a-", "-", "a--b", "A", "a_b", "ş", "ａ", "a b", "a-b-c", "a\u{301}", "x--"])
        func idsAreKebabCaseAsTheScalarRuleSays(id: String) {
            let byScalars = !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
                && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            #expect(NodeReader.isKebabCase(id) == byScalars, "\(id.debugDescription)")
        }

        /// The template parser's check for an empty part of a dotted name, on bytes, says what
        /// `contains("..")` says.
        @Test(arguments: ["a..b", "a.b", "..", ".", "", "a.", ".a", "a...b", "a.b.c", "ş..ı", "ş.ı", "a. .b", "a.\u{301}.b", "…"])
        func twoDotsTogetherAsContainsSays(name: String) {
            #expect(TemplateParser.hasTwoDotsTogether(name) == name.contains(".."), "\(name.debugDescription)")
        }

        /// A template name's parts, read on bytes for ASCII names, are what `split` on characters gives.
        @Test(arguments: ["a", "a.b", "strings.title", "a..b", ".a", "a.", "section.steps.text", "", "ş.ı", "a.\u{301}b", "名.字", "a.b.c.d"])
        func templateNamePartsAreTheCharacterSplit(name: String) {
            #expect(TemplateName(name).parts.map(\.text) == name.split(separator: ".", omittingEmptySubsequences: false).map(String.init), "\(name.debugDescription)")
        }

        /// Whether a link's text shows its URL is answered on bytes for ASCII texts; the answer is
        /// the one lower-casing and comparing characters gives, for texts and URLs that do and do not.
        @Test func aLinkTextShowsItsURLOnBytesAsByCharacters() {
            let texts = ["1688.com", "https://1688.com", "HTTPS://WWW.1688.com/", "www.1688.com//", "global.1688.com", "1688.COM/", "http://https://1688.com",
                         "https://http://1688.com", "www.", "https://", "", "/", "Portal", "portal.worldfirst.com", "1688.com\r\n", "WWW.1688.com", "ıı.com", "İ.com", "K.com",
                         "\u{212A}.com", "1688.com\u{037E}", "\u{1FEF}1688.com", "www.1688.com/\u{301}", "1688.com\u{301}", "Portalı", "İ", "i\u{307}.com", "\u{212B}.com"]
            let urls = ["https://1688.com", "https://www.1688.com/", "https://portal.worldfirst.com/", "http://1688.com", "https://1688.com/a", "mailto:x@y.z",
                        "https://", "https://k.com", "https://i.com", "https://1688.com;", "https://`1688.com", "https://ı.com", "https://å.com"]
            for text in texts {
                for url in urls {
                    #expect(URLPolicy.textShowsURL(text, url) == URLPolicy.textShowsURLByCharacters(text, url), "\(text.debugDescription) \(url)")
                }
            }
            #expect(URLPolicy.textShowsURL("WWW.1688.com/", "https://1688.com"))
            #expect(!URLPolicy.textShowsURL("global.1688.com", "https://1688.com"))
            #expect(URLPolicy.textShowsURL("\u{212A}.com", "https://k.com"))
        }

        /// A link destination's kind is told on bytes first; a mark after the prefix joins its
        /// colon into another character, and then it is not that prefix, as `hasPrefix` says.
        @Test(arguments: ["link:key", "link:", "link", "ui:en", "ui:\u{301}en", "link:\u{301}", "section:a#b", "section:a#b#c", "section:#b", "section:a#",
                          "section:ş#ı", "section:a\u{301}#b", "section:a#\u{301}b", "https://x.com", "sectıon:a", "LINK:a", ""])
        func destinationsAreReadAsByCharacters(destination: String) {
            for prefix: StaticString in ["link:", "ui:", "section:"] {
                let text = prefix.description
                let expected = destination.hasPrefix(text) ? String(destination.unicodeScalars.dropFirst(text.unicodeScalars.count)) : nil
                #expect(destination.dropPrefix(prefix).map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(destination.debugDescription) \(text)")
            }
            if destination.hasPrefix("section:") {
                let parts = String(destination.dropFirst("section:".count)).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                #expect(InlineReference(destination: destination) == .section(id: parts[0], step: parts.count > 1 ? parts[1] : nil), "\(destination.debugDescription)")
            }
            #expect(InlineRenderer.hasColon(destination) == destination.contains(":"))
        }

        /// Text that HTML escaping or plain printing leaves alone is told on bytes; random texts
        /// of the characters either changes (and their neighbours on the byte level) come out
        /// byte for byte as the scalar-by-scalar rewrite makes them.
        @Test func textLeftAloneIsToldOnBytesAsTheRewriteSays() {
            var random = PropertyTests.Generator(state: 29)
            let pieces = ["a", "İş", "&", "<", ">", "\"", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{FF}", "\u{2029}", "\u{202A}",
                          "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{FDCF}", String(Unicode.Scalar(0xFDD0)!), String(Unicode.Scalar(0xFDEF)!), "\u{FDF0}", "\u{FFFD}", "\u{FFFE}",
                          "\u{FFFF}", "\u{1FFFE}", "\u{10FFFF}", "😀", "\u{E000}", "\u{E001}", "\u{E002}", "现", "‘x’"]
            for _ in 0..<3_000 {
                var text = ""
                for _ in 0..<random.int(0...8) { text += random.pick(pieces) }
                #expect(Array(Escape.htmlText(text).utf8) == Array(Escape.escapedHTMLText(text).utf8), "\(text.debugDescription)")
                #expect(Array(InlineRenderer.plain(text).utf8) == Array(InlineRenderer.printedPlain(text).utf8), "\(text.debugDescription)")
            }
            #expect(Escape.keepsEveryScalar("İş ‘现在’ \u{E000}x", stops: ASCIISet(Array("&".utf8))) == true)
            #expect(Escape.keepsEveryScalar("a\u{E000}", stops: ASCIISet(Array("&".utf8)), marks: true) == false)
            #expect(Escape.keepsEveryScalar("a😀", stops: ASCIISet(Array("&".utf8))) == nil)
        }

        /// `URLPolicy.isClean` on bytes says what the rule says on scalars: printable ASCII only,
        /// and no double quote, angle bracket, backtick or backslash.
        @Test(arguments: ["https://1688.com", "https://a.com/ş", "https://a.com/%C5%9F", "https://a b", "https://a\"b", "https://a<b", "https://a>b",
                          "https://a`b", "https://a\\b", "https://a\u{202E}b", "https://a\u{7F}", "https://a\tb", "mailto:x@y.z", "tel:+90", "", "~!#$%&'()*+,-./:;=?@[]^_{|}"])
        func urlsAreCleanAsTheScalarRuleSays(url: String) {
            let byScalars = url.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !"\"<>`\\".unicodeScalars.contains($0) }
            #expect(URLPolicy.isClean(url) == byScalars, "\(url.debugDescription)")
        }

        /// Whether a registry or inline URL is published is told on bytes; the answer is the
        /// rule's on lower-cased characters (https, or mailto: and tel: in text; clean; more than
        /// the scheme for the registry), for URLs in either case, bare schemes and ones beyond ASCII.
        @Test(arguments: ["https://1688.com", "HTTPS://1688.COM", "HtTpS://a", "https://", "https:/", "http://1688.com", "mailto:x@y.z", "MAILTO:x@y.z",
                          "tel:+90", "Tel:", "tel", "https://a b", "https://ş.com", "ｈttps://a", "https://a\u{301}", "İhttps://a", "", "ftp://a", "https://a\"b"])
        func urlsArePublishedOnBytesAsTheRuleOnCharactersSays(url: String) {
            let lower = url.lowercased()
            #expect(URLPolicy.isAllowedRegistryURL(url) == (lower.hasPrefix("https://") && url.count > "https://".count && URLPolicy.isClean(url)), "\(url.debugDescription)")
            #expect(URLPolicy.isAllowedInlineURL(url) == ((lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:")) && URLPolicy.isClean(url)),
                    "\(url.debugDescription)")
        }

        /// What a run hands to `release` is freed on another thread; where the process exits
        /// when its work is done (the command line says so as it starts), it is kept until then.
        /// A library user, as these tests are, frees.
        @Test func releasedValuesAreFreedOrKeptUntilTheExit() async throws {
            final class Probe: Sendable {}
            #expect(!Parallel.keepsReleasedValuesUntilExit)
            weak var freed: Probe?
            do {
                let probe = Probe()
                freed = probe
                Parallel.release(consume probe, keepingUntilExit: false)
            }
            for _ in 0..<500 where freed != nil { try await Task.sleep(for: .milliseconds(10)) }
            #expect(freed == nil)
            weak var kept: Probe?
            do {
                let probe = Probe()
                kept = probe
                Parallel.release(consume probe, keepingUntilExit: true)
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(kept != nil)
        }

        /// A template's output buffer keeps every byte in order as it grows past its capacity,
        /// and forgets only the bytes after the place it is told.
        @Test func theOutputBufferKeepsEveryByteAsItGrows() {
            var buffer = ByteBuffer(capacity: 4)
            var expected: [UInt8] = []
            for piece in ["a", "", "şı", "现在去认证", String(repeating: "x", count: 100), "\n"] {
                buffer.append(utf8: piece)
                expected += Array(piece.utf8)
                buffer.append(UInt8(ascii: "|"))
                expected.append(UInt8(ascii: "|"))
            }
            #expect(buffer.bytes() == expected)
            #expect(buffer.count == expected.count)
            #expect(buffer.bytes(from: 3) == Array(expected[3...]))
            buffer.removeBytes(from: 5)
            #expect(buffer.bytes() == Array(expected[..<5]))
            buffer.append(utf8: "é")
            #expect(buffer.withBytes { Array($0) } == Array(expected[..<5]) + Array("é".utf8))
        }

        /// A page longer than the renderer's first buffer (16 KB) comes out whole, also where an
        /// override is rendered and then indented again for its place.
        @Test func aPageLongerThanTheFirstBufferComesOutWhole() throws {
            let line = String(repeating: "ş", count: 999) + "\n"
            let items = (0..<40).map { object(["v": text("\($0)\(line)")]) }
            let rendered = try mustache("{{<p}}{{$b}}\n    {{#items}}{{v}}{{/items}}\n{{/b}}{{/p}}\n", object(["items": items.templateValue]),
                                        partials: ["p": "Hi,\n  {{$b}}\n  {{/b}}\n"])
            #expect(rendered == "Hi,\n" + (0..<40).map { "  \($0)\(line)" }.joined() + "  \n")
        }

        /// Protection marks are written as bytes around the text: the same string as the marks'
        /// scalars joined to it.
        @Test(arguments: ["", "a", "Onayla", "现在去认证", "e\u{301}", "😀 x", String(repeating: "ş", count: 40)])
        func protectedTextIsTheTextBetweenTheMarks(text: String) {
            let protected = TextWrapper.protect(text)
            #expect(Array(protected.utf8) == Array((String(TextWrapper.protectStart) + text + String(TextWrapper.protectEnd)).utf8))
            #expect(TextWrapper.unprotect(protected) == text)
        }

        /// The scalars `isPlainlyNFC` lets through are ones NFC leaves alone wherever they stand:
        /// combining class 0 and the standard library's quick check passes each; others go to it.
        @Test func thePlainNFCScalarsAreStartersTheQuickCheckPasses() throws {
            guard #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) else { return }
            let plain = (0..<0x300).compactMap(Unicode.Scalar.init) + (0x2010...0x2027).compactMap(Unicode.Scalar.init) + (0x4E00...0x9FFF).compactMap(Unicode.Scalar.init)
                + [TextWrapper.protectStart, TextWrapper.protectEnd]
            #expect(plain.count == 0x300 + 0x18 + 0x5200 + 2)
            for scalar in plain {
                let text = String(Character(scalar))
                var span = text.utf8Span
                #expect(scalar.properties.canonicalCombiningClass == .notReordered && span.checkForNFC(quickCheck: true), "U+\(String(scalar.value, radix: 16))")
                #expect(PageText.isPlainlyNFC(text))
            }
            var all = String.UnicodeScalarView()
            all.append(contentsOf: plain)
            #expect(PageText.isPlainlyNFC(String(all)))
            for other: Unicode.Scalar in ["\u{300}", "\u{301}", "\u{2000}", "\u{2001}", "\u{200F}", "\u{2028}", "\u{2126}", "\u{3099}", "\u{4DFF}", "\u{A000}", "\u{AC00}", "\u{1161}", "\u{F900}", "\u{1F600}", "\u{D7FF}", "\u{E002}", "\u{F8FF}"] {
                #expect(!PageText.isPlainlyNFC("İş \(Character(other))"), "U+\(String(other.value, radix: 16))")
            }
            // Whatever the fast path says, a page comes out as Foundation composes it.
            for text in ["İş ‘a’ 现在", "e\u{301}", "A\u{30A}…", "\u{2126}hm", "\u{1100}\u{1161}", "ş\u{327}", "“x” — \u{F900}"] {
                #expect(PageText.nfc(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.unicodeScalars.map { $0.value })")
            }
        }

        static let scalars = [
            "", " ", "\n", "~", "~\n", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "true\n", "yes", "no", "on", "off", "Off", "OFF",
            "y", "n", "o", "t", "f", "1", "-1", "+1", "0", "0x1F", "0o17", "0b101", "017", "1_000", "1:30", "-1:30", "1.5", ".5", "5.", "1e5", "1E+5",
            ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "inf", "Infinity", "nan", "inf:30", "nan(1)", "<<", "=", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5", "text", "title", "tip", "note", "number", "fields", "on-hold", "yesterday", "action", "step-1", "1688-account",
            "şey", "İade", "‘[Convert](ui:en)’", "[x](link:y)", "Velvo", "+", "-", ".", "_", "a:1", "x1", "e5", "Kelvin \u{212A}",
        ]

        @Test func theQuickResolverRuleGivesTheTagsOfYamsDefaultResolver() {
            for string in Self.scalars {
                let node = Node.scalar(Node.Scalar(string))
                #expect(Resolver.guidegen.resolveTag(of: node) == Resolver.default.resolveTag(of: node), "\(string.debugDescription)")
            }
        }

        /// duplicate-step-text and duplicate-list-item compare keys made on scalars; they are the
        /// keys the characters give, also where white space shares a character with a mark or a
        /// prepended sign.
        @Test(arguments: [
            "Hesabınızı  doğrulayın", "  ŞİFRE\tTekrarı \n", "İade ıİ", "ΟΔΟΣ Σ", "a\r\nb", "a\u{A0}b\u{3000}c", "\u{2028}x\u{85}",
            "a \u{301}b", "a\u{301} b", "a\u{600} b", "a \u{200D}b", "x \u{1F3FB}", "e\u{301}\u{20}\u{20}É", "ǅungla ǈ", "ﬀ ß ẞ", "",
            " ", "\u{301}", "👍🏽  ok", "क्ष \u{94D}", "‘[Gönder](ui:tr)’  düğmesine   TIKLAYIN", "“Uluslararası Gönderim”i seçin",
            "ÇİĞDEM ŞÖYLE  Ünlü", "Å Å ǲ", "ı\u{307} i\u{307}", "\u{A0}\u{301}x", "—\u{301} ‘",
        ])
        func theDuplicateStepKeyIsTheKeyOfTheCharacters(text: String) {
            let characters = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            // Byte for byte, not only equal as strings (which compares canonical equivalents).
            #expect(Array(TextScanning.comparisonKey(text).utf8) == Array(characters.utf8), "\(text.debugDescription)")
        }

        /// A canonical key made of a string is equal to another exactly when the strings are,
        /// whatever their normal forms, and equal keys hash alike.
        @Test func canonicalKeysAreEqualWhenTheirStringsAre() {
            let texts = ["é", "e\u{301}", "şu adım", "s\u{327}u adım", "Şu adım", "ı", "i", "\u{1100}\u{1161}", "가", "Å", "\u{212B}",
                         "A\u{30A}", "q\u{307}\u{323}", "q\u{323}\u{307}", "", "a", "ab"]
            for a in texts {
                for b in texts {
                    let (left, right) = (ByteKey(canonical: a), ByteKey(canonical: b))
                    #expect((left == right) == (a == b), "\(a.debugDescription) and \(b.debugDescription)")
                    if left == right { #expect(left.hashValue == right.hashValue) }
                }
            }
            #expect(ByteKey(canonical: "e\u{301}") == ByteKey(canonical: "é"))
            #expect(ByteKey("e\u{301}") != ByteKey("é"))
        }

        /// What `comparisonKey` takes for granted without asking the characters: a scalar that
        /// `mayShareCharacter` rules out makes two characters with any white space on either side.
        @Test func whiteSpaceMakesNoCharacterWithTheScalarsRuledOut() {
            let whiteSpace = (0...0x3000).compactMap(Unicode.Scalar.init).filter(TextScanning.isWhitespace)
            #expect(whiteSpace.count > 20)
            for value in (0..<0x300).map(UInt32.init) + Array(0x2010...0x2027) {
                guard let scalar = Unicode.Scalar(value), !TextScanning.isWhitespace(scalar) else { continue }
                #expect(!TextScanning.mayShareCharacter(scalar))
                for space in whiteSpace {
                    #expect(String(String.UnicodeScalarView([scalar, space])).count == 2, "U+\(String(value, radix: 16)) then U+\(String(space.value, radix: 16))")
                    #expect(String(String.UnicodeScalarView([space, scalar])).count == 2, "U+\(String(space.value, radix: 16)) then U+\(String(value, radix: 16))")
                }
            }
            #expect(TextScanning.mayShareCharacter("\u{301}") && TextScanning.mayShareCharacter("\u{600}"))
        }

        /// What `comparisonKey` writes as it is: every scalar that does not change when lower-cased
        /// is its own lower-case mapping.
        @Test func aScalarThatDoesNotChangeWhenLowerCasedIsItsOwnLowerCase() {
            var unchanged = 0
            for value in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { continue }
                unchanged += 1
                if scalar.properties.lowercaseMapping != String(scalar) {
                    Issue.record("U+\(String(value, radix: 16)) does not change when lower-cased, but its mapping is \(scalar.properties.lowercaseMapping.debugDescription)")
                }
            }
            #expect(unchanged > 1_000_000)
        }

        @Test func theQuickStringCheckOnlyPassesWhatYamsConstructorsRefuse() {
            for string in Self.scalars where NodeReader.cannotBeNumberBoolOrNull(string) {
                let node = Node.scalar(Node.Scalar(string, .implicit, .plain))
                #expect(node.int == nil && node.float == nil && node.bool == nil && node.null == nil && node.timestamp == nil, "\(string.debugDescription)")
            }
            #expect(NodeReader.cannotBeNumberBoolOrNull("İade talebini düzenleyin"))
            #expect(NodeReader.cannotBeNumberBoolOrNull("step-1"))
            #expect(!NodeReader.cannotBeNumberBoolOrNull("Infinity"))
        }

        /// The byte check answers as the check on lower-cased strings did.
        @Test func theQuickStringCheckOnBytesIsTheCheckOnLowerCasedStrings() {
            func onStrings(_ string: String) -> Bool {
                guard let first = string.utf8.first else { return false }
                if !string.utf8.allSatisfy({ $0 < 0x80 }) { return true }
                guard (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
                let lower = string.lowercased()
                return !["true", "yes", "on", "false", "no", "off", "null"].contains(lower) && !lower.hasPrefix("inf") && !lower.hasPrefix("nan")
            }
            for string in Self.scalars + ["NaN", "nAn1", "InF", "i@f", "n`n", "tRuE", "of", "nul", "nulls", "YES!", "o[", "N_", "Kelvin"] {
                #expect(NodeReader.cannotBeNumberBoolOrNull(string) == onStrings(string), "\(string.debugDescription)")
            }
        }
    }
}
