import DossierCore
import MarkdownRendering

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
    /// Problems found while linking, in report order.
    public var diagnostics: [Diagnostic]
    /// Each document's render, by source path, for reuse by the next incremental build.
    var renders: [String: DocumentRender] = [:]

    /// Every authored document, in a stable order.
    public var documents: [ContentDocument] {
        (home.map { [$0] } ?? []) + pages + topics + commentary
    }

    /// The topic with `slug`.
    public func topic(_ slug: String) -> ContentDocument? {
        topics.first { $0.slug == slug }
    }

    /// The brief with `slug`.
    public func brief(_ slug: String) -> Brief? {
        briefs.first { $0.slug == slug }
    }

    /// Commentary that lists the topic in its front matter or links to its page, in site order.
    public func commentary(about topic: ContentDocument) -> [ContentDocument] {
        let linking = Set((backlinks[.page(topic.route)] ?? []).map(\.sourceRoute))
        return commentary.filter { document in
            document.topics.contains { $0.value == topic.slug } || linking.contains(document.route)
        }
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
