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
            dirty.formUnion(renders[index].linkTargets)
            if let old { dirty.formUnion(old.linkTargets) }
        }
        if kept < previous.renders.count {
            let current = Set(ordered.map(\.sourcePath))
            for (path, old) in previous.renders where !current.contains(path) {
                dirty.formUnion(old.linkTargets)
            }
        }
        dirtyTargets = dirty
    }

    /// Whether the list of `target` must be gathered again.
    func isDirty(_ target: ReferenceTarget) -> Bool {
        dirtyTargets?.contains(target) ?? true
    }
}

/// The two long orders of a build's documents — commentary newest first, and every document in
/// backlink order — reused by the next build while no document's sort key changed (sorting 10,000
/// documents by their titles is most of an incremental link stage otherwise).
struct DocumentOrder: Sendable {
    /// What the orders are sorted by, for each document.
    private struct SortKey: Equatable, Sendable {
        var kind: ContentDocument.Kind
        var title: String
        var date: String?
        var slug: String

        init(_ document: ContentDocument) {
            kind = document.kind
            title = document.title
            date = document.date
            slug = document.slug
        }
    }

    private var keys: [String: SortKey]
    private var commentaryPaths: [String]
    private var orderedPaths: [String]
    private(set) var commentary: [ContentDocument]
    private(set) var ordered: [ContentDocument]

    /// `commentary` by date (newest first), title, slug; `ordered` by kind, title, source path. Both
    /// orders are total (paths and slugs are unique), so a reused order is the order a sort would give.
    static func sort(_ documents: [ContentDocument], commentary: [ContentDocument], reusing previous: DocumentOrder?) -> DocumentOrder {
        if let previous, let reused = previous.reordered(documents) { return reused }
        let sortedCommentary = commentary.sorted { ($0.date ?? "", $1.title, $1.slug) > ($1.date ?? "", $0.title, $0.slug) }
        let ordered = documents.sorted { ($0.kind, $0.title, $0.sourcePath) < ($1.kind, $1.title, $1.sourcePath) }
        return DocumentOrder(
            keys: Dictionary(documents.map { ($0.sourcePath, SortKey($0)) }, uniquingKeysWith: { first, _ in first }),
            commentaryPaths: sortedCommentary.map(\.sourcePath), orderedPaths: ordered.map(\.sourcePath),
            commentary: sortedCommentary, ordered: ordered
        )
    }

    /// The same orders over `documents`, when they are the previous documents with the same keys.
    private func reordered(_ documents: [ContentDocument]) -> DocumentOrder? {
        guard documents.count == keys.count else { return nil }
        var byPath: [String: ContentDocument] = [:]
        byPath.reserveCapacity(documents.count)
        for document in documents {
            guard keys[document.sourcePath] == SortKey(document) else { return nil }
            byPath[document.sourcePath] = document
        }
        let commentary = commentaryPaths.compactMap { byPath[$0] }
        let ordered = orderedPaths.compactMap { byPath[$0] }
        guard commentary.count == commentaryPaths.count, ordered.count == documents.count else { return nil }
        var result = self
        result.commentary = commentary
        result.ordered = ordered
        return result
    }
}
