import Foundation
import GuideKit
import Testing

extension TranslationCommandTests {
    /// `guidegen l10n export` and `import`: XLIFF 1.2 out, translations back in.
    @Suite struct XLIFFCommandTests {
        static let checker = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/tools/check-xliff.sh")

        /// Whether the shared checker can run here: the script and translate-toolkit on the PATH.
        static let checkerAvailable: Bool = {
            guard FileManager.default.isExecutableFile(atPath: checker.path) else { return false }
            return (try? runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "command -v xliff2po && command -v xmllint"]).status) == 0
        }()

        func export(_ locale: String, in directory: TemporaryDirectory, to file: String = "out.xlf") async throws -> String {
            let result = try await TranslationCommandTests.run(["l10n", "export", "--locale", locale, "--format", "xliff", "-o", file], in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            return try String(contentsOf: directory.url.appendingPathComponent(file), encoding: .utf8)
        }

        func importing(_ file: String, in directory: TemporaryDirectory) async throws -> CommandResult {
            try await TranslationCommandTests.run(["l10n", "import", file], in: directory)
        }

        func write(_ text: String, to file: String, in directory: TemporaryDirectory) throws {
            try text.write(to: directory.url.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }

        /// The `<trans-unit>` of `key`, to edit in a test.
        func unit(_ key: String, in xliff: String) throws -> String {
            let start = try #require(xliff.range(of: "<trans-unit id=\"\(key)\""))
            let end = try #require(xliff.range(of: "</trans-unit>", range: start.upperBound..<xliff.endIndex))
            return String(xliff[start.lowerBound..<end.upperBound])
        }

        @Test func oneUnitPerKeyWithStateFingerprintLocationAndProtectedLabels() async throws {
            let (directory, _) = try TranslationCommandTests.copy()
            let xliff = try await export("en", in: directory)
            #expect(xliff.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"))
            #expect(xliff.contains(#"<file original="Content" source-language="tr" target-language="en" datatype="plaintext">"#))
            #expect(xliff.components(separatedBy: "<trans-unit ").count - 1 == 90)
            let placeOrder = try unit("pay-on-1688.steps.place-order.text", in: xliff)
            #expect(placeOrder.contains(#"<trans-unit id="pay-on-1688.steps.place-order.text" resname="pay-on-1688.steps.place-order.text" xml:space="preserve" approved="yes">"#))
            #expect(placeOrder.contains(#"<source xml:lang="tr">Ürün miktarını seçin ve “<bx id="1" ctype="x-ui-label" equiv-text="["/><mrk mtype="protected">Sipariş Ver</mrk><ex id="1" equiv-text="](ui:tr)"/>”e tıklayın</source>"#))
            #expect(placeOrder.contains(#"<target xml:lang="en" state="translated">Choose the product quantity and click “<bx id="1" ctype="x-ui-label" equiv-text="["/><mrk mtype="protected">Sipariş Ver</mrk><ex id="1" equiv-text="](ui:tr)"/>” <bx id="2" ctype="x-gloss" equiv-text="["/>Place order<ex id="2" equiv-text="](gloss:)"/></target>"#))
            #expect(placeOrder.contains(#"<context context-type="sourcefile">Content/sections/pay-on-1688.yaml</context>"#))
            #expect(placeOrder.contains(#"<note from="guidegen-location" annotates="source">Content/sections/pay-on-1688.yaml:11:11</note>"#))
            #expect(placeOrder.contains("<note from=\"guidegen-fingerprint\" annotates=\"target\">\(Fingerprint.of("Ürün miktarını seçin ve “[Sipariş Ver](ui:tr)”e tıklayın"))</note>"))
            let answer = try unit("pay-on-1688.steps.choose-cross-border-treasure.questions.only-world-pay.answer", in: xliff)
            #expect(answer.contains(#"World Pay için <ph id="1" ctype="x-number">[0.8](percent:)</ph>, kredi/banka kartı için <ph id="2" ctype="x-number">[1](percent:)</ph> oranında"#))
            let intro = try unit("pay-on-1688.intro", in: xliff)
            #expect(intro.contains(#"<bx id="1" ctype="link" equiv-text="["/>1688.com<ex id="1" equiv-text="](link:1688-home)"/>"#))
            // Deterministic: the same bytes again.
            #expect(try await export("en", in: directory, to: "again.xlf") == xliff)
        }

        /// The OASIS schemas ship in ../shared beside the checkout (CI lays it there); a clone
        /// elsewhere, or a machine without xmllint, skips this test rather than failing it.
        static let schemas = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/xliff")
        static let canValidate = FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")
            && FileManager.default.fileExists(atPath: schemas.appendingPathComponent("xliff-core-1.2-strict.xsd").path)

        @Test(.enabled(if: canValidate, "needs /usr/bin/xmllint and ../shared/schemas/xliff"))
        func theExportValidatesAgainstTheStrictXLIFF12Schema() async throws {
            let (directory, _) = try TranslationCommandTests.copy()
            _ = try await export("en", in: directory)
            let schemas = Self.schemas
            let folder = directory.url
            let result = try await onOwnThread {
                try runProcess(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--nonet", "--noout", "--schema", schemas.appendingPathComponent("xliff-core-1.2-strict.xsd").path, "out.xlf"],
                               in: folder, environment: ["XML_CATALOG_FILES": schemas.appendingPathComponent("catalog.xml").path])
            }
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("out.xlf validates"))
        }

        /// pofilter's heuristics that compare the shape of source and target sentence by sentence
        /// and that Turkish→English breaks by grammar, not by mistake: Turkish puts the verb last
        /// and English first (`1688 hesabınızı açın` / `Open your 1688 account`: capitals and
        /// first characters differ), and Turkish joins suffixes to quotes (`“Convert”e` /
        /// `“Convert” to`: spacing after punctuation differs). `make check-xliff` excludes the same.
        static let wordOrderHeuristics = ["simplecaps", "startcaps", "startpunc", "puncspacing"]

        /// The shared checker: the schema, translate-toolkit's xliff2po/po2xliff round trip and
        /// pofilter. Without exclusions, every pofilter finding is one of the word-order
        /// heuristics (no lost brackets, quotes, numbers, placeholders or untranslated units);
        /// with them excluded the file passes.
        @Test(.enabled(if: checkerAvailable))
        func theSharedCheckerPassesTheExport() async throws {
            let (directory, _) = try TranslationCommandTests.copy()
            _ = try await export("en", in: directory)
            let folder = directory.url
            let everything = try await onOwnThread { try runProcess(URL(fileURLWithPath: "/bin/bash"), [Self.checker.path, "out.xlf"], in: folder) }
            let summary = everything.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.hasPrefix("xliff: out.xlf version 1.2 (tr->en), 90 units (90 translated), schema OK, roundtrip OK, "), "\(everything.stdout)\(everything.stderr)")
            let tests = Set(everything.stdout.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("pofilter: unit ") else { return nil }
                let fields = line.split(separator: ":")
                return fields.count >= 3 ? fields[2].trimmingCharacters(in: .whitespaces) : nil
            })
            #expect(tests.isSubset(of: Self.wordOrderHeuristics), "\(tests.subtracting(Self.wordOrderHeuristics).sorted()) in:\n\(everything.stdout)")

            let arguments = Self.wordOrderHeuristics.map { "--excludefilter=\($0)" }.joined(separator: " ")
            let passing = try await onOwnThread {
                try runProcess(URL(fileURLWithPath: "/bin/bash"), [Self.checker.path, "out.xlf"], in: folder, environment: ["POFILTER_ARGS": arguments])
            }
            #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
            #expect(passing.stdout.hasSuffix(", 0 pofilter failures\n"), "\(passing.stdout)")
        }

        @Test(arguments: [Repository.content, TranslationCommandTests.smallContent])
        func exportThenImportChangesNoByte(_ content: URL) async throws {
            let (directory, copy) = try TranslationCommandTests.copy(content)
            let catalog = copy.appendingPathComponent("locales/en.yaml")
            let before = try TranslationCommandTests.read(catalog)
            _ = try await export("en", in: directory)
            let result = try await importing("out.xlf", in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasSuffix("refused; no catalog changed\n"))
            #expect(try TranslationCommandTests.read(catalog) == before)
        }

        /// English may put the UI labels of a sentence in another order than Turkish: the target's
        /// tags keep the ids of the source tags they stand for, so the file reads back exactly.
        @Test func aTranslationWithItsLabelsInAnotherOrderRoundTrips() async throws {
            let (directory, copy) = try TranslationCommandTests.copy()
            let catalog = copy.appendingPathComponent("locales/en.yaml")
            let reordered = try String(contentsOf: catalog, encoding: .utf8).replacingOnce(
                "Open the ‘[Ödemeler](ui:tr)’ [Payments](gloss:) page > click the ‘[World Pay](ui:en)’ tab",
                with: "Click the ‘[World Pay](ui:en)’ tab on the ‘[Ödemeler](ui:tr)’ [Payments](gloss:) page")
            try reordered.write(to: catalog, atomically: true, encoding: .utf8)
            let before = try TranslationCommandTests.read(catalog)
            let xliff = try await export("en", in: directory)
            let target = try unit("authorise-worldfirst.steps.open-world-pay-tab.text", in: xliff)
            #expect(target.contains(#"Click the ‘<bx id="2" ctype="x-ui-label" equiv-text="["/><mrk mtype="protected">World Pay</mrk><ex id="2" equiv-text="](ui:en)"/>’ tab on the ‘<bx id="1" ctype="x-ui-label""#), "\(target)")
            let result = try await importing("out.xlf", in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(try TranslationCommandTests.read(catalog) == before)
        }

        /// A gloss is the one tag a translator may add: it comes back as `[…](gloss:)`.
        @Test func aGlossAddedInTheTranslationIsImported() async throws {
            let (directory, copy) = try TranslationCommandTests.copy()
            let catalog = copy.appendingPathComponent("locales/en.yaml")
            var xliff = try await export("en", in: directory)
            let unit = try unit("pay-on-1688.steps.choose-cross-border-treasure.text", in: xliff)
            let glossed = unit.replacingOnce("’ as the payment method</target>", with: #"’ <bx id="7" ctype="x-gloss" equiv-text="["/>Cross-border payment<ex id="7" equiv-text="](gloss:)"/> as the payment method</target>"#)
            #expect(glossed != unit)
            xliff = xliff.replacingOnce(unit, with: glossed)
            try write(xliff, to: "glossed.xlf", in: directory)
            let result = try await importing("glossed.xlf", in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(try String(contentsOf: catalog, encoding: .utf8).contains("Select ‘[Cross-border treasure](ui:en)’ [Cross-border payment](gloss:) as the payment method"))
        }

        @Test func importMergesTargetsAndFingerprintsAndKeepsEverythingElse() async throws {
            let (directory, copy) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            let catalog = copy.appendingPathComponent("locales/en.yaml")
            let before = try String(contentsOf: catalog, encoding: .utf8)
            var xliff = try await export("en", in: directory)
            // A new translation of a translated string.
            xliff = xliff.replacingOnce(">Enter your details</target>", with: ">Fill in your details</target>")
            // The stale one reviewed: same text, now marked translated.
            let stale = try unit("verify-account.steps.open-settings.text", in: xliff)
            #expect(stale.contains(#"state="needs-review-translation""#))
            xliff = xliff.replacingOnce(stale, with: stale.replacingOnce(#"state="needs-review-translation""#, with: #"state="translated""#))
            // The missing one translated.
            let missing = try unit("verify-account.steps.enter-code.text", in: xliff)
            let filled = missing.replacingOnce(#"<target xml:lang="en" state="needs-translation"></target>"#, with: #"<target xml:lang="en" state="translated">Enter the code</target>"#)
            xliff = xliff.replacingOnce(missing, with: filled)
            // An emptied target: the translation stays.
            xliff = xliff.replacingOnce(#"<target xml:lang="en" state="translated">Small guide</target>"#, with: #"<target xml:lang="en" state="translated"></target>"#)
            try write(xliff, to: "edited.xlf", in: directory)

            let result = try await importing("edited.xlf", in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout == "guidegen l10n import: en: 2 updated, 1 added, 26 unchanged, 0 refused; wrote Content/locales/en.yaml\n")

            let after = try String(contentsOf: catalog, encoding: .utf8)
            let stalePrint = try #require(CatalogLoader.parse(before, displayPath: "en.yaml", expectedLocale: "en").catalog?.entries["verify-account.steps.open-settings.text"]?.source.value)
            let loaded = try #require(CatalogLoader(directory: copy.path).load().catalogs.first)
            let guide = try #require(ContentLoader(directory: copy.path).load().guide)
            #expect(guide.texts.allSatisfy { loaded.state(of: $0) == .translated }, "nothing stale or missing any more")
            #expect(loaded.entries["guide.title"]?.text.value == "Small guide")
            let entered = try #require(guide.texts.first { $0.key == "verify-account.steps.enter-code.text" })
            #expect(loaded.entries[entered.key]?.source.value == Fingerprint.of(entered.value))
            // Every other line is as it was; the new entry sits after the key before it in the guide.
            let oldLines = before.split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = after.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(newLines.count == oldLines.count + 3)
            #expect(Set(oldLines).subtracting(newLines).sorted() == ["    source: \(stalePrint)", "    text: \"Enter your details\""], "the changed text and the reviewed fingerprint, nothing else")
            let openSettings = try #require(newLines.firstIndex { $0 == "  verify-account.steps.open-settings.text:" })
            let enterCode = try #require(newLines.firstIndex { $0 == "  verify-account.steps.enter-code.text:" })
            #expect(enterCode > openSettings)

            // And a second import of the same file changes nothing more.
            let again = try await importing("edited.xlf", in: directory)
            #expect(again.stdout.hasSuffix("no catalog changed\n"))
            #expect(try String(contentsOf: catalog, encoding: .utf8) == after)
        }

        @Test func unitsWhoseSourceChangedOrWhoseTagsBrokeAreRefusedTheOthersImported() async throws {
            let (directory, copy) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            var xliff = try await export("en", in: directory)
            xliff = xliff.replacingOnce(">Enter your details</target>", with: ">Fill in your details</target>")
            // The source text changed since the export (here: in the file).
            let title = try unit("open-account.title", in: xliff)
            xliff = xliff.replacingOnce(title, with: title.replacingOnce("Hesap nasıl açılır?", with: "Hesap nasıl oluşturulur?"))
            // A UI label translated.
            let label = try unit("open-account.steps.visit-register-page.substeps.click-verify-now.text", in: xliff)
            let targetStart = try #require(label.range(of: "<target"))
            let changedTarget = String(label[targetStart.lowerBound...]).replacingOnce("<mrk mtype=\"protected\">现在去认证</mrk>", with: "<mrk mtype=\"protected\">Verify now</mrk>")
            xliff = xliff.replacingOnce(label, with: String(label[..<targetStart.lowerBound]) + changedTarget)
            // A link tag that the source does not have.
            let intro = try unit("open-account.intro", in: xliff)
            let introTarget = try #require(intro.range(of: "<target"))
            xliff = xliff.replacingOnce(intro, with: String(intro[..<introTarget.lowerBound]) + String(intro[introTarget.lowerBound...]).replacingOnce(#"<ex id="1""#, with: #"<ex id="9""#))
            try write(xliff, to: "edited.xlf", in: directory)
            let lines = xliff.split(separator: "\n", omittingEmptySubsequences: false)
            let titleLine = try #require(lines.firstIndex { $0.contains(#"<trans-unit id="open-account.title""#) }) + 1

            let result = try await importing("edited.xlf", in: directory)
            #expect(result.status == 1)
            #expect(result.stdout.contains("edited.xlf:\(titleLine):9: error: unit ‘open-account.title’: its source is not the current text of the content (it changed since the export): export again and translate the new text [source-changed]"))
            #expect(result.stdout.contains("error: unit ‘open-account.steps.visit-register-page.substeps.click-verify-now.text’: the UI label ‘现在去认证’ was changed to ‘Verify now’: UI labels stay exactly as on screen [protected-changed]"))
            #expect(result.stdout.contains("error: unit ‘open-account.intro’: <ex id=\"9\"> is not a tag of the source: keep the source's tags only [unknown-tag]"))
            #expect(result.stdout.hasSuffix("guidegen l10n import: en: 1 updated, 0 added, 25 unchanged, 3 refused; wrote Content/locales/en.yaml\n"))
            let loaded = try #require(CatalogLoader(directory: copy.path).load().catalogs.first)
            #expect(loaded.entries["open-account.steps.enter-details.text"]?.text.value == "Fill in your details")
            #expect(loaded.entries["open-account.title"]?.text.value == "How do I open an account?")
        }

        /// Ways an XLIFF file can be broken.
        enum Damage: String, CaseIterable {
            case truncated, mismatchedTag, xliff20, unitWithoutID

            func apply(_ xliff: String) -> String {
                switch self {
                case .truncated: String(xliff.prefix(xliff.count / 2))
                case .mismatchedTag: xliff.replacingOnce("</body>", with: "</bdy>")
                case .xliff20: xliff.replacingOnce(#"<xliff version="1.2""#, with: #"<xliff version="2.0""#)
                case .unitWithoutID: xliff.replacingOnce(#"<trans-unit id="guide.title""#, with: "<trans-unit")
                }
            }
        }

        @Test(arguments: Damage.allCases)
        func aBrokenFileChangesNothingAndSaysWhere(_ damage: Damage) async throws {
            let name = damage.rawValue
            let (directory, copy) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            let catalog = copy.appendingPathComponent("locales/en.yaml")
            let before = try TranslationCommandTests.read(catalog)
            let xliff = try await export("en", in: directory)
            try write(damage.apply(xliff.replacingOnce(">Enter your details</target>", with: ">Fill in your details</target>")), to: "broken.xlf", in: directory)
            let result = try await importing("broken.xlf", in: directory)
            #expect(result.status == 1, "\(name)")
            #expect(result.stdout.hasPrefix("broken.xlf:"), "\(name): \(result.stdout)")
            #expect(result.stdout.contains(#/broken\.xlf:[0-9]+:[0-9]+: error: /#), "\(name)")
            #expect(result.stdout.hasSuffix("guidegen l10n import: nothing imported\n"), "\(name)")
            #expect(try TranslationCommandTests.read(catalog) == before, "\(name): the catalog is untouched")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("locales").path)
            #expect(leftovers == ["en.yaml"], "no temporary file left")
        }

        @Test func aLocaleWithoutACatalogExportsEmptyTargetsAndImportStartsItsCatalog() async throws {
            let (directory, copy) = try TranslationCommandTests.copy(TranslationCommandTests.smallContent)
            var xliff = try await export("de", in: directory)
            #expect(xliff.components(separatedBy: #"state="needs-translation"></target>"#).count - 1 == 29)
            let title = try unit("guide.title", in: xliff)
            xliff = xliff.replacingOnce(title, with: title.replacingOnce(#"<target xml:lang="de" state="needs-translation"></target>"#, with: #"<target xml:lang="de" state="translated">Kleiner Leitfaden</target>"#))
            try write(xliff, to: "de.xlf", in: directory)
            let result = try await importing("de.xlf", in: directory)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let text = try String(contentsOf: copy.appendingPathComponent("locales/de.yaml"), encoding: .utf8)
            #expect(text.contains("name: Deutsch\n"))
            #expect(text.contains("  # tr: Küçük rehber\n  guide.title:\n    source: \(Fingerprint.of("Küçük rehber"))\n    text: Kleiner Leitfaden\n"))
            let status = try await TranslationCommandTests.run(["l10n", "status", "--format", "json"], in: directory)
            let german = try #require(try JSONDecoder().decode(StatusDocument.self, from: Data(status.stdout.utf8)).locales.first { $0.locale == "de" })
            #expect(german.groups.filter { $0.kind != "chrome" }.map(\.counts.translated).reduce(0, +) == 1)
        }
    }
}
