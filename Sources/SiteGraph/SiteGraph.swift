import DossierCore
import MarkdownRendering

/// How many quotations were verified, against how many distinct brief paragraphs.
public struct QuotationTally: Sendable, Hashable {
    public var quotations = 0
    public var paragraphs = 0

    public init(quotations: Int = 0, paragraphs: Int = 0) {
        self.quotations = quotations
        self.paragraphs = paragraphs
    }

    /// "214 quotations verified against 25 paragraphs".
    public var summary: String {
        "\(quotations) quotation\(quotations == 1 ? "" : "s") verified against \(paragraphs) paragraph\(paragraphs == 1 ? "" : "s")"
    }
}

/// The linked site: every document and brief, their tags, references, backlinks and relations.
public struct SiteGraph: Sendable {
    /// Site settings.
    public var config: SiteConfig
    /// Briefs by slug order.
    public var briefs: [Brief]
    /// Topics, ordered by weight then title.
    public var topics: [ContentDocument]
    /// Commentary, newest first (then by title).
    public var commentary: [ContentDocument]
    /// Standalone pages, by weight then title.
    public var pages: [ContentDocument]
    /// Authors (`content/authors/`), by weight then name.
    public var authors: [ContentDocument] = []
    /// The home page document, if `content/index.md` exists.
    public var home: ContentDocument?
    /// Rendered bodies by route.
    public var bodies: [Route: RenderedBody]
    /// Topic slugs of each tagged paragraph, in topic order.
    public var paragraphTags: [ParagraphRef: [String]]
    /// Which references point at each target, sorted.
    public var backlinks: [ReferenceTarget: [Backlink]]
    /// For each topic, related topics with the number of paragraphs they share, most first.
    public var relatedTopics: [String: [(slug: String, sharedParagraphs: Int)]]
    /// Aliases that tagged nothing, per topic (for `dossier check`).
    public var unmatchedAliases: [String: [ContentDocument.Located<String>]]
    /// Every output path of the site; links are checked against it.
    public var routes: RouteTable
    /// Problems found while linking, in report order.
    public var diagnostics: [Diagnostic]
    /// Quotations checked against their cited paragraphs.
    public var quotationTally = QuotationTally()
    /// Each document's render, by source path, for reuse by the next incremental build.
    var renders: [String: DocumentRender] = [:]
    /// The brief tagging, for reuse by the next incremental build.
    var tagging: TaggingCache?
    /// The documents' sorted orders, for reuse by the next incremental build.
    var order: DocumentOrder?
    /// What the route table and link targets were made of, and the targets, for the same reuse.
    var linkTableInputs: LinkTableInputs?
    var linkTargets: LinkTargets?

    /// Every authored document, in a stable order; a view, so asking for it copies no document.
    public var documents: FlattenSequence<[[ContentDocument]]> {
        [home.map { [$0] } ?? [], pages, topics, commentary, authors].joined()
    }

    /// Everything the body of the document at `sourcePath` links to (nothing for other paths).
    public func linkTargets(ofSource sourcePath: String) -> Set<ReferenceTarget> {
        renders[sourcePath]?.linkTargets ?? []
    }

    /// The topic with `slug`.
    public func topic(_ slug: String) -> ContentDocument? {
        topics.first { $0.slug == slug }
    }

    /// The author with `slug`.
    public func author(_ slug: String) -> ContentDocument? {
        authors.first { $0.slug == slug }
    }

    /// The authors a piece names in its front matter, in its order (unknown slugs are reported by `build`).
    public func authors(of document: ContentDocument) -> [ContentDocument] {
        document.authors.compactMap { author($0.value) }
    }

    /// The commentary an author wrote, newest first.
    public func commentary(by authorSlug: String) -> [ContentDocument] {
        commentary.filter { piece in piece.authors.contains { $0.value == authorSlug } }
    }

    /// The brief with `slug`.
    public func brief(_ slug: String) -> Brief? {
        briefs.first { $0.slug == slug }
    }

    /// For every topic slug, the commentary that lists it in its front matter or links to its page, in
    /// site order; one pass over the commentary, for pages and feeds that need every topic's list.
    public func commentaryByTopic() -> [String: [ContentDocument]] {
        let indexByRoute = Dictionary(commentary.indices.map { (commentary[$0].route, $0) }, uniquingKeysWith: { first, _ in first })
        var indices: [String: Set<Int>] = [:]
        for (index, document) in commentary.enumerated() {
            for topic in document.topics { indices[topic.value, default: []].insert(index) }
        }
        for topic in topics {
            for backlink in backlinks[.page(topic.route)] ?? [] {
                if let index = indexByRoute[backlink.sourceRoute] { indices[topic.slug, default: []].insert(index) }
            }
        }
        return indices.mapValues { $0.sorted().map { commentary[$0] } }
    }

    /// The topics whose pages the document at `route` links to; `commentaryByTopic` counts a piece
    /// under these as well as under the topics of its front matter.
    public func topicSlugs(linkedFrom route: Route) -> [String] {
        topics.filter { topic in (backlinks[.page(topic.route)] ?? []).contains { $0.sourceRoute == route } }.map(\.slug)
    }

    /// Tagged paragraphs of a topic, in brief then ¶ order.
    public func paragraphs(taggedWith topicSlug: String) -> [ParagraphRef] {
        paragraphTags.filter { $0.value.contains(topicSlug) }.keys.sorted()
    }

    /// Number of paragraphs of `briefSlug` tagged with `topicSlug`.
    public func coverage(topic topicSlug: String, brief briefSlug: String) -> Int {
        paragraphTags.reduce(0) { count, entry in
            count + (entry.key.briefSlug == briefSlug && entry.value.contains(topicSlug) ? 1 : 0)
        }
    }
}
