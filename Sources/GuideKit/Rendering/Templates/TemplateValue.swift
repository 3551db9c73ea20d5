/// What a template name resolves to: view models hand their fields to templates as these typed
/// values, so rendering never reflects or casts (`Mirror`, `as?`).
///
/// Truthiness in `{{#name}}` sections: `null`, `false`, an empty fragment and an empty list are
/// false; a list repeats the section once per element; `true` renders it once in the same
/// context; any other value (a non-empty fragment, a number, zero included, an object) renders
/// it once with that value pushed on the context stack.
enum TemplateValue {
    /// Text already escaped for the template's format.
    case text(Fragment)
    case bool(Bool)
    case number(Int)
    case list(any TemplateList)
    case object(any TemplateFields)
    /// An optional field that is nil: present (the lookup stops here) but false and printed as nothing.
    case null

    /// The value's own field `name`; only objects have fields.
    func field(_ name: TemplateKey) -> TemplateValue? {
        if case .object(let object) = self { return object.templateField(name) }
        return nil
    }
}

/// A view model that hands its fields to templates by name. Only classes: a value in
/// `TemplateValue.object` is then one reference, copied by a retain.
///
/// Each view model lists its fields (ViewModels+TemplateFields.swift); a field added to a view
/// model needs its line there, or templates do not see it (`TemplateFieldsTests` checks every
/// field of every view model against `Mirror`).
protocol TemplateFields: AnyObject {
    /// The field called `name`; nil when the type has no field of that name (a nil optional
    /// field is `.null`).
    func templateField(_ name: TemplateKey) -> TemplateValue?
}

/// A list a section repeats over, element by element, without copying it into an array of values.
/// Only classes, as `TemplateFields`: a `TemplateValue` is then two words and a tag, returned in
/// registers, where a list of any type made every value five words, copied through memory at
/// each look-up (a look-up of every tag of every page).
protocol TemplateList: AnyObject {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// An array as a template list.
final class TemplateArray<Element: TemplateValueConvertible>: TemplateList {
    let elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    var count: Int { elements.count }
    func element(at index: Int) -> TemplateValue { elements[index].templateValue }
}

/// A type that has a template value: fragments, flags, numbers, view models, lists and optionals of those.
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension Fragment: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    var templateValue: TemplateValue { map(\.templateValue) ?? .null }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(TemplateArray(self)) }
}

extension TemplateValueConvertible where Self: TemplateFields {
    var templateValue: TemplateValue { .object(self) }
}

/// Chrome strings by key, for `{{strings.KEY}}`, `{{attr.KEY}}` and `{{upper.KEY}}`: a key that
/// is not there prints nothing.
final class FragmentTable: TemplateFields, TemplateValueConvertible, Sendable {
    let fragments: [String: Fragment]

    init(_ fragments: [String: Fragment]) { self.fragments = fragments }

    subscript(key: String) -> Fragment? { fragments[key] }

    func templateField(_ name: TemplateKey) -> TemplateValue? { fragments[name.text].map { .text($0) } }
}

/// A field name as a template writes it (`{{title}}`, a part of `{{strings.next}}`), with the
/// view-model field it names when it names one. Matched once, when the template compiles: a
/// look-up then compares numbers, where comparing the name with every field of each view on the
/// context stack was 2 % of a build.
struct TemplateKey: Sendable, Equatable {
    let text: String
    /// Nil for a name no view model has (a chrome string's key, a test's field).
    let field: TemplateFieldName?

    init(_ text: String) {
        self.text = text
        field = TemplateFieldName(rawValue: text)
    }
}

/// Every field name of the view models (ViewModels+TemplateFields.swift).
enum TemplateFieldName: String, Sendable {
    case alt, alternates, answer, article, assets, attr, chooser, contents, current, detail, dir
    case email, emailChannel, emailHref, emailLabel, fields, guideTitle, guideTitleText
    case hasFallback, hasFields, hasItems, hasLinks, hasOtherLanguages, hasPrerequisites
    case hasQuestions, hasSize, hasSubsteps, height, home, hours, hoursLabel, href, hreflang, id
    case intro, items, jsonLD, kind, label, lang, languages, links, lists, name, next, notes
    case number, otherLanguages, phone, phoneHref, phoneLabel, prerequisites, previous, question
    case questions, responseTime, root, rule, screenshot, section, sections, src, stepCount, steps
    case strings, substeps, substepsIntro, support, team, text, title, titleRule, titleText, upper
    case width, xDefault
}
