import DossierCore

/// The brief tagging of one build, reused by the next while briefs, topic aliases and overrides are
/// unchanged (an edit of a commentary piece leaves them alone, and tagging reads every paragraph).
struct TaggingCache: Sendable {
    /// What tagging reads of a topic: its slug and aliases, in topic order.
    private struct TopicAliases: Hashable, Sendable {
        var slug: String
        var aliases: [ContentDocument.Located<String>]
    }

    private var briefs: [Brief]
    private var topics: [TopicAliases]
    private var adjustments: [TagAdjustment]
    private(set) var tags: [ParagraphRef: [String]]
    private(set) var unmatchedAliases: [String: [ContentDocument.Located<String>]]
    private(set) var diagnostics: [Diagnostic]

    /// The tags of `briefs`: `previous` when it was made from equal inputs, else tagged anew.
    static func tag(_ briefs: [Brief], topics: [ContentDocument], adjustments: [TagAdjustment], reusing previous: TaggingCache?) -> TaggingCache {
        let keys = topics.map { TopicAliases(slug: $0.slug, aliases: $0.aliases) }
        if let previous, previous.topics == keys, previous.adjustments == adjustments, previous.briefs == briefs {
            return previous
        }
        var tagger = BriefTagger(topics: topics)
        let tags = tagger.tag(briefs, adjustments: adjustments)
        return TaggingCache(
            briefs: briefs, topics: keys, adjustments: adjustments,
            tags: tags, unmatchedAliases: tagger.unmatchedAliases, diagnostics: tagger.diagnostics
        )
    }
}
