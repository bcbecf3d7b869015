import Testing
import DossierCore
import Templating

/// Builds a library from a main template `page` plus named partials, each at `templates/<name>.html`.
func makeLibrary(_ template: String, partials: [String: String] = [:]) throws(TemplateError) -> TemplateLibrary {
    var sources = [TemplateSource(name: "page", path: "templates/page.html", text: template)]
    for (name, text) in partials {
        sources.append(TemplateSource(name: name, path: "templates/\(name).html", text: text))
    }
    return try TemplateLibrary(sources: sources)
}

/// Renders `template` (with partials) against `context`.
func render(_ template: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws(TemplateError) -> String {
    try makeLibrary(template, partials: partials).render("page", context: context)
}

/// The error building the library throws, or nil when it builds.
func buildError(_ template: String, partials: [String: String] = [:]) -> TemplateError? {
    do {
        _ = try makeLibrary(template, partials: partials)
        return nil
    } catch {
        return error
    }
}

/// The error rendering throws, or nil when it renders.
func renderError(_ template: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) -> TemplateError? {
    do {
        _ = try render(template, context, partials: partials)
        return nil
    } catch {
        return error
    }
}

/// A location in `templates/<name>.html`.
func at(_ line: Int, _ column: Int, in name: String = "page") -> DossierCore.SourceLocation {
    DossierCore.SourceLocation(path: "templates/\(name).html", line: line, column: column)
}

/// One conformance case: a template, its data and partials, and the exact output.
struct SpecCase: CustomTestStringConvertible, Sendable {
    var name: String
    var template: String
    var data: TemplateValue = [:]
    var partials: [String: String] = [:]
    var expected: String

    var testDescription: String { name }
}
