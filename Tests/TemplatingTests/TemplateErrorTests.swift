import DossierCore
import Testing
import Templating

/// Every build and render error, with its exact line and column.
@Suite struct TemplateErrorTests {
    @Test func unclosedSectionPointsAtOpeningTag() {
        let error = buildError("a\n  {{#items}}\nx\n")
        #expect(error?.location == at(2, 3))
        #expect(error?.message == "unclosed section 'items'")
    }

    @Test func unclosedInvertedSectionAndBlockAndParent() {
        #expect(buildError("{{^x}}") == TemplateError("unclosed inverted section 'x'", at: at(1, 1)))
        #expect(buildError("ab{{$main}}") == TemplateError("unclosed block 'main'", at: at(1, 3)))
        #expect(buildError("\n{{<base}}", partials: ["base": ""]) == TemplateError("unclosed parent 'base'", at: at(2, 1)))
    }

    @Test func mismatchedEndTagPointsAtEndTag() {
        let error = buildError("{{#a}}\n  x {{/b}}\n{{/a}}")
        #expect(error == TemplateError("end tag 'b' does not match open section 'a'", at: at(2, 5)))
    }

    @Test func endTagWithoutSection() {
        #expect(buildError("ok\n\t{{/a}}") == TemplateError("end tag 'a' has no open section", at: at(2, 2)))
    }

    @Test func unclosedTag() {
        #expect(buildError("line\nhere {{name\nmore}}") == TemplateError("unclosed tag '{{'", at: at(2, 6)))
        #expect(buildError("x {{") == TemplateError("unclosed tag '{{'", at: at(1, 3)))
        #expect(buildError("x {{{v}}") == TemplateError("unclosed tag '{{'", at: at(1, 3)))
        #expect(buildError("{{! never closed\n") == TemplateError("unclosed tag '{{'", at: at(1, 1)))
    }

    @Test func emptyTagName() {
        #expect(buildError("a {{ }}") == TemplateError("empty tag name", at: at(1, 3)))
        #expect(buildError("\n\n  {{#}}{{/}}") == TemplateError("empty tag name", at: at(3, 3)))
        #expect(buildError("{{>}}") == TemplateError("empty tag name", at: at(1, 1)))
        #expect(buildError("{{{ }}}") == TemplateError("empty tag name", at: at(1, 1)))
    }

    @Test func invalidNames() {
        #expect(buildError("{{a b}}") == TemplateError("invalid tag name 'a b'", at: at(1, 1)))
        #expect(buildError("x{{a..b}}") == TemplateError("invalid name 'a..b'", at: at(1, 2)))
        #expect(buildError("{{#.a}}{{/.a}}") == TemplateError("invalid name '.a'", at: at(1, 1)))
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(buildError("é—ü {{/x}}") == TemplateError("end tag 'x' has no open section", at: at(1, 5)))
    }

    @Test func setDelimitersAreRejected() {
        #expect(buildError("{{=<% %>=}}") == TemplateError("set-delimiter tags are not supported", at: at(1, 1)))
    }

    @Test func unknownPartialAndParent() {
        #expect(buildError("a\n b {{> nav }}") == TemplateError("unknown partial 'nav'", at: at(2, 4)))
        #expect(buildError("{{<base}}{{/base}}") == TemplateError("unknown parent 'base'", at: at(1, 1)))
    }

    @Test func unknownPartialInOtherTemplateIsReportedThere() {
        let error = buildError("{{>a}}", partials: ["a": "\n{{>missing}}"])
        #expect(error == TemplateError("unknown partial 'missing'", at: at(2, 1, in: "a")))
    }

    @Test func onlyBlocksInsideParent() {
        let error = buildError("{{<base}}\n{{v}}\n{{/base}}", partials: ["base": ""])
        #expect(error == TemplateError("only blocks may appear inside parent 'base'", at: at(2, 1)))
    }

    @Test func directSelfInclusionIsACycle() {
        let error = buildError("x", partials: ["loop": "a\n  {{>loop}}"])
        #expect(error?.location == at(2, 3, in: "loop"))
        #expect(error?.message.hasPrefix("template 'loop' includes itself (loop -> loop) outside any section") == true)
    }

    @Test func indirectCycleThroughParentsAndPartials() {
        let error = buildError("{{>a}}", partials: ["a": "{{<b}}{{/b}}", "b": "{{$x}}{{>c}}{{/x}}", "c": "{{>a}}"])
        #expect(error?.location == at(1, 1, in: "c"))
        #expect(error?.message.hasPrefix("template 'a' includes itself (a -> b -> c -> a) outside any section") == true)
    }

    @Test func firstErrorInNameOrderWins() {
        let error = buildError("{{#z}}", partials: ["b": "{{/q}}", "a": "{{#q}}"])
        #expect(error?.location.path == "templates/a.html")
    }

    @Test func duplicateTemplate() {
        let sources = [
            TemplateSource(name: "x", path: "templates/x.html", text: ""),
            TemplateSource(name: "x", path: "templates/other/x.html", text: ""),
        ]
        #expect(throws: TemplateError.self) { try TemplateLibrary(sources: sources) }
    }

    @Test func missingVariableIsARenderError() throws {
        let library = try makeLibrary("<h1>{{title}}</h1>\n<p>{{ subtitle }}</p>")
        #expect(throws: TemplateError("no value named 'subtitle' in the context (names here: title)", at: at(2, 4))) {
            try library.render("page", context: ["title": "T"])
        }
    }

    @Test func missingVariableInsidePartialReportsPartialLocation() {
        let error = renderError("{{>p}}", partials: ["p": "ok {{{gone}}}"])
        #expect(error == TemplateError("no value named 'gone' in the context (no names here)", at: at(1, 4, in: "p")))
    }

    @Test func missingDottedTailIsAnError() {
        let error = renderError("{{a.b}}", ["a": ["c": 1]])
        #expect(error?.location == at(1, 1))
    }

    @Test func missingVariableGuardedBySameNameIsFine() throws {
        #expect(try render("{{#subtitle}}<p>{{subtitle}}</p>{{/subtitle}}") == "")
        #expect(try render("{{^subtitle}}[{{subtitle}}]{{/subtitle}}") == "[]")
        #expect(try render("{{#a.b}}{{#t}}{{a.b}}{{/t}}{{/a.b}}", ["t": true]) == "")
        #expect(renderError("{{^subtitle}}{{other}}{{/subtitle}}")?.location == at(1, 14))
    }

    @Test func interpolatingAListOrObjectIsAnError() {
        #expect(renderError("{{l}}", ["l": [1]]) == TemplateError("'l' is a list; iterate it with a section", at: at(1, 1)))
        #expect(renderError(" {{&o}}", ["o": [:]]) == TemplateError("'o' is an object; open it with a section", at: at(1, 2)))
    }

    @Test func unknownTemplateAtRender() throws {
        let library = try makeLibrary("x")
        #expect(throws: TemplateError("unknown template 'nope'", at: DossierCore.SourceLocation(path: "templates/nope.html", line: 1, column: 1))) {
            try library.render("nope", context: [:])
        }
    }

    @Test func diagnosticCarriesLocationAndMessage() {
        let error = TemplateError("empty tag name", at: at(3, 7))
        #expect(error.diagnostic == Diagnostic.error("empty tag name", at: at(3, 7)))
        #expect(error.description == "templates/page.html:3:7: error: empty tag name")
    }
}
