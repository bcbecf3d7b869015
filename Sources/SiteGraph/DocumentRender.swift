import DossierCore
import MarkdownRendering

/// What rendering one document's body produced; reused by later builds while its inputs are unchanged.
struct DocumentRender: Sendable {
    /// A link found in the body, what it refers to, and its sentence.
    struct Link: Sendable {
        var targets: [ReferenceTarget]
        var context: String
        var location: SourceLocation
        /// The link's id in the page, when it has one (citations do).
        var anchor: String?
        /// The source's words quoted beside the link (for citations).
        var quotes: [String] = []
    }

    /// The document as its backlinks show it; brought up to date when the render is reused.
    struct Source: Hashable, Sendable {
        var route: Route
        var title: String
        var kind: ContentDocument.Kind

        init(_ document: ContentDocument) {
            route = document.route
            title = document.title
            kind = document.kind
        }
    }

    var source: Source
    /// The body and the first line it was rendered from.
    var body: String
    var bodyFirstLine: Int
    /// The link environment it was resolved against (see `LinkTargets.fingerprint`).
    var fingerprint: Int
    var rendered: RenderedBody
    var links: [Link]
    var pendingAnchors: [ReferenceResolver.PendingAnchor]
    var diagnostics: [Diagnostic]
    /// For each verified quotation, the brief paragraphs its words are in.
    var verifiedQuotations: [[ParagraphRef]]
    /// What resolving the links read of the environment.
    var reads: TargetReads

    /// Renders `document` and resolves its links against `targets`.
    init(document: ContentDocument, targets: LinkTargets, options: MarkdownOptions, reservedIDs: Set<String>) {
        // Only commentary and topic overviews answer for their quotations (see QuotationCheck).
        let quotedBriefs = QuotedBriefs()
        let quotations = document.kind == .commentary || document.kind == .topic
            ? QuotationCheck(document: document) { quotedBriefs.reads.slug($0, in: targets)?.brief }.check(QuotationScanner.sentences(in: document.body))
            : QuotationOutcome()
        var resolver = ReferenceResolver(document: document, targets: targets, quotedWords: quotations.wordsByCitation)
        let output = MarkdownRenderer.render(document.body, options: options, reservedIDs: reservedIDs) { resolver.resolve($0) }
        source = Source(document)
        body = document.body
        bodyFirstLine = document.bodyFirstLine
        fingerprint = targets.fingerprint
        rendered = RenderedBody(html: output.html, headings: output.headings, plainText: output.plainText, citationCount: resolver.citationCount)
        links = output.links.compactMap { link in
            guard let targets = resolver.referencedTargets[link.reference.position] else { return nil }
            let quotes = quotations.wordsByCitation[link.reference.position] ?? []
            return Link(targets: targets, context: link.context, location: resolver.location(of: link.reference.position),
                        anchor: resolver.anchors[link.reference.position], quotes: quotes)
        }
        pendingAnchors = resolver.pendingAnchors
        diagnostics = resolver.diagnostics + output.problems.map { .error($0.message, at: resolver.location(of: $0.position)) }
            + quotations.diagnostics
        verifiedQuotations = quotations.verified
        reads = resolver.reads
        reads.merge(quotedBriefs.reads)
    }

    /// The briefs the quotation check looked up, by slug (a box: the check's closure cannot change a variable).
    private final class QuotedBriefs {
        var reads = TargetReads()
    }

    /// Everything the body links to.
    var linkTargets: Set<ReferenceTarget> {
        Set(links.flatMap(\.targets))
    }

    /// Whether this render still holds for `document` in the environment `targets`: the same one, or one
    /// where everything the render read is the same. A render with diagnostics is kept only in the same
    /// environment (a message may name every slug, as a suggestion).
    func isValid(for document: ContentDocument, targets: LinkTargets) -> Bool {
        guard body == document.body, bodyFirstLine == document.bodyFirstLine else { return false }
        return fingerprint == targets.fingerprint || diagnostics.isEmpty && reads.hold(in: targets)
    }
}
