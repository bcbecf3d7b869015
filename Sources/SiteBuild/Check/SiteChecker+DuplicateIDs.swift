import DossierCore
import SiteGraph

extension SiteChecker {
    /// A duplicate id in a built page, reported where it comes from: a Markdown heading whose id the
    /// page's template also writes (templates are the site's own, so no fixed list of their ids can
    /// keep headings off them) is the author's to rename, at `path:line:col` of the heading. Anything
    /// else is the template's, at the second use in the page.
    func duplicateIDFinding(_ id: String, page: OutputFile, offset: Int, graph: SiteGraph) -> Diagnostic {
        if let document = graph.documents.first(where: { $0.route.outputPath == page.path }),
           let heading = graph.bodies[document.route]?.headings.first(where: { $0.id == id })
        {
            let location = SourceLocation(
                path: document.sourcePath, line: document.bodyFirstLine + heading.line - 1, column: heading.column
            )
            return .error(
                "the heading '\(heading.text)' gets the id '\(id)', which the page's template also writes: rename the heading (or the template's id)",
                at: location
            )
        }
        return .error("duplicate id '\(id)'", at: location(page.path, page.bytes, offset))
    }
}
