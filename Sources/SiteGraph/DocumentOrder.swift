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
    /// The documents' paths and keys in the order they were given, and each order as places in it: an
    /// edit that leaves every path and key in place is reordered without hashing a path.
    private var inputPaths: [String] = []
    private var inputKeys: [SortKey] = []
    private var commentaryPlaces: [Int] = []
    private var orderedPlaces: [Int] = []
    private(set) var commentary: [ContentDocument]
    private(set) var ordered: [ContentDocument]

    /// `commentary` by date (newest first), title, slug; `ordered` by kind, title, source path. Both
    /// orders are total (paths and slugs are unique), so a reused order is the order a sort would give.
    static func sort(_ documents: [ContentDocument], commentary: [ContentDocument], reusing previous: DocumentOrder?) -> DocumentOrder {
        if let previous, let reused = previous.inPlace(documents) ?? previous.reordered(documents) { return reused }
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
        var order = DocumentOrder(
            keys: Dictionary(documents.map { ($0.sourcePath, SortKey($0)) }, uniquingKeysWith: { first, _ in first }),
            commentaryPaths: sortedCommentary.map(\.sourcePath), orderedPaths: ordered.map(\.sourcePath),
            commentary: sortedCommentary, ordered: ordered
        )
        let places = Dictionary(documents.indices.map { (documents[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let commentaryPlaces = order.commentaryPaths.compactMap { places[$0] }
        let orderedPlaces = order.orderedPaths.compactMap { places[$0] }
        if places.count == documents.count, commentaryPlaces.count == sortedCommentary.count, orderedPlaces.count == ordered.count {
            order.inputPaths = documents.map(\.sourcePath)
            order.inputKeys = documents.map(SortKey.init)
            order.commentaryPlaces = commentaryPlaces
            order.orderedPlaces = orderedPlaces
        }
        return order
    }

    /// The same orders when `documents` are the previous documents in the same places with the same keys.
    private func inPlace(_ documents: [ContentDocument]) -> DocumentOrder? {
        guard !inputPaths.isEmpty, documents.count == inputPaths.count else { return nil }
        for (index, document) in documents.enumerated() where document.sourcePath != inputPaths[index] || SortKey(document) != inputKeys[index] {
            return nil
        }
        var result = self
        result.commentary = commentaryPlaces.map { documents[$0] }
        result.ordered = orderedPlaces.map { documents[$0] }
        return result
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
