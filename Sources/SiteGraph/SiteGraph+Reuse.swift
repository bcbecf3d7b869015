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

/// Which backlink lists an incremental build must gather again: those of the targets that changed or
/// removed documents link to, before or after the edit. Every other list is the previous build's.
struct BacklinkReuse {
    /// Targets whose lists are gathered again; nil means all (no previous build).
    let dirtyTargets: Set<ReferenceTarget>?

    /// `renders` are this build's, in `ordered` order; `reused[i]` says whether render `i` came from `previous`.
    init(ordered: [ContentDocument], renders: [DocumentRender], reused: [Bool], previous: SiteGraph?) {
        guard let previous else {
            dirtyTargets = nil
            return
        }
        var dirty: Set<ReferenceTarget> = []
        var kept = 0
        for (index, document) in ordered.enumerated() {
            let old = previous.renders[document.sourcePath]
            if old != nil { kept += 1 }
            // A backlink shows its source's title and kind: a reused body with a new title is a change too.
            guard !reused[index] || old?.source != renders[index].source else { continue }
            Self.addTargets(of: renders[index], to: &dirty)
            if let old { Self.addTargets(of: old, to: &dirty) }
        }
        if kept < previous.renders.count {
            let current = Set(ordered.map(\.sourcePath))
            for (path, old) in previous.renders where !current.contains(path) {
                Self.addTargets(of: old, to: &dirty)
            }
        }
        dirtyTargets = dirty
    }

    /// Whether the list of `target` must be gathered again.
    func isDirty(_ target: ReferenceTarget) -> Bool {
        dirtyTargets?.contains(target) ?? true
    }

    private static func addTargets(of render: DocumentRender, to targets: inout Set<ReferenceTarget>) {
        for link in render.links { targets.formUnion(link.targets) }
    }
}
