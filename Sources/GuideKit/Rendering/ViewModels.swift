/// The values templates see. Every text is a `Fragment` already rendered and escaped for the
/// template's format; templates only place them. Field names are the names templates use.

/// What every page has: its language, the chrome strings, the other languages, the support contact.
struct PageView {
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
    let strings: [String: Fragment]
    /// Chrome strings for attribute values (plain, attribute-escaped; HTML only).
    let attr: [String: Fragment]
    /// Chrome strings in upper case by their language's rules (`upper.checklist`: `KONTROL LİSTESİ`).
    let upper: [String: Fragment]
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
}

struct AlternateView {
    let hreflang: Fragment
    let href: Fragment
}

struct LanguageView {
    let lang: Fragment
    let dir: Fragment
    /// The locale's name in its own language (`Türkçe`, `English`).
    let name: Fragment
    let href: Fragment
    let current: Bool
    /// The guide's title in that language (language chooser).
    let guideTitle: Fragment
}

/// A link to another article: its file, label and title (title without links inside).
struct SectionLinkView {
    let href: Fragment
    let label: Fragment
    let title: Fragment
}

/// One help-centre article (one section of the guide).
struct ArticleView {
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
}

struct StepView {
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
}

struct SubstepView {
    /// `<step-id>--<substep-id>`: unique on the page (ids are kebab-case, so `--` cannot occur in them).
    let id: Fragment
    let number: Fragment
    let text: Fragment
}

struct NoteView {
    /// `note`, `tip` or `warning`.
    let kind: Fragment
    /// The chrome word for the kind (`Not`, `İpucu`, `Uyarı`).
    let label: Fragment
    let text: Fragment
}

struct QuestionView {
    let id: Fragment
    let question: Fragment
    let answer: Fragment
    let items: [Fragment]
    let hasItems: Bool
}

struct LinkView {
    let href: Fragment
    /// The URL as shown: without `https://` and a trailing slash.
    let text: Fragment
}

struct ScreenshotView {
    /// Relative to the page.
    let src: Fragment
    let alt: Fragment
    let width: Int?
    let height: Int?
    let hasSize: Bool
}

/// The support contact shown on every page.
struct SupportView {
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
}

/// A locale's table of contents.
struct ContentsView {
    let sections: [ContentsEntryView]
}

struct ContentsEntryView {
    let href: Fragment
    let label: Fragment
    let title: Fragment
    let intro: Fragment?
    /// How many steps the section has, as the locale counts (`7 adım`, `1 step`).
    let stepCount: Fragment
}

/// The language chooser (`html/index.html`).
struct ChooserView {
    let languages: [LanguageView]
}

/// One block of the printable checklist (the header, a section, or the footer), with what every
/// block may show. `section` is set for section blocks only.
struct ChecklistBlockView {
    let lang: Fragment
    /// The guide's title.
    let title: Fragment
    /// A line of `=` as wide as the title (at most the page width).
    let titleRule: Fragment
    let strings: [String: Fragment]
    let upper: [String: Fragment]
    /// Some text of the checklist fell back to the source language (the header explains the marker).
    let hasFallback: Bool
    let support: SupportView
    let section: ChecklistSectionView?
}

struct ChecklistSectionView {
    let label: Fragment
    let title: Fragment
    /// A line of `-` as wide as the page.
    let rule: Fragment
    let intro: Fragment?
    /// The prerequisites' labels joined the locale's way (`1 ve 3`).
    let prerequisites: Fragment?
    let steps: [StepView]
}
