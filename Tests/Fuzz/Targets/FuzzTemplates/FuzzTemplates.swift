import DossierCore
import Templating

// Templates: the input is up to three templates separated by NUL bytes (page, base, partials/nav);
// parsing must fail with a positioned error or succeed, and rendering must never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let names = ["page", "base", "partials/nav"]
    var sources: [TemplateSource] = []
    for (name, part) in zip(names, parts) {
        // Decode as the template loader does, so findings are reachable from a file.
        guard case .success(let text) = SourceText.decode(Array(part), path: name) else { return 0 }
        sources.append(TemplateSource(name: name, path: "templates/\(name).html", text: text))
    }
    let library: TemplateLibrary
    do {
        library = try TemplateLibrary(sources: sources)
    } catch {
        _ = error.description
        return 0
    }
    for name in names where library.contains(name) {
        do {
            let html = try library.render(name, context: context)
            precondition(!html.contains("<b>&"), "unescaped value reached the output")
        } catch {
            _ = error.description
        }
    }
    return 0
}

/// A small context with every value kind, including text that must be escaped.
let context: TemplateValue = [
    "page": ["title": "<b>&amp;\"'", "isDraft": false, "weight": 3],
    "items": [["name": "one", "url": "a.html"], ["name": "two", "url": "b.html"], "plain", 7, nil],
    "flag": true,
    "empty": [],
    "none": nil,
    "html": .string("<em>trusted</em>"),
]
