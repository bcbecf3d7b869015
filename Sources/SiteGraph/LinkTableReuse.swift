import DossierCore

/// What the route table and the link targets are made of, kept with a graph so that the next
/// incremental build reuses both when an edit left them alone (the usual edit of a piece's text):
/// building them reads every document and costs a tenth of a second at 10,000 pages.
struct LinkTableInputs: Equatable, Sendable {
    /// A document as the tables see it.
    struct Document: Equatable, Sendable {
        var kind: ContentDocument.Kind
        var slug: String
        var title: String
        var route: Route
        var sourcePath: String
        var slugLocation: SourceLocation?

        init(_ document: ContentDocument) {
            kind = document.kind
            slug = document.slug
            title = document.title
            route = document.route
            sourcePath = document.sourcePath
            slugLocation = document.slugLocation
        }
    }

    var briefs: [Brief]
    var documents: [Document]
    var copiedFiles: [String]
    var hasBaseURL: Bool
    var imageSizes: [String: ImageSize]

    /// Whether only what the route table reads is the same (routes, not titles).
    func sameRoutes(as other: Self) -> Bool {
        hasBaseURL == other.hasBaseURL && copiedFiles == other.copiedFiles && briefs.count == other.briefs.count
            && zip(briefs, other.briefs).allSatisfy { $0.slug == $1.slug && ($0.originalPDF == nil) == ($1.originalPDF == nil) }
            && documents.count == other.documents.count
            && zip(documents, other.documents).allSatisfy { $0.kind == $1.kind && $0.route == $1.route }
    }
}
