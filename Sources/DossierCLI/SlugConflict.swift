import DossierCore
import SiteLoading

/// What already takes a new document's slug or its output files, read from the site as the build reads it:
/// front matter's `slug:`, every kind of document, briefs, and files published as they are
/// (`content/static/`, bundles) or redirects (`aliases`) that sit where the new page or its `cite.bib`,
/// `cite.ris`, `cite.json` would.
enum SlugConflict {
    /// A description of the owner ("content/topics/x.md (a topic)"), or nil when the slug is free.
    static func find(kind: ContentDocument.Kind, slug: String, content: String) -> String? {
        if kind == .page, RouteTable.reservedPageSlugs.contains(slug) {
            return "the site's own \(slug)/ folder (reserved: \(RouteTable.reservedPageSlugs.sorted().joined(separator: ", ")))"
        }
        let loaded = ContentLoader(directory: content, fileSystem: .disk, includesDrafts: true, jobs: 1).load()
        let site = loaded.site
        if let document = site.documents.first(where: { $0.kind != .home && $0.slug == slug }) {
            return "\(document.sourcePath) (a\(document.kind == .author ? "n" : "") \(document.kind.rawValue))"
        }
        if let brief = site.briefs.first(where: { $0.slug == slug }) { return "\(brief.sourcePath) (a brief)" }
        let page = RouteTable.document(kind, slug: slug)
        var outputs = [page.outputPath]
        if kind == .commentary { outputs += RouteTable.referenceFormats.map { RouteTable.reference(of: page, format: $0).outputPath } }
        if kind == .topic { outputs.append(RouteTable.topicFeed(slug).outputPath) }
        for output in outputs {
            if let file = loaded.files.first(where: { $0.outputPath == output }) {
                return "\(file.sourcePath), published at \(output)"
            }
        }
        for document in site.documents {
            if let alias = document.redirectsFrom.first(where: { outputs.contains($0.value) }) {
                return "the redirect \(document.sourcePath) writes at \(alias.value) ('aliases' at line \(alias.location.line))"
            }
        }
        let table = RouteTable(briefSlugs: site.briefs.map(\.slug), documents: site.documents, copiedFiles: loaded.files.map(\.outputPath),
                               hasBaseURL: true, briefPDFSlugs: site.briefs.filter { $0.originalPDF != nil }.map(\.slug))
        if let output = outputs.first(where: table.contains) { return "the site's own \(output)" }
        return nil
    }
}
