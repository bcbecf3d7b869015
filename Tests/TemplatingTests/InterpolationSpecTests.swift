import Testing
import Templating

/// Conformance cases modelled on the Mustache spec's interpolation area (our own wording and data).
@Suite struct InterpolationSpecTests {
    static let cases: [SpecCase] = [
        SpecCase(name: "text passes through", template: "Plain words, no tags.\n", expected: "Plain words, no tags.\n"),
        SpecCase(name: "basic", template: "Dear {{who}},", data: ["who": "Ada"], expected: "Dear Ada,"),
        SpecCase(name: "escaped html", template: "{{v}}", data: ["v": "<b> & \"q\" 'a'"],
                 expected: "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;"),
        SpecCase(name: "triple mustache is raw", template: "{{{v}}}", data: ["v": "<b>&</b>"], expected: "<b>&</b>"),
        SpecCase(name: "ampersand is raw", template: "{{&v}}", data: ["v": "<i>"], expected: "<i>"),
        SpecCase(name: "integer", template: "{{n}} items", data: ["n": 42], expected: "42 items"),
        SpecCase(name: "negative integer", template: "{{n}}", data: ["n": -7], expected: "-7"),
        SpecCase(name: "booleans print", template: "{{a}}/{{b}}", data: ["a": true, "b": false], expected: "true/false"),
        SpecCase(name: "null is empty", template: "[{{n}}]", data: ["n": nil], expected: "[]"),
        SpecCase(name: "unicode passes", template: "{{v}}", data: ["v": "Zürich · 東京"], expected: "Zürich · 東京"),
        SpecCase(name: "dotted", template: "{{a.b.c}}", data: ["a": ["b": ["c": "deep"]]], expected: "deep"),
        SpecCase(name: "dotted raw", template: "{{{a.b}}}|{{&a.b}}", data: ["a": ["b": "<x>"]], expected: "<x>|<x>"),
        SpecCase(name: "dotted first part found up the stack", template: "{{#inner}}{{outer.v}}{{/inner}}",
                 data: ["inner": ["x": 1], "outer": ["v": "up"]], expected: "up"),
        SpecCase(name: "dotted later parts do not climb", template: "{{#a}}{{b.c}}{{/a}}",
                 data: ["a": ["b": ["c": "inner"]], "b": ["c": "outer"]], expected: "inner"),
        SpecCase(name: "implicit iterator string", template: "{{#list}}({{.}}){{/list}}", data: ["list": ["a", "<b>"]],
                 expected: "(a)(&lt;b&gt;)"),
        SpecCase(name: "implicit iterator raw", template: "{{#list}}{{{.}}}{{/list}}", data: ["list": ["<", ">"]], expected: "<>"),
        SpecCase(name: "implicit iterator integer", template: "{{#list}}{{.}},{{/list}}", data: ["list": [1, 2, 3]], expected: "1,2,3,"),
        SpecCase(name: "padding inside tags", template: "|{{ v }}|{{{ v }}}|{{& v }}|", data: ["v": "x"], expected: "|x|x|x|"),
        SpecCase(name: "surrounding whitespace kept", template: "  {{v}}  \n", data: ["v": "x"], expected: "  x  \n"),
        SpecCase(name: "standalone interpolation keeps line", template: "  {{v}}\n", data: ["v": ""], expected: "  \n"),
        SpecCase(name: "lone braces are text", template: "{ } }} {x}", expected: "{ } }} {x}"),
        SpecCase(name: "values are not re-parsed", template: "{{v}}", data: ["v": "{{w}}"], expected: "{{w}}"),
        SpecCase(name: "crlf passes through", template: "a\r\n{{v}}\r\n", data: ["v": "b"], expected: "a\r\nb\r\n"),
    ]

    @Test(arguments: cases) func conforms(_ spec: SpecCase) throws {
        #expect(try render(spec.template, spec.data, partials: spec.partials) == spec.expected)
    }
}
