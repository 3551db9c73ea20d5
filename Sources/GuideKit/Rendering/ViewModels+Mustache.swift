import Mustache

/// A view model that hands its fields to Mustache by name.
///
/// Without it Mustache finds `{{name}}` with `Mirror`: it reflects the value, walks every field
/// and demangles each field's type, for every tag on every page and for every level of the
/// context stack a name is looked up through — over half of a build's instructions. Each view
/// model lists its fields below; a field added to a view model needs its line here, or templates
/// do not see it (`TemplateFieldsTests` checks every field of every view model against `Mirror`).
protocol TemplateFields: MustacheParent {
    /// The field called `name` as `Mirror` would give it to Mustache (an optional unwrapped, so a
    /// nil field is `.some(nil)`); nil when the type has no field of that name.
    func templateField(_ name: String) -> Any??
}

extension TemplateFields {
    func child(named name: String) -> Any? {
        templateField(name) ?? nil
    }
}

/// `.some(value)` for a field that exists, nil inside when the optional is nil.
private func field<T>(_ value: T?) -> Any?? { .some(value.map { $0 as Any }) }

extension PageView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "lang": field(lang)
        case "dir": field(dir)
        case "title": field(title)
        case "guideTitle": field(guideTitle)
        case "guideTitleText": field(guideTitleText)
        case "root": field(root)
        case "assets": field(assets)
        case "home": field(home)
        case "strings": field(strings)
        case "attr": field(attr)
        case "upper": field(upper)
        case "alternates": field(alternates)
        case "xDefault": field(xDefault)
        case "languages": field(languages)
        case "otherLanguages": field(otherLanguages)
        case "hasOtherLanguages": field(hasOtherLanguages)
        case "hasFallback": field(hasFallback)
        case "support": field(support)
        case "article": field(article)
        case "contents": field(contents)
        case "chooser": field(chooser)
        default: nil
        }
    }
}

extension AlternateView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "hreflang": field(hreflang)
        case "href": field(href)
        default: nil
        }
    }
}

extension LanguageView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "lang": field(lang)
        case "dir": field(dir)
        case "name": field(self.name)
        case "href": field(href)
        case "current": field(current)
        case "guideTitle": field(guideTitle)
        default: nil
        }
    }
}

extension SectionLinkView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "href": field(href)
        case "label": field(label)
        case "title": field(title)
        default: nil
        }
    }
}

extension ArticleView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "id": field(id)
        case "label": field(label)
        case "title": field(title)
        case "titleText": field(titleText)
        case "intro": field(intro)
        case "prerequisites": field(prerequisites)
        case "hasPrerequisites": field(hasPrerequisites)
        case "steps": field(steps)
        case "previous": field(previous)
        case "next": field(next)
        case "jsonLD": field(jsonLD)
        default: nil
        }
    }
}

extension StepView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "id": field(id)
        case "number": field(number)
        case "kind": field(kind)
        case "text": field(text)
        case "detail": field(detail)
        case "substepsIntro": field(substepsIntro)
        case "substeps": field(substeps)
        case "hasSubsteps": field(hasSubsteps)
        case "fields": field(fields)
        case "hasFields": field(hasFields)
        case "notes": field(notes)
        case "questions": field(questions)
        case "hasQuestions": field(hasQuestions)
        case "lists": field(lists)
        case "links": field(links)
        case "hasLinks": field(hasLinks)
        case "screenshot": field(screenshot)
        default: nil
        }
    }
}

extension SubstepView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "id": field(id)
        case "number": field(number)
        case "text": field(text)
        default: nil
        }
    }
}

extension NoteView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "kind": field(kind)
        case "label": field(label)
        case "text": field(text)
        default: nil
        }
    }
}

extension QuestionView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "id": field(id)
        case "question": field(question)
        case "answer": field(answer)
        case "items": field(items)
        case "hasItems": field(hasItems)
        default: nil
        }
    }
}

extension LinkView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "href": field(href)
        case "text": field(text)
        default: nil
        }
    }
}

extension ScreenshotView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "src": field(src)
        case "alt": field(alt)
        case "width": field(width)
        case "height": field(height)
        case "hasSize": field(hasSize)
        default: nil
        }
    }
}

extension SupportView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "team": field(team)
        case "hoursLabel": field(hoursLabel)
        case "hours": field(hours)
        case "emailLabel": field(emailLabel)
        case "email": field(email)
        case "emailHref": field(emailHref)
        case "emailChannel": field(emailChannel)
        case "responseTime": field(responseTime)
        case "phoneLabel": field(phoneLabel)
        case "phone": field(phone)
        case "phoneHref": field(phoneHref)
        default: nil
        }
    }
}

extension ContentsView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "sections": field(sections)
        default: nil
        }
    }
}

extension ContentsEntryView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "href": field(href)
        case "label": field(label)
        case "title": field(title)
        case "intro": field(intro)
        case "stepCount": field(stepCount)
        default: nil
        }
    }
}

extension ChooserView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "languages": field(languages)
        default: nil
        }
    }
}

extension ChecklistBlockView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "lang": field(lang)
        case "title": field(title)
        case "titleRule": field(titleRule)
        case "strings": field(strings)
        case "upper": field(upper)
        case "hasFallback": field(hasFallback)
        case "support": field(support)
        case "section": field(section)
        default: nil
        }
    }
}

extension ChecklistSectionView: TemplateFields {
    func templateField(_ name: String) -> Any?? {
        switch name {
        case "label": field(label)
        case "title": field(title)
        case "rule": field(rule)
        case "intro": field(intro)
        case "prerequisites": field(prerequisites)
        case "steps": field(steps)
        default: nil
        }
    }
}
