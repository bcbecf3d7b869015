import Testing
import Templating

/// The library API SiteBuild uses: lookup, byte rendering, dependencies and value literals.
@Suite struct TemplateLibraryTests {
    @Test func containsNamesTemplates() throws {
        let library = try makeLibrary("x", partials: ["partials/header": "h"])
        #expect(library.contains("page"))
        #expect(library.contains("partials/header"))
        #expect(!library.contains("header"))
    }

    @Test func renderAppendsToBuffer() throws {
        let library = try makeLibrary("{{v}}!")
        var buffer = Array("start:".utf8)
        try library.render("page", context: ["v": "é<"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "start:é&lt;!")
    }

    @Test func libraryIsReusableAcrossRenders() throws {
        let library = try makeLibrary("{{#l}}{{.}}{{/l}}")
        #expect(try library.render("page", context: ["l": [1, 2]]) == "12")
        #expect(try library.render("page", context: ["l": ["a"]]) == "a")
    }

    @Test func dependenciesAreTransitive() throws {
        let library = try makeLibrary(
            "{{<base}}{{$main}}{{>partials/card}}{{/main}}{{/base}}",
            partials: ["base": "{{>partials/header}}{{$main}}{{/main}}", "partials/header": "h", "partials/card": "c",
                       "unused": "u"]
        )
        #expect(library.dependencies(of: "page") == ["base", "partials/header", "partials/card"])
        #expect(library.dependencies(of: "partials/header") == [])
        #expect(library.dependencies(of: "missing") == [])
    }

    @Test func literalsBuildValues() {
        let value: TemplateValue = ["s": "x", "b": true, "i": 3, "l": [1, "two"], "n": nil]
        #expect(value == .object(["s": .string("x"), "b": .bool(true), "i": .int(3), "l": .list([.int(1), .string("two")]), "n": .null]))
        #expect(value["s"] == .string("x"))
        #expect(value["zzz"] == nil)
    }

    @Test func emptyTemplateRendersNothing() throws {
        #expect(try render("") == "")
    }
}
