@testable import GuideKit
import Testing

/// A value tests build by hand: an object of named fields.
final class TestObject: TemplateFields, TemplateValueConvertible {
    let fields: [String: TemplateValue]
    init(fields: [String: TemplateValue]) { self.fields = fields }
    func templateField(_ name: TemplateKey) -> TemplateValue? { fields[name.text] }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

/// Renders `template` (as template `main`) with `partials` beside it.
func mustache(_ template: String, _ data: TemplateValue = .object(TestObject(fields: [:])), partials: [String: String] = [:]) throws -> String {
    let linker = TemplateLinker(sources: partials.merging(["main": template]) { partial, _ in partial })
    let index = try linker.index(of: "main", indentation: "")
    var renderer = TemplateRenderer(program: TemplateProgram(linker.templates), view: data)
    renderer.render(template: index)
    return renderer.text
}

func object(_ fields: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
    .object(TestObject(fields: Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })))
}

func text(_ string: String) -> TemplateValue { .text(Fragment(escaped: string)) }

func list(_ values: TemplateValue...) -> TemplateValue { values.templateValue }

extension RenderingTests {
    /// guidegen's own Mustache: each feature of the spec (and of its inheritance module) with
    /// small templates whose expected output follows the spec's rules.
    @Suite struct MustacheTests {
        // MARK: Variables

        @Test func variablesPrintValuesAsTheyAreWithoutEscaping() throws {
            let data = object(["name": text("Ada"), "html": text("<b>&amp;</b>"), "count": .number(42), "flag": .bool(true)])
            #expect(try mustache("Hi {{name}}, {{ name }}!", data) == "Hi Ada, Ada!")
            #expect(try mustache("{{html}}|{{{html}}}|{{&html}}|{{& html }}", data) == "<b>&amp;</b>|<b>&amp;</b>|<b>&amp;</b>|<b>&amp;</b>")
            #expect(try mustache("{{count}} {{flag}}", data) == "42 true")
            #expect(try mustache("[{{missing}}]", data) == "[]")
        }

        @Test func dottedNamesLookTheFirstPartUpTheStackAndTheRestOnlyInside() throws {
            let data = object([
                "a": object(["b": object(["c": text("deep")]), "x": text("a.x")]),
                "c": text("top c"),
                "x": text("top x"),
                "list": list(object(["y": text("item")])),
            ])
            #expect(try mustache("{{a.b.c}}", data) == "deep")
            // The chain breaks at a missing part: no `c` from further down the stack.
            #expect(try mustache("[{{a.missing.c}}]", data) == "[]")
            #expect(try mustache("[{{a.b.x}}]", data) == "[]")
            // Inside a section the first part is still found further down.
            #expect(try mustache("{{#list}}{{y}} {{a.x}}{{/list}}", data) == "item a.x")
            // `a` is found on the stack; its `c` is looked for in `a` only.
            #expect(try mustache("{{#a.b}}{{c}}/{{a.x}}{{/a.b}}", data) == "deep/a.x")
            #expect(try mustache("{{#a}}[{{a.c}}]{{/a}}", data) == "[]")
            // Text has no fields.
            #expect(try mustache("[{{x.length}}]", data) == "[]")
        }

        @Test func aNullFieldStopsTheLookUp() throws {
            let data = object(["x": text("outer"), "inner": object(["x": .null])])
            #expect(try mustache("{{#inner}}[{{x}}]{{/inner}}", data) == "[]")
            #expect(try mustache("{{#inner}}{{^x}}none{{/x}}{{/inner}}", data) == "none")
        }

        @Test func theImplicitIteratorIsTheTopOfTheStack() throws {
            let data = object(["items": list(text("a"), text("b"), .number(3))])
            #expect(try mustache("{{#items}}({{.}}){{/items}}", data) == "(a)(b)(3)")
        }

        // MARK: Sections

        static func sectionValue(_ name: String) -> TemplateValue {
            switch name {
            case "false": .bool(false)
            case "null": .null
            case "empty fragment": text("")
            case "empty list": list()
            case "true": .bool(true)
            case "text": text("t")
            case "zero": .number(0)
            default: object(["v": text("o")])
            }
        }

        @Test(arguments: [
            ("false", ""), ("null", ""), ("empty fragment", ""), ("empty list", ""),
            ("true", "<outer>"), ("text", "<t>"), ("zero", "<0>"), ("object", "<o>"),
        ])
        func sectionsRenderForTrueValuesOnly(_ name: String, _ expected: String) throws {
            let data = object(["v": Self.sectionValue(name), "name": text("outer")])
            let template = name == "object" ? "{{#v}}<{{v}}>{{/v}}" : (name == "true" ? "{{#v}}<{{name}}>{{/v}}" : "{{#v}}<{{.}}>{{/v}}")
            #expect(try mustache(template, data) == expected, "\(name)")
            #expect(try mustache("{{^v}}inverted{{/v}}", data) == (expected.isEmpty ? "inverted" : ""), "\(name)")
        }

        @Test func aListRepeatsTheSectionWithEachElementOnTopOfTheStack() throws {
            let data = object(["people": list(object(["name": text("Ada")]), object(["name": text("Alan")])), "greeting": text("Hi")])
            #expect(try mustache("{{#people}}{{greeting}} {{name}}. {{/people}}", data) == "Hi Ada. Hi Alan. ")
            #expect(try mustache("{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}", data) == "y")
        }

        @Test func sectionsNest() throws {
            let data = object(["a": object(["b": list(text("1"), text("2"))]), "sep": text(",")])
            #expect(try mustache("{{#a}}{{#b}}{{.}}{{sep}}{{/b}}{{/a}}", data) == "1,2,")
        }

        // MARK: Comments and standalone lines

        @Test func commentsPrintNothing() throws {
            #expect(try mustache("a{{! a comment }}b") == "ab")
            #expect(try mustache("a\n{{!\n  several\n  lines\n}}\nb\n") == "a\nb\n")
            #expect(try mustache("a {{! inline }}\nb") == "a \nb")
        }

        @Test func aLineWithOnlyOneSectionTagAndWhitespaceRendersAsNothing() throws {
            let data = object(["t": .bool(true), "f": .bool(false)])
            #expect(try mustache("a\n  {{#t}}\nb\n  {{/t}}\nc\n", data) == "a\nb\nc\n")
            #expect(try mustache("a\n{{^f}}\nb\n{{/f}}\n", data) == "a\nb\n")
            #expect(try mustache("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n", data) == "a\r\nb\r\n")
            // At the start and at the end of the template, without a line break.
            #expect(try mustache("{{#t}}\nb\n{{/t}}", data) == "b\n")
            // Not alone: text, an interpolation or a second tag on the line.
            #expect(try mustache(" x {{#t}}y{{/t}}\n", data) == " x y\n")
            #expect(try mustache("{{#t}}{{/t}}\n", data) == "\n")
            #expect(try mustache("{{#t}}\n{{t}} {{/t}}\n", data) == "true \n")
        }

        // MARK: Partials

        @Test func partialsRenderInTheCurrentContext() throws {
            let data = object(["items": list(object(["n": text("1")]), object(["n": text("2")]))])
            #expect(try mustache("{{#items}}{{>item}}{{/items}}", data, partials: ["item": "<{{n}}>"]) == "<1><2>")
            #expect(try mustache("[{{> partials/x }}]", partials: ["partials/x": "x"]) == "[x]")
        }

        @Test func aStandalonePartialIndentsItsOwnLinesButNotTheValuesItPrints() throws {
            let data = object(["v": text("1\n2")])
            #expect(try mustache("a\n  {{>p}}\nb\n", data, partials: ["p": "x\n{{v}}\n"]) == "a\n  x\n  1\n2\nb\n")
            // Inline, the partial is not indented.
            #expect(try mustache("  {{>p}} z\n", data, partials: ["p": "x\ny"]) == "  x\ny z\n")
            // Indentation adds up through nested standalone partials.
            #expect(try mustache("{{! top }}\n  {{>p}}\n", data, partials: ["p": "p\n  {{>q}}\n", "q": "q1\nq2\n"]) == "  p\n    q1\n    q2\n")
        }

        // MARK: Delimiters

        @Test func setDelimitersChangeTheTagsUntilChangedBack() throws {
            let data = object(["x": text("X"), "t": .bool(true)])
            #expect(try mustache("{{=<% %>=}}<% x %> {{x}}", data) == "X {{x}}")
            #expect(try mustache("{{=| |=}}|#t|[|x|]|/t| |={{ }}=|{{x}}", data) == "[X] X")
            #expect(try mustache("a\n  {{=<% %>=}}\n<%x%>\n", data) == "a\nX\n")
            // A partial starts with the default delimiters.
            #expect(try mustache("{{=<% %>=}}<%>p%>", data, partials: ["p": "{{x}}"]) == "X")
        }

        @Test func pragmasAreAcceptedAndChangeNothing() throws {
            #expect(try mustache("{{% CONTENT_TYPE: TEXT}}\n{{v}}", object(["v": text("<b>")])) == "<b>")
        }

        // MARK: Inheritance

        @Test func aBlockRendersItsDefaultUnlessAParentTagOverridesIt() throws {
            let data = object(["v": text("value")])
            #expect(try mustache("{{$b}}default {{v}}{{/b}}", data) == "default value")
            let layout = ["layout": "<{{$title}}Untitled{{/title}}|{{$body}}empty{{/body}}>"]
            #expect(try mustache("{{<layout}}{{/layout}}", data, partials: layout) == "<Untitled|empty>")
            #expect(try mustache("{{<layout}}{{$body}}{{v}}{{/body}}{{/layout}}", data, partials: layout) == "<Untitled|value>")
            #expect(try mustache("{{<layout}}{{$title}}T{{/title}}{{$body}}B{{/body}}{{/layout}}", data, partials: layout) == "<T|B>")
            // Text inside the parent tag, outside blocks, is ignored; data never overrides a block.
            #expect(try mustache("{{<layout}} ignored {{! note }}{{$title}}T{{/title}} ignored {{/layout}}", object(["title": text("data")]), partials: layout) == "<T|empty>")
            // Two parent tags each get their own overrides.
            #expect(try mustache("{{<layout}}{{$title}}1{{/title}}{{/layout}} {{<layout}}{{$body}}2{{/body}}{{/layout}}", data, partials: layout) == "<1|empty> <Untitled|2>")
        }

        @Test func theOutermostOverrideWinsThroughNestedParents() throws {
            let partials = ["middle": "{{<base}}{{$a}}middle{{/a}}{{/base}}", "base": "[{{$a}}base{{/a}}|{{$b}}base b{{/b}}]"]
            #expect(try mustache("{{<middle}}{{$a}}child{{/a}}{{/middle}}", partials: partials) == "[child|base b]")
            #expect(try mustache("{{<middle}}{{/middle}}", partials: partials) == "[middle|base b]")
            #expect(try mustache("{{<middle}}{{$b}}child b{{/b}}{{/middle}}", partials: partials) == "[middle|child b]")
            // A partial inside the parent sees the overrides too.
            #expect(try mustache("{{<p}}{{$x}}X{{/x}}{{/p}}", partials: ["p": "({{>q}})", "q": "{{$x}}q{{/x}}"]) == "(X)")
        }

        @Test func anOverrideRendersInTheContextOfItsPlaceInTheParent() throws {
            let data = object(["fruit": text("apples"), "nested": object(["fruit": text("pears")])])
            #expect(try mustache("{{<p}}{{$b}}I say {{fruit}}.{{/b}}{{/p}}", data, partials: ["p": "{{#nested}}{{$b}}{{/b}}{{/nested}}"]) == "I say pears.")
        }

        @Test func parentsAndBlocksOnLinesOfTheirOwnLeaveNoBlankLines() throws {
            let layout = ["layout": "<head>\n{{$head}}{{/head}}\n</head>\n<body>\n{{$main}}\nno content\n{{/main}}\n</body>\n"]
            let child = "{{! a page }}\n{{<layout}}\n{{$head}}\n<title>T</title>\n{{/head}}\n{{$main}}\n<p>main</p>\n{{/main}}\n{{/layout}}\n"
            #expect(try mustache(child, partials: layout) == "<head>\n<title>T</title>\n\n</head>\n<body>\n<p>main</p>\n</body>\n")
            #expect(try mustache("{{<layout}}\n{{/layout}}\n", partials: layout) == "<head>\n\n</head>\n<body>\nno content\n</body>\n")
            // The parent's tags on one line stand alone, and their whitespace indents the parent.
            #expect(try mustache("Hi,\n  {{<p}}{{/p}}\n", partials: ["p": "one\ntwo\n"]) == "Hi,\n  one\n  two\n")
        }

        @Test func anOverrideTakesTheIndentationOfItsPlace() throws {
            // Inline place after whitespace: the lines after the first take the whitespace.
            #expect(try mustache("{{<p}}{{$b}}\none\ntwo{{/b}}\n{{/p}}\n", partials: ["p": "Hi,\n  {{$b}}{{/b}}\n"]) == "Hi,\n  one\n  two\n")
            // Standalone place: the override loses its own indentation and takes the place's.
            #expect(try mustache("{{<p}}{{$b}}\n    one\n    two\n{{/b}}{{/p}}\n", partials: ["p": "Hi,\n  {{$b}}\n  {{/b}}\n"]) == "Hi,\n  one\n  two\n")
            // A standalone place with default content is indented like that content.
            #expect(try mustache("{{<p}}{{$b}}\none\n{{/b}}{{/p}}\n", partials: ["p": "Hi,\n{{$b}}\n  default\n{{/b}}\n"]) == "Hi,\n  one\n")
            #expect(try mustache("{{<p}}{{$b}}inline{{/b}}{{/p}}", partials: ["p": "stop:\n  {{$b}}default{{/b}}\n"]) == "stop:\n  inline\n")
        }

        // MARK: Errors

        static func syntaxError(_ template: String) -> TemplateParser.SyntaxError? {
            do {
                _ = try TemplateParser.scan(template)
                return nil
            } catch {
                return error as? TemplateParser.SyntaxError
            }
        }

        @Test(arguments: [
            ("{{#a}}\nx", 1, 4, "not closed"),
            ("x\n  {{#a}}{{^b}}\n{{/b}}", 2, 6, "not closed"),
            ("{{#a}}\n  {{/b}}", 2, 6, "does not match"),
            ("{{<p}}{{$a}}{{/p}}", 1, 16, "does not match"),
            ("ab{{/x}}", 1, 6, "closes no section"),
            ("şğ {{/x}}", 1, 7, "closes no section"),
            ("a\nb {{x", 2, 3, "not closed"),
            ("a {{{x}}", 1, 3, "not closed"),
            ("{{#}}", 1, 1, "no name"),
            ("{{a b}}", 1, 3, "spaces"),
            ("{{a..b}}", 1, 3, "not a name"),
            ("{{ .a}}", 1, 4, "not a name"),
            ("{{#a.}}{{/a.}}", 1, 4, "not a name"),
            ("{{=<%=}}", 1, 1, "set-delimiter"),
            ("{{=<% %>}}", 1, 1, "set-delimiter"),
            ("{{<p}}\n  {{x}}\n{{/p}}", 2, 3, "only {{$block}}"),
            ("{{<p}}{{#s}}{{/s}}{{/p}}", 1, 7, "only {{$block}}"),
        ])
        func syntaxErrorsHaveTheirLineAndColumn(_ template: String, _ line: Int, _ column: Int, _ words: String) throws {
            let error = try #require(Self.syntaxError(template), "\(template)")
            #expect(error.line == line, "\(template)")
            #expect(error.column == column, "\(template)")
            #expect(error.message.contains(words), "\(error.message)")
        }

        @Test func aPartialHiddenFromTheScanByDelimitersIsStillFoundMissing() {
            #expect(throws: TemplateLinker.LinkError.self) { try mustache("{{=<% %>=}}<%>nowhere%>") }
        }
    }
}
