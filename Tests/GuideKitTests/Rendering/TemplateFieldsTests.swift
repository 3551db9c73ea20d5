@testable import GuideKit
import Testing

extension RenderingTests {
    /// Templates find view-model fields through `TemplateFields`, not `Mirror` (which costs more
    /// than the rest of a build): every field of every view model must have its entry, holding
    /// that field's value as the matching `TemplateValue`.
    @Suite struct TemplateFieldsTests {
        static func f(_ name: String) -> Fragment { Fragment(escaped: name) }

        static let support = SupportView(
            team: f("team"), hoursLabel: f("hoursLabel"), hours: f("hours"), emailLabel: f("emailLabel"), email: f("email"),
            emailHref: f("emailHref"), emailChannel: f("emailChannel"), responseTime: f("responseTime"), phoneLabel: f("phoneLabel"),
            phone: f("phone"), phoneHref: f("phoneHref"))
        static let language = LanguageView(lang: f("lang"), dir: f("dir"), name: f("name"), href: f("href"), current: true, guideTitle: f("guideTitle"))
        static let link = SectionLinkView(href: f("href"), label: f("label"), title: f("title"))
        static let step = StepView(
            id: f("id"), number: f("number"), kind: f("kind"), text: f("text"), detail: f("detail"), substepsIntro: nil,
            substeps: [SubstepView(id: f("id"), number: f("number"), text: f("text"))], hasSubsteps: true, fields: [f("fields")], hasFields: true,
            notes: [NoteView(kind: f("kind"), label: f("label"), text: f("text"))],
            questions: [QuestionView(id: f("id"), question: f("question"), answer: f("answer"), items: [f("items")], hasItems: true)],
            hasQuestions: true, lists: [f("lists")], links: [LinkView(href: f("href"), text: f("text"))], hasLinks: true,
            screenshot: ScreenshotView(src: f("src"), alt: f("alt"), width: 3, height: nil, hasSize: false))
        static let article = ArticleView(
            id: f("id"), label: f("label"), title: f("title"), titleText: f("titleText"), intro: nil, prerequisites: [link],
            hasPrerequisites: true, steps: [step], previous: link, next: nil, jsonLD: f("jsonLD"))
        static let section = ChecklistSectionView(label: f("label"), title: f("title"), rule: f("rule"), intro: f("intro"), prerequisites: nil, steps: [step])

        static var samples: [any TemplateFields] { [
            PageView(
                lang: f("lang"), dir: f("dir"), title: f("title"), guideTitle: f("guideTitle"), guideTitleText: f("guideTitleText"),
                root: f("root"), assets: f("assets"), home: f("home"), strings: FragmentTable(["k": f("strings")]), attr: FragmentTable(["k": f("attr")]), upper: FragmentTable(["k": f("upper")]),
                alternates: [AlternateView(hreflang: f("hreflang"), href: f("href"))], xDefault: f("xDefault"), languages: [language],
                otherLanguages: [], hasOtherLanguages: false, hasFallback: true, support: support, article: article,
                contents: ContentsView(sections: [ContentsEntryView(href: f("href"), label: f("label"), title: f("title"), intro: nil, stepCount: f("stepCount"))]),
                chooser: ChooserView(languages: [language])),
            AlternateView(hreflang: f("hreflang"), href: f("href")),
            language, link, article, step,
            SubstepView(id: f("id"), number: f("number"), text: f("text")),
            NoteView(kind: f("kind"), label: f("label"), text: f("text")),
            QuestionView(id: f("id"), question: f("question"), answer: f("answer"), items: [], hasItems: false),
            LinkView(href: f("href"), text: f("text")),
            ScreenshotView(src: f("src"), alt: f("alt"), width: nil, height: 4, hasSize: true),
            support,
            ContentsView(sections: []),
            ContentsEntryView(href: f("href"), label: f("label"), title: f("title"), intro: f("intro"), stepCount: f("stepCount")),
            ChooserView(languages: [language]),
            ChecklistBlockView(lang: f("lang"), title: f("title"), titleRule: f("titleRule"), strings: FragmentTable([:]), upper: FragmentTable(["k": f("upper")]), hasFallback: false, support: support, section: section),
            section,
        ] }

        @Test(arguments: 0..<17)
        func everyFieldHasItsEntry(_ index: Int) {
            let samples = Self.samples
            #expect(samples.count == 17)
            let sample = samples[index]
            let type = String(describing: Swift.type(of: sample))
            for child in Mirror(reflecting: sample).children {
                let name = try! #require(child.label)
                guard let entry = sample.templateField(TemplateKey(name)) else {
                    Issue.record("\(type).\(name) has no entry in ViewModels+TemplateFields.swift: templates cannot see it")
                    continue
                }
                #expect(Self.describe(entry) == Self.describe(child.value), "\(type).\(name)")
            }
            #expect(sample.templateField(TemplateKey("noSuchField")) == nil)
        }

        /// The same text for a field's value and for the `TemplateValue` it should be.
        static func describe(_ value: TemplateValue) -> String {
            switch value {
            case .text(let fragment): "text \(fragment.string)"
            case .bool(let flag): "bool \(flag)"
            case .number(let number): "number \(number)"
            case .null: "null"
            case .list(let list): "list [" + (0..<list.count).map { describe(list.element(at: $0)) }.joined(separator: ", ") + "]"
            case .object(let object): "object \(Swift.type(of: object))"
            }
        }

        static func describe(_ value: Any) -> String {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return "null" }
                return describe(wrapped)
            }
            switch value {
            case let fragment as Fragment: return "text \(fragment.string)"
            case let flag as Bool: return "bool \(flag)"
            case let number as Int: return "number \(number)"
            case let array as [Any]: return "list [" + array.map { describe($0) }.joined(separator: ", ") + "]"
            default: return "object \(Swift.type(of: value))"
            }
        }
    }
}
