/// The values templates see. Every text is a `Fragment` already rendered and escaped for the
/// template's format; templates only place them. Field names are the names templates use.
///
/// They are classes, not structs: a template reads a view through `TemplateValue.object`, and a
/// struct there was boxed and copied, field by field, each time a list handed out an element or a
/// look-up passed a level of the context stack (a tenth of rendering a page); a class is one
/// reference to retain.

/// What every page has: its language, the chrome strings, the other languages, the support contact.
final class PageView: Sendable {
    /// BCP 47 tag of the page (`tr`, `en`).
    let lang: Fragment
    /// `ltr` or `rtl`.
    let dir: Fragment
    /// The page's title as plain text (for `<title>`).
    let title: Fragment
    /// The guide's title, rich (may hold UI labels) and as plain text.
    let guideTitle: Fragment
    let guideTitleText: Fragment
    /// Relative path from the page to the format's root folder (`../`), and to the assets.
    let root: Fragment
    let assets: Fragment
    /// Link to this locale's table of contents.
    let home: Fragment
    /// Chrome strings for element content (a fallback wrapped in its language in HTML, marked in text).
    let strings: FragmentTable
    /// Chrome strings for attribute values (plain, attribute-escaped; HTML only).
    let attr: FragmentTable
    /// Chrome strings in upper case by their language's rules (`upper.checklist`: `KONTROL LİSTESİ`).
    let upper: FragmentTable
    /// Every locale's version of this page, for `<link rel="alternate" hreflang>` (HTML only).
    let alternates: [AlternateView]
    /// The source locale's version (`hreflang="x-default"`).
    let xDefault: Fragment
    /// Every locale, this one marked `current`.
    let languages: [LanguageView]
    /// The other locales only.
    let otherLanguages: [LanguageView]
    let hasOtherLanguages: Bool
    /// Some text on the page fell back to the source language.
    let hasFallback: Bool
    let support: SupportView
    /// Exactly one of these is set.
    let article: ArticleView?
    let contents: ContentsView?
    let chooser: ChooserView?

    init(
        lang: Fragment, dir: Fragment, title: Fragment, guideTitle: Fragment, guideTitleText: Fragment, root: Fragment, assets: Fragment,
        home: Fragment, strings: FragmentTable, attr: FragmentTable, upper: FragmentTable, alternates: [AlternateView], xDefault: Fragment,
        languages: [LanguageView], otherLanguages: [LanguageView], hasOtherLanguages: Bool, hasFallback: Bool, support: SupportView,
        article: ArticleView?, contents: ContentsView?, chooser: ChooserView?
    ) {
        self.lang = lang
        self.dir = dir
        self.title = title
        self.guideTitle = guideTitle
        self.guideTitleText = guideTitleText
        self.root = root
        self.assets = assets
        self.home = home
        self.strings = strings
        self.attr = attr
        self.upper = upper
        self.alternates = alternates
        self.xDefault = xDefault
        self.languages = languages
        self.otherLanguages = otherLanguages
        self.hasOtherLanguages = hasOtherLanguages
        self.hasFallback = hasFallback
        self.support = support
        self.article = article
        self.contents = contents
        self.chooser = chooser
    }
}

final class AlternateView: Sendable {
    let hreflang: Fragment
    let href: Fragment

    init(hreflang: Fragment, href: Fragment) {
        self.hreflang = hreflang
        self.href = href
    }
}

final class LanguageView: Sendable {
    let lang: Fragment
    let dir: Fragment
    /// The locale's name in its own language (`Türkçe`, `English`).
    let name: Fragment
    let href: Fragment
    let current: Bool
    /// The guide's title in that language (language chooser).
    let guideTitle: Fragment

    init(lang: Fragment, dir: Fragment, name: Fragment, href: Fragment, current: Bool, guideTitle: Fragment) {
        self.lang = lang
        self.dir = dir
        self.name = name
        self.href = href
        self.current = current
        self.guideTitle = guideTitle
    }
}

/// A link to another article: its file, label and title (title without links inside).
final class SectionLinkView: Sendable {
    let href: Fragment
    let label: Fragment
    let title: Fragment

    init(href: Fragment, label: Fragment, title: Fragment) {
        self.href = href
        self.label = label
        self.title = title
    }
}

/// One help-centre article (one section of the guide).
final class ArticleView: Sendable {
    let id: Fragment
    let label: Fragment
    let title: Fragment
    let titleText: Fragment
    let intro: Fragment?
    let prerequisites: [SectionLinkView]
    let hasPrerequisites: Bool
    let steps: [StepView]
    let previous: SectionLinkView?
    let next: SectionLinkView?
    /// The JSON-LD HowTo block, already safe inside `<script>` (HTML only).
    let jsonLD: Fragment?

    init(
        id: Fragment, label: Fragment, title: Fragment, titleText: Fragment, intro: Fragment?, prerequisites: [SectionLinkView],
        hasPrerequisites: Bool, steps: [StepView], previous: SectionLinkView?, next: SectionLinkView?, jsonLD: Fragment?
    ) {
        self.id = id
        self.label = label
        self.title = title
        self.titleText = titleText
        self.intro = intro
        self.prerequisites = prerequisites
        self.hasPrerequisites = hasPrerequisites
        self.steps = steps
        self.previous = previous
        self.next = next
        self.jsonLD = jsonLD
    }
}

final class StepView: Sendable {
    /// The English step id: the anchor, identical in every locale.
    let id: Fragment
    /// `4A.1`, derived from the order.
    let number: Fragment
    /// `action`, `input` or `result`.
    let kind: Fragment
    let text: Fragment
    let detail: Fragment?
    let substepsIntro: Fragment?
    let substeps: [SubstepView]
    let hasSubsteps: Bool
    let fields: [Fragment]
    let hasFields: Bool
    let notes: [NoteView]
    let questions: [QuestionView]
    let hasQuestions: Bool
    /// The step's list sentences with their items joined the locale's way.
    let lists: [Fragment]
    let links: [LinkView]
    let hasLinks: Bool
    let screenshot: ScreenshotView?

    init(
        id: Fragment, number: Fragment, kind: Fragment, text: Fragment, detail: Fragment?, substepsIntro: Fragment?, substeps: [SubstepView],
        hasSubsteps: Bool, fields: [Fragment], hasFields: Bool, notes: [NoteView], questions: [QuestionView], hasQuestions: Bool, lists: [Fragment],
        links: [LinkView], hasLinks: Bool, screenshot: ScreenshotView?
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.text = text
        self.detail = detail
        self.substepsIntro = substepsIntro
        self.substeps = substeps
        self.hasSubsteps = hasSubsteps
        self.fields = fields
        self.hasFields = hasFields
        self.notes = notes
        self.questions = questions
        self.hasQuestions = hasQuestions
        self.lists = lists
        self.links = links
        self.hasLinks = hasLinks
        self.screenshot = screenshot
    }
}

final class SubstepView: Sendable {
    /// `<step-id>--<substep-id>`: unique on the page (ids are kebab-case, so `--` cannot occur in them).
    let id: Fragment
    let number: Fragment
    let text: Fragment

    init(id: Fragment, number: Fragment, text: Fragment) {
        self.id = id
        self.number = number
        self.text = text
    }
}

final class NoteView: Sendable {
    /// `note`, `tip` or `warning`.
    let kind: Fragment
    /// The chrome word for the kind (`Not`, `İpucu`, `Uyarı`).
    let label: Fragment
    let text: Fragment

    init(kind: Fragment, label: Fragment, text: Fragment) {
        self.kind = kind
        self.label = label
        self.text = text
    }
}

final class QuestionView: Sendable {
    let id: Fragment
    let question: Fragment
    let answer: Fragment
    let items: [Fragment]
    let hasItems: Bool

    init(id: Fragment, question: Fragment, answer: Fragment, items: [Fragment], hasItems: Bool) {
        self.id = id
        self.question = question
        self.answer = answer
        self.items = items
        self.hasItems = hasItems
    }
}

final class LinkView: Sendable {
    let href: Fragment
    /// The URL as shown: without `https://` and a trailing slash.
    let text: Fragment

    init(href: Fragment, text: Fragment) {
        self.href = href
        self.text = text
    }
}

final class ScreenshotView: Sendable {
    /// Relative to the page.
    let src: Fragment
    let alt: Fragment
    let width: Int?
    let height: Int?
    let hasSize: Bool

    init(src: Fragment, alt: Fragment, width: Int?, height: Int?, hasSize: Bool) {
        self.src = src
        self.alt = alt
        self.width = width
        self.height = height
        self.hasSize = hasSize
    }
}

/// The support contact shown on every page.
final class SupportView: Sendable {
    let team: Fragment
    let hoursLabel: Fragment
    /// Days and hours, e.g. `Pazartesi–Cuma, 09:00–17:00 (yerel saatle)`.
    let hours: Fragment
    let emailLabel: Fragment
    let email: Fragment
    let emailHref: Fragment
    let emailChannel: Fragment
    let responseTime: Fragment
    let phoneLabel: Fragment
    let phone: Fragment
    let phoneHref: Fragment

    init(
        team: Fragment, hoursLabel: Fragment, hours: Fragment, emailLabel: Fragment, email: Fragment, emailHref: Fragment, emailChannel: Fragment,
        responseTime: Fragment, phoneLabel: Fragment, phone: Fragment, phoneHref: Fragment
    ) {
        self.team = team
        self.hoursLabel = hoursLabel
        self.hours = hours
        self.emailLabel = emailLabel
        self.email = email
        self.emailHref = emailHref
        self.emailChannel = emailChannel
        self.responseTime = responseTime
        self.phoneLabel = phoneLabel
        self.phone = phone
        self.phoneHref = phoneHref
    }
}

/// A locale's table of contents.
final class ContentsView: Sendable {
    let sections: [ContentsEntryView]

    init(sections: [ContentsEntryView]) {
        self.sections = sections
    }
}

final class ContentsEntryView: Sendable {
    let href: Fragment
    let label: Fragment
    let title: Fragment
    let intro: Fragment?
    /// How many steps the section has, as the locale counts (`7 adım`, `1 step`).
    let stepCount: Fragment

    init(href: Fragment, label: Fragment, title: Fragment, intro: Fragment?, stepCount: Fragment) {
        self.href = href
        self.label = label
        self.title = title
        self.intro = intro
        self.stepCount = stepCount
    }
}

/// The language chooser (`html/index.html`).
final class ChooserView: Sendable {
    let languages: [LanguageView]

    init(languages: [LanguageView]) {
        self.languages = languages
    }
}

/// One block of the printable checklist (the header, a section, or the footer), with what every
/// block may show. `section` is set for section blocks only.
final class ChecklistBlockView: Sendable {
    let lang: Fragment
    /// The guide's title.
    let title: Fragment
    /// A line of `=` as wide as the title (at most the page width).
    let titleRule: Fragment
    let strings: FragmentTable
    let upper: FragmentTable
    /// Some text of the checklist fell back to the source language (the header explains the marker).
    let hasFallback: Bool
    let support: SupportView
    let section: ChecklistSectionView?

    init(
        lang: Fragment, title: Fragment, titleRule: Fragment, strings: FragmentTable, upper: FragmentTable, hasFallback: Bool, support: SupportView,
        section: ChecklistSectionView?
    ) {
        self.lang = lang
        self.title = title
        self.titleRule = titleRule
        self.strings = strings
        self.upper = upper
        self.hasFallback = hasFallback
        self.support = support
        self.section = section
    }
}

final class ChecklistSectionView: Sendable {
    let label: Fragment
    let title: Fragment
    /// A line of `-` as wide as the page.
    let rule: Fragment
    let intro: Fragment?
    /// The prerequisites' labels joined the locale's way (`1 ve 3`).
    let prerequisites: Fragment?
    let steps: [StepView]

    init(label: Fragment, title: Fragment, rule: Fragment, intro: Fragment?, prerequisites: Fragment?, steps: [StepView]) {
        self.label = label
        self.title = title
        self.rule = rule
        self.intro = intro
        self.prerequisites = prerequisites
        self.steps = steps
    }
}
