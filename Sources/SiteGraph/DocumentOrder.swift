import DossierCore

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
        // Indices are sorted, not the documents: moving large structs was most of the time at 100,000 pages.
        let commentaryKeys = commentary.map { (date: $0.date ?? "", title: $0.title, slug: $0.slug) }
        let sortedCommentary = commentary.indices.sorted { first, second in
            let a = commentaryKeys[first], b = commentaryKeys[second]
            return (a.date, b.title, b.slug) > (b.date, a.title, a.slug)
        }.map { commentary[$0] }
        let documentKeys = documents.map { (kind: $0.kind, title: $0.title, path: $0.sourcePath) }
        let ordered = documents.indices.sorted { first, second in
            let a = documentKeys[first], b = documentKeys[second]
            return (a.kind, a.title, a.path) < (b.kind, b.title, b.path)
        }.map { documents[$0] }
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
