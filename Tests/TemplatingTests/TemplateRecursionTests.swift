import DossierCore
import Testing
import Templating

/// Partials that include themselves: allowed when a section's data ends the recursion, stopped with a
/// located error when it does not, refused before rendering when nothing could end it.
@Suite struct TemplateRecursionTests {
    static let node = "<li>{{name}}\n{{#children}}\n  {{>node}}\n{{/children}}\n</li>\n"

    @Test func recursivePartialRendersATreeTheDataBounds() throws {
        let tree: TemplateValue = ["name": "root", "children": [
            ["name": "a", "children": [["name": "a1", "children": []]]],
            ["name": "b", "children": []],
        ]]
        let output = try render("{{#tree}}{{>node}}{{/tree}}", ["tree": tree], partials: ["node": Self.node])
        #expect(output == "<li>root\n  <li>a\n    <li>a1\n    </li>\n  </li>\n  <li>b\n  </li>\n</li>\n")
    }

    @Test func recursionThroughTwoPartialsInASection() throws {
        let data: TemplateValue = ["n": "1", "next": ["n": "2", "next": ["n": "3", "next": false]]]
        let output = try render("{{>even}}", data, partials: ["even": "{{n}}{{#next}}{{>odd}}{{/next}}", "odd": "({{n}}{{#next}}{{>even}}{{/next}})"])
        #expect(output == "1(23)")
    }

    @Test func recursionTheDataNeverEndsStopsAtTheDepthLimitWithTheTagsPlace() {
        // `more` is found again in the outer context at every level, so the section never runs out.
        let error = renderError("{{>loop}}", ["more": true], partials: ["loop": "x\n{{#more}}\n  {{>loop}}\n{{/more}}\n"])
        #expect(error?.location == at(3, 3, in: "loop"))
        #expect(error?.message.hasPrefix("partials nest more than 100 deep here: the data does not end this recursion") == true)
    }

    @Test func branchingRecursionStopsAtTheIncludeBudgetRatherThanRunningForYears() {
        // Data 30 levels deep, two includes per level: 2^30 renders, each within the depth limit.
        var data: TemplateValue = ["next": false]
        for _ in 0..<30 { data = ["next": data] }
        let error = renderError("{{>p}}", data, partials: ["p": "{{#next}}{{>p}}{{>p}}{{/next}}"])
        #expect(error?.message.hasPrefix("more than 1000000 partials rendered for one page") == true)
        #expect(error?.location.path == "templates/p.html")
    }

    @Test func unconditionalSelfIncludeIsRefusedBeforeRendering() {
        let error = buildError("x", partials: ["loop": "{{#a}}{{/a}}\n{{>loop}}"])
        #expect(error?.location == at(2, 1, in: "loop"))
    }

    @Test func includeInsideAnInvertedSectionCountsAsBounded() throws {
        let output = try render("{{>p}}", ["stop": false, "inner": ["stop": true]], partials: ["p": "-{{^stop}}{{#inner}}{{>p}}{{/inner}}{{/stop}}"])
        #expect(output == "--")
    }
}

/// What a template author sees when a name is wrong or an HTML value is escaped.
@Suite struct TemplateMessageTests {
    @Test func missingNameListsTheNamesThereAndSuggestsTheClosest() {
        let error = renderError("<h1>{{page.titel}}</h1>", ["page": ["title": "T", "kind": "page"], "site": ["title": "S"]])
        #expect(error == TemplateError(
            "no value named 'page.titel' in the context; did you mean 'page.title'? (names here: page.kind, page.title)", at: at(1, 5)))
    }

    @Test func missingTopLevelNameListsEveryContextOnTheStack() {
        let error = renderError("{{#items}}{{titel}}{{/items}}", ["items": [["title": "a"]], "root": "."])
        #expect(error?.message == "no value named 'titel' in the context; did you mean 'title'? (names here: items, root, title)")
    }

    @Test func unclosedSectionClosedByAnOuterEndTagIsReportedWhereItOpens() {
        let error = buildError("{{#main}}\n  {{#topics}}\n    x\n{{/main}}\n")
        #expect(error == TemplateError("unclosed section 'topics': add {{/topics}} before the end tag 'main' at line 4, column 1", at: at(2, 3)))
    }

    @Test func escapedHTMLValueRendersEscapedAndWarnsOncePerTag() throws {
        let library = try makeLibrary("{{#l}}{{body}}{{/l}}{{{body}}}", partials: [:])
        var buffer: [UInt8] = []
        var warnings: [TemplateError] = []
        try library.render("page", context: ["l": [1, 2], "body": .html("<p>x</p>")], into: &buffer, warnings: &warnings)
        #expect(String(decoding: buffer, as: UTF8.self) == "&lt;p&gt;x&lt;/p&gt;&lt;p&gt;x&lt;/p&gt;<p>x</p>")
        #expect(warnings == [TemplateError("'body' is HTML, so {{body}} shows its tags as text; write {{{body}}} to insert it", at: at(1, 7))])
    }

    @Test func plainTextValueEscapesWithoutWarning() throws {
        let library = try makeLibrary("{{title}}")
        var buffer: [UInt8] = []
        var warnings: [TemplateError] = []
        try library.render("page", context: ["title": "<T>"], into: &buffer, warnings: &warnings)
        #expect(warnings.isEmpty)
        #expect(String(decoding: buffer, as: UTF8.self) == "&lt;T&gt;")
    }
}
