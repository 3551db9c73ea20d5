/// The fields of every view model by the names templates use (see `TemplateFields`).
///
/// Templates used to find `{{name}}` with `Mirror` (reflecting the value, walking every field and
/// demangling each field's type), then through casts to `Any`: most of a build. A `switch` per
/// type gives the typed value directly, on the field's `TemplateFieldName`, known since the
/// template compiled (a switch on the name's string compared it with each case in turn).

extension PageView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .lang: lang.templateValue
        case .dir: dir.templateValue
        case .title: title.templateValue
        case .guideTitle: guideTitle.templateValue
        case .guideTitleText: guideTitleText.templateValue
        case .root: root.templateValue
        case .assets: assets.templateValue
        case .home: home.templateValue
        case .strings: strings.templateValue
        case .attr: attr.templateValue
        case .upper: upper.templateValue
        case .alternates: alternates.templateValue
        case .xDefault: xDefault.templateValue
        case .languages: languages.templateValue
        case .otherLanguages: otherLanguages.templateValue
        case .hasOtherLanguages: hasOtherLanguages.templateValue
        case .hasFallback: hasFallback.templateValue
        case .support: support.templateValue
        case .article: article.templateValue
        case .contents: contents.templateValue
        case .chooser: chooser.templateValue
        default: nil
        }
    }
}

extension AlternateView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .hreflang: hreflang.templateValue
        case .href: href.templateValue
        default: nil
        }
    }
}

extension LanguageView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .lang: lang.templateValue
        case .dir: dir.templateValue
        case .name: self.name.templateValue
        case .href: href.templateValue
        case .current: current.templateValue
        case .guideTitle: guideTitle.templateValue
        default: nil
        }
    }
}

extension SectionLinkView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .href: href.templateValue
        case .label: label.templateValue
        case .title: title.templateValue
        default: nil
        }
    }
}

extension ArticleView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .id: id.templateValue
        case .label: label.templateValue
        case .title: title.templateValue
        case .titleText: titleText.templateValue
        case .intro: intro.templateValue
        case .prerequisites: prerequisites.templateValue
        case .hasPrerequisites: hasPrerequisites.templateValue
        case .steps: steps.templateValue
        case .previous: previous.templateValue
        case .next: next.templateValue
        case .jsonLD: jsonLD.templateValue
        default: nil
        }
    }
}

extension StepView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .id: id.templateValue
        case .number: number.templateValue
        case .kind: kind.templateValue
        case .text: text.templateValue
        case .detail: detail.templateValue
        case .substepsIntro: substepsIntro.templateValue
        case .substeps: substeps.templateValue
        case .hasSubsteps: hasSubsteps.templateValue
        case .fields: fields.templateValue
        case .hasFields: hasFields.templateValue
        case .notes: notes.templateValue
        case .questions: questions.templateValue
        case .hasQuestions: hasQuestions.templateValue
        case .lists: lists.templateValue
        case .links: links.templateValue
        case .hasLinks: hasLinks.templateValue
        case .screenshot: screenshot.templateValue
        default: nil
        }
    }
}

extension SubstepView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .id: id.templateValue
        case .number: number.templateValue
        case .text: text.templateValue
        default: nil
        }
    }
}

extension NoteView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .kind: kind.templateValue
        case .label: label.templateValue
        case .text: text.templateValue
        default: nil
        }
    }
}

extension QuestionView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .id: id.templateValue
        case .question: question.templateValue
        case .answer: answer.templateValue
        case .items: items.templateValue
        case .hasItems: hasItems.templateValue
        default: nil
        }
    }
}

extension LinkView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .href: href.templateValue
        case .text: text.templateValue
        default: nil
        }
    }
}

extension ScreenshotView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .src: src.templateValue
        case .alt: alt.templateValue
        case .width: width.templateValue
        case .height: height.templateValue
        case .hasSize: hasSize.templateValue
        default: nil
        }
    }
}

extension SupportView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .team: team.templateValue
        case .hoursLabel: hoursLabel.templateValue
        case .hours: hours.templateValue
        case .emailLabel: emailLabel.templateValue
        case .email: email.templateValue
        case .emailHref: emailHref.templateValue
        case .emailChannel: emailChannel.templateValue
        case .responseTime: responseTime.templateValue
        case .phoneLabel: phoneLabel.templateValue
        case .phone: phone.templateValue
        case .phoneHref: phoneHref.templateValue
        default: nil
        }
    }
}

extension ContentsView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .sections: sections.templateValue
        default: nil
        }
    }
}

extension ContentsEntryView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .href: href.templateValue
        case .label: label.templateValue
        case .title: title.templateValue
        case .intro: intro.templateValue
        case .stepCount: stepCount.templateValue
        default: nil
        }
    }
}

extension ChooserView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .languages: languages.templateValue
        default: nil
        }
    }
}

extension ChecklistBlockView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .lang: lang.templateValue
        case .title: title.templateValue
        case .titleRule: titleRule.templateValue
        case .strings: strings.templateValue
        case .upper: upper.templateValue
        case .hasFallback: hasFallback.templateValue
        case .support: support.templateValue
        case .section: section.templateValue
        default: nil
        }
    }
}

extension ChecklistSectionView: TemplateFields, TemplateValueConvertible {
    func templateField(_ name: TemplateKey) -> TemplateValue? {
        switch name.field {
        case .label: label.templateValue
        case .title: title.templateValue
        case .rule: rule.templateValue
        case .intro: intro.templateValue
        case .prerequisites: prerequisites.templateValue
        case .steps: steps.templateValue
        default: nil
        }
    }
}
