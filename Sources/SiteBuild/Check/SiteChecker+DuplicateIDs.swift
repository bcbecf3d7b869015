import DossierCore
import Foundation
import SiteGraph

extension SiteChecker {
    /// A duplicate id in a built page, reported where it comes from. An id the body writes (a Markdown
    /// heading's, or one in raw HTML) that the page's template also writes is the author's to change, at
    /// `path:line:col` in the source: templates are the site's own, so no fixed list of their ids can keep
    /// the body off them. Anything else is the template's, at the second use in the page.
    func duplicateIDFinding(_ id: String, page: OutputFile, offset: Int, graph: SiteGraph) -> Diagnostic {
        let unchanged = Diagnostic.error("duplicate id '\(id)'", at: location(page.path, page.bytes, offset))
        guard let document = graph.documents.first(where: { $0.route.outputPath == page.path }) else { return unchanged }
        let advice = "which the page's template also writes"
        if let heading = graph.bodies[document.route]?.headings.first(where: { $0.id == id }) {
            let location = SourceLocation(path: document.sourcePath, line: document.bodyFirstLine + heading.line - 1, column: heading.column)
            return .error("the heading '\(heading.text)' gets the id '\(id)', \(advice): rename the heading (or the template's id)", at: location)
        }
        if let position = Self.writtenID(id, in: document.body) {
            return .error("the id '\(id)' written here is one the page's template also writes: give the element another id", at: position
                .offset(byLines: document.bodyFirstLine - 1).located(in: document.sourcePath))
        }
        return unchanged
    }

    /// Where `id="…"` (or `'…'`, or unquoted) names `id` in a body's raw HTML.
    private static func writtenID(_ id: String, in body: String) -> TextPosition? {
        for quote in ["\"", "'", ""] {
            guard let range = body.range(of: "id=" + quote + id + quote) else { continue }
            return LineIndex(body).position(ofUTF8Offset: body.utf8.distance(from: body.startIndex, to: range.lowerBound))
        }
        return nil
    }
}
