import Testing
import Templating

/// Conformance cases modelled on the Mustache spec's sections, inverted and comments areas.
@Suite struct SectionSpecTests {
    static let sections: [SpecCase] = [
        SpecCase(name: "true renders once", template: "<{{#t}}yes{{/t}}>", data: ["t": true], expected: "<yes>"),
        SpecCase(name: "false skips", template: "<{{#f}}yes{{/f}}>", data: ["f": false], expected: "<>"),
        SpecCase(name: "null skips", template: "<{{#n}}yes{{/n}}>", data: ["n": nil], expected: "<>"),
        SpecCase(name: "missing skips", template: "<{{#gone}}yes{{/gone}}>", expected: "<>"),
        SpecCase(name: "empty list skips", template: "<{{#l}}yes{{/l}}>", data: ["l": []], expected: "<>"),
        SpecCase(name: "empty string skips", template: "<{{#s}}yes{{/s}}>", data: ["s": ""], expected: "<>"),
        SpecCase(name: "string pushes itself", template: "{{#s}}[{{.}}]{{/s}}", data: ["s": "hi"], expected: "[hi]"),
        SpecCase(name: "integer pushes itself", template: "{{#n}}[{{.}}]{{/n}}", data: ["n": 0], expected: "[0]"),
        SpecCase(name: "object pushes context", template: "{{#o}}{{name}} is {{age}}{{/o}}",
                 data: ["o": ["name": "Bo", "age": 3]], expected: "Bo is 3"),
        SpecCase(name: "list iterates", template: "{{#l}}<{{n}}>{{/l}}", data: ["l": [["n": 1], ["n": 2], ["n": 3]]],
                 expected: "<1><2><3>"),
        SpecCase(name: "outer names visible", template: "{{#o}}{{a}}{{b}}{{/o}}", data: ["a": "A", "o": ["b": "B"]], expected: "AB"),
        SpecCase(name: "inner shadows outer", template: "{{a}}{{#o}}{{a}}{{/o}}{{a}}", data: ["a": 1, "o": ["a": 2]], expected: "121"),
        SpecCase(name: "nested same name", template: "{{#t}}a{{#t}}b{{/t}}c{{/t}}", data: ["t": true], expected: "abc"),
        SpecCase(name: "nested lists", template: "{{#rows}}[{{#cells}}{{.}}{{/cells}}]{{/rows}}",
                 data: ["rows": [["cells": [1, 2]], ["cells": [3]]]], expected: "[12][3]"),
        SpecCase(name: "dotted section", template: "{{#a.b}}{{c}}{{/a.b}}", data: ["a": ["b": ["c": "ok"]]], expected: "ok"),
        SpecCase(name: "dotted section broken chain", template: "<{{#a.x.y}}no{{/a.x.y}}>", data: ["a": [:]], expected: "<>"),
        SpecCase(name: "implicit iterator section", template: "{{#l}}{{#.}}<{{.}}>{{/.}}{{/l}}", data: ["l": ["a", "", "b"]],
                 expected: "<a><b>"),
        SpecCase(name: "surrounding whitespace kept inline", template: " | {{#t}}\t|\t{{/t}} | \n", data: ["t": true],
                 expected: " | \t|\t | \n"),
        SpecCase(name: "standalone lines removed", template: "| A\n{{#t}}\n| B\n{{/t}}\n| C\n", data: ["t": true],
                 expected: "| A\n| B\n| C\n"),
        SpecCase(name: "indented standalone lines removed", template: "| A\n   {{#t}}\n| B\n\t{{/t}}  \n| C\n", data: ["t": true],
                 expected: "| A\n| B\n| C\n"),
        SpecCase(name: "standalone crlf", template: "|\r\n{{#t}}\r\n{{/t}}\r\n|", data: ["t": true], expected: "|\r\n|"),
        SpecCase(name: "standalone at start", template: "  {{#t}}\n#{{/t}}\n/", data: ["t": true], expected: "#\n/"),
        SpecCase(name: "standalone at end without newline", template: "#{{#t}}\n/\n  {{/t}}", data: ["t": true], expected: "#\n/\n"),
        SpecCase(name: "two tags on one standalone line", template: "a\n{{#t}}{{#t}}\nb\n{{/t}}{{/t}}\nc\n", data: ["t": true],
                 expected: "a\nb\nc\n"),
        SpecCase(name: "section with text on its line is kept", template: "a {{#t}}\nb\n{{/t}}c\n", data: ["t": true],
                 expected: "a \nb\nc\n"),
        SpecCase(name: "section line with interpolation is not standalone", template: "{{#t}}{{v}}\n{{/t}}", data: ["t": true, "v": ""],
                 expected: "\n"),
    ]

    static let inverted: [SpecCase] = [
        SpecCase(name: "false renders", template: "<{{^f}}no{{/f}}>", data: ["f": false], expected: "<no>"),
        SpecCase(name: "true skips", template: "<{{^t}}no{{/t}}>", data: ["t": true], expected: "<>"),
        SpecCase(name: "missing renders", template: "<{{^gone}}no{{/gone}}>", expected: "<no>"),
        SpecCase(name: "null renders", template: "<{{^n}}no{{/n}}>", data: ["n": nil], expected: "<no>"),
        SpecCase(name: "empty list renders", template: "<{{^l}}none{{/l}}>", data: ["l": []], expected: "<none>"),
        SpecCase(name: "empty string renders", template: "<{{^s}}none{{/s}}>", data: ["s": ""], expected: "<none>"),
        SpecCase(name: "non-empty list skips", template: "<{{^l}}none{{/l}}>", data: ["l": [1]], expected: "<>"),
        SpecCase(name: "object skips", template: "<{{^o}}none{{/o}}>", data: ["o": [:]], expected: "<>"),
        SpecCase(name: "does not push context", template: "{{^f}}{{v}}{{/f}}", data: ["f": false, "v": "outer"], expected: "outer"),
        SpecCase(name: "pairs with section", template: "{{#l}}{{.}}{{/l}}{{^l}}empty{{/l}}", data: ["l": []], expected: "empty"),
        SpecCase(name: "dotted broken chain renders", template: "<{{^a.b.c}}yes{{/a.b.c}}>", data: ["a": ["b": [:]]], expected: "<yes>"),
        SpecCase(name: "standalone lines removed", template: "| A\n  {{^f}}\n| B\n  {{/f}}\n| C\n", data: ["f": false],
                 expected: "| A\n| B\n| C\n"),
    ]

    static let comments: [SpecCase] = [
        SpecCase(name: "inline comment removed", template: "a{{! note }}b", expected: "ab"),
        SpecCase(name: "multiline comment removed", template: "a{{!\n two\n lines\n}}b", expected: "ab"),
        SpecCase(name: "standalone comment line removed", template: "a\n  {{! note }}\nb\n", expected: "a\nb\n"),
        SpecCase(name: "standalone multiline comment", template: "a\n{{!\nx\n}}\nb\n", expected: "a\nb\n"),
        SpecCase(name: "indented multiline comment", template: "a\n  {{!\nx\n}}  \nb\n", expected: "a\nb\n"),
        SpecCase(name: "comment at end without newline", template: "a\n  {{! end }}", expected: "a\n"),
        SpecCase(name: "comment beside text is inline", template: "  x {{! c }}\n", expected: "  x \n"),
        SpecCase(name: "comment may hold braces", template: "a{{! { } {{ }}b", expected: "ab"),
    ]

    @Test(arguments: sections) func section(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }

    @Test(arguments: inverted) func invertedSection(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }

    @Test(arguments: comments) func comment(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }
}
