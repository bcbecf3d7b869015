import Testing
import Templating

/// Conformance cases modelled on the Mustache spec's partials and inheritance areas.
@Suite struct PartialSpecTests {
    static let partialCases: [SpecCase] = [
        SpecCase(name: "basic", template: "[{{>p}}]", partials: ["p": "inside"], expected: "[inside]"),
        SpecCase(name: "sees caller context", template: "{{#o}}{{>p}}{{/o}}", data: ["o": ["v": "ctx"]], partials: ["p": "<{{v}}>"],
                 expected: "<ctx>"),
        SpecCase(name: "path names", template: "{{> partials/header }}", partials: ["partials/header": "H"], expected: "H"),
        SpecCase(name: "nested", template: "{{>a}}", partials: ["a": "a({{>b}})", "b": "b"], expected: "a(b)"),
        SpecCase(name: "recursion through data needs no cycle", template: "{{#l}}{{>item}}{{/l}}", data: ["l": [["n": 1], ["n": 2]]],
                 partials: ["item": "{{n}};"], expected: "1;2;"),
        SpecCase(name: "inline keeps surrounding whitespace", template: "| {{>p}} |", partials: ["p": "\t|\t"], expected: "| \t|\t |"),
        SpecCase(name: "inline partial is not indented", template: "  x {{>p}}\n", partials: ["p": "a\nb\n"], expected: "  x a\nb\n\n"),
        SpecCase(name: "standalone line replaced", template: "a\n{{>p}}\nc\n", partials: ["p": "b\n"], expected: "a\nb\nc\n"),
        SpecCase(name: "standalone crlf", template: "|\r\n{{>p}}\r\n|", partials: ["p": ">"], expected: "|\r\n>|"),
        SpecCase(name: "standalone at start", template: "  {{>p}}\n>", partials: ["p": ">\n>"], expected: "  >\n  >>"),
        SpecCase(name: "standalone at end", template: ">\n  {{>p}}", partials: ["p": ">\n>"], expected: ">\n  >\n  >"),
        SpecCase(name: "standalone indentation on every line", template: "\\\n {{>p}}\n/\n",
                 data: ["v": "<\n->"], partials: ["p": "|\n{{{v}}}\n|\n"], expected: "\\\n |\n <\n->\n |\n/\n"),
        SpecCase(name: "empty partial lines not indented", template: "  {{>p}}\n", partials: ["p": "a\n\nb\n"], expected: "  a\n\n  b\n"),
        SpecCase(name: "indentation accumulates", template: "  {{>outer}}\n",
                 partials: ["outer": "o\n  {{>inner}}\n", "inner": "i1\ni2\n"], expected: "  o\n    i1\n    i2\n"),
        SpecCase(name: "indentation repeats in sections", template: " {{>p}}\n", data: ["l": [1, 2]],
                 partials: ["p": "{{#l}}\n- {{.}}\n{{/l}}\n"], expected: " - 1\n - 2\n"),
        SpecCase(name: "standalone lines inside partial removed", template: "  {{>p}}\n", data: ["t": true],
                 partials: ["p": "{{#t}}\nx\n{{/t}}\n"], expected: "  x\n"),
        SpecCase(name: "padding in tag", template: "[{{>  p  }}]", partials: ["p": "q"], expected: "[q]"),
        SpecCase(name: "line of only an interpolation is indented", template: "  {{>p}}\n", data: ["v": ""],
                 partials: ["p": "{{v}}\n"], expected: "  \n"),
    ]

    static let inheritanceCases: [SpecCase] = [
        SpecCase(name: "block default", template: "{{$title}}Untitled{{/title}}\n", expected: "Untitled\n"),
        SpecCase(name: "block default renders tags", template: "{{$b}}<{{v}}|{{{v}}}|{{#o}}{{w}}{{/o}}|{{^x}}no x{{/x}}>{{/b}}",
                 data: ["v": "&", "o": ["w": "W"]], expected: "<&amp;|&|W|no x>"),
        SpecCase(name: "parent with defaults", template: "{{<base}}{{/base}}", partials: ["base": "[{{$m}}default{{/m}}]"],
                 expected: "[default]"),
        SpecCase(name: "override", template: "{{<base}}{{$m}}mine{{/m}}{{/base}}", partials: ["base": "[{{$m}}default{{/m}}]"],
                 expected: "[mine]"),
        SpecCase(name: "data does not override a block", template: "{{<base}}{{$v}}block{{/v}}{{/base}}", data: ["v": "data"],
                 partials: ["base": "{{$v}}default{{/v}}"], expected: "block"),
        SpecCase(name: "one of two overridden", template: "{{<base}}{{$b}}B{{/b}}{{/base}}",
                 partials: ["base": "{{$a}}a{{/a}}-{{$b}}b{{/b}}"], expected: "a-B"),
        SpecCase(name: "two uses, different overrides", template: "{{<base}}{{$x}}1{{/x}}{{/base}} {{<base}}{{$x}}2{{/x}}{{/base}}",
                 partials: ["base": "({{$x}}0{{/x}}{{$y}}!{{/y}})"], expected: "(1!) (2!)"),
        SpecCase(name: "override with newlines", template: "{{<base}}{{$m}}\nline one\n\nline two\n{{/m}}{{/base}}",
                 partials: ["base": "{{$m}}-{{/m}}"], expected: "line one\n\nline two\n"),
        SpecCase(name: "parent as plain partial", template: "{{>base}}|{{<base}}{{/base}}", partials: ["base": "{{$m}}d{{/m}}"],
                 expected: "d|d"),
        SpecCase(name: "outermost override wins", template: "{{<mid}}{{$a}}child{{/a}}{{/mid}}",
                 partials: ["mid": "{{<top}}{{$a}}mid{{/a}}{{/top}}", "top": "{{$a}}top{{/a}}"], expected: "child"),
        SpecCase(name: "middle override when child silent", template: "{{<mid}}{{/mid}}",
                 partials: ["mid": "{{<top}}{{$a}}mid{{/a}}{{/top}}", "top": "{{$a}}top{{/a}}"], expected: "mid"),
        SpecCase(name: "text inside parent ignored", template: "{{<base}} ignored {{$m}}kept{{/m}} ignored {{/base}}",
                 partials: ["base": "{{$m}}d{{/m}}"], expected: "kept"),
        SpecCase(name: "block evaluated in parent's context", template: "{{<base}}{{$m}}{{name}}{{/m}}{{/base}}",
                 data: ["name": "outer", "inner": ["name": "inner"]], partials: ["base": "{{#inner}}{{$m}}{{/m}}{{/inner}}"],
                 expected: "inner"),
        SpecCase(name: "standalone parent is indented", template: "Hi,\n  {{<base}}{{/base}}\n", partials: ["base": "a\nb\n"],
                 expected: "Hi,\n  a\n  b\n"),
        SpecCase(name: "layout", template: "{{<layout}}\n{{$main}}\n<p>{{body}}</p>\n{{/main}}\n{{/layout}}\n",
                 data: ["title": "T", "body": "B"],
                 partials: ["layout": "<title>{{title}}</title>\n<main>\n{{$main}}\n<p>none</p>\n{{/main}}\n</main>\n"],
                 expected: "<title>T</title>\n<main>\n<p>B</p>\n</main>\n"),
        SpecCase(name: "block reindented at expansion", template: "{{<base}}{{$b}}\n      x\n      y\n{{/b}}{{/base}}\n",
                 partials: ["base": "<ul>\n   {{$b}}\n   {{/b}}\n</ul>\n"], expected: "<ul>\n   x\n   y\n</ul>\n"),
        SpecCase(name: "block indentation from default content", template: "{{<base}}\n{{$b}}\nx\ny\n{{/b}}\n{{/base}}\n",
                 partials: ["base": "<ul>\n{{$b}}\n    default\n{{/b}}\n</ul>\n"], expected: "<ul>\n    x\n    y\n</ul>\n"),
        SpecCase(name: "inline block keeps its line", template: "{{<base}}{{$b}}new{{/b}}{{/base}}",
                 partials: ["base": "go:\n  {{$b}}old{{/b}}\n"], expected: "go:\n  new\n"),
        SpecCase(name: "nested blocks in default", template: "{{<base}}{{$inner}}X{{/inner}}{{/base}}",
                 partials: ["base": "{{$outer}}[{{$inner}}i{{/inner}}]{{/outer}}"], expected: "[X]"),
        // The spec's "Nested block reindentation": a block inside an override is indented from the override's lines.
        SpecCase(name: "nested block reindentation", template: "{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n",
                 partials: ["parent": "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}{{/grandparent}}\n",
                            "grandparent": "{{$block}}default{{/block}}"],
                 expected: "one\n  three\n"),
        SpecCase(name: "partial inside an override is indented from the override", template: "{{<base}}{{$b}}\n    a\n    {{>p}}\n{{/b}}{{/base}}",
                 partials: ["base": "<ul>\n  {{$b}}\n  {{/b}}\n</ul>\n", "p": "p1\np2\n"], expected: "<ul>\n  a\n  p1\n  p2\n</ul>\n"),
    ]

    @Test(arguments: partialCases) func partial(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }

    @Test(arguments: inheritanceCases) func inheritance(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }
}

/// Inheritance details beyond the spec's examples: jumps inside override bodies and error places.
@Suite struct InheritanceDetailTests {
    @Test func overrideBodyMayHoldSections() throws {
        let output = try render("{{<base}}{{$m}}{{#l}}[{{.}}]{{/l}}{{^l}}none{{/l}}{{/m}}{{/base}}", ["l": [1, 2]],
                                partials: ["base": "<{{$m}}{{/m}}>"])
        #expect(output == "<[1][2]>")
    }

    @Test func laterOverrideOfSameBlockWins() throws {
        #expect(try render("{{<base}}{{$m}}one{{/m}}{{$m}}two{{/m}}{{/base}}", partials: ["base": "{{$m}}d{{/m}}"]) == "two")
    }

    @Test func errorInOverrideReportsTheChildTemplate() {
        let error = renderError("{{<base}}\n{{$m}}\n  {{gone}}\n{{/m}}\n{{/base}}", partials: ["base": "{{$m}}{{/m}}"])
        #expect(error == TemplateError("no value named 'gone' in the context (no names here)", at: at(3, 3)))
    }

    @Test func partialMayBeUsedStandaloneAndInline() throws {
        let output = try render("  {{>p}}\nx {{>p}}\n", partials: ["p": "a\nb\n"])
        #expect(output == "  a\n  b\nx a\nb\n\n")
    }
}
