import DossierCore
import MarkdownRendering

extension SiteGraph {
    /// Ids the page templates use themselves; Markdown headings never take them.
    public static let reservedIDs: Set<String> = [
        "main", "top", "site-header", "site-nav", "site-footer", "toc", "backlinks", "search", "footnotes", "related",
        "briefs", "commentary", "coverage", "contents", "how-to-cite",
    ]

    /// Links everything loaded: tags paragraphs, renders and resolves every body, collects backlinks.
    /// `copiedFiles` are output paths of files copied as they are (templates' assets); the rest of the
    /// site's outputs follow from the input (see `RouteTable`).
    /// `previous` is the graph of an earlier build: bodies whose text and link environment are unchanged are not rendered again.
    /// Bodies render on up to `jobs` threads (0: one per core); the result is the same for any count.
    public static func build(_ input: SiteGraphInput, copiedFiles: [String] = [], previous: SiteGraph? = nil, jobs: Int = 0) -> SiteGraph {
        var diagnostics: [Diagnostic] = []
        let briefs = input.briefs.sorted { $0.slug < $1.slug }
        let byOrder: (ContentDocument, ContentDocument) -> Bool = { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
        let topics = input.documents.filter { $0.kind == .topic }.sorted(by: byOrder)
        let pages = input.documents.filter { $0.kind == .page }.sorted(by: byOrder)
        let authors = input.documents.filter { $0.kind == .author }.sorted(by: byOrder)
        let home = input.documents.first { $0.kind == .home }
        let order = DocumentOrder.sort(
            (home.map { [$0] } ?? []) + input.documents.filter { $0.kind != .home },
            commentary: input.documents.filter { $0.kind == .commentary }, reusing: previous?.order
        )
        let commentary = order.commentary
        let documents = (home.map { [$0] } ?? []) + pages + topics + commentary + authors

        let tableInputs = LinkTableInputs(briefs: briefs, documents: documents.map(LinkTableInputs.Document.init), copiedFiles: copiedFiles,
                                          hasBaseURL: input.config.baseURL != nil, imageSizes: input.imageSizes)
        let previousInputs = previous?.linkTableInputs
        let routes = previous.flatMap { previousInputs?.sameRoutes(as: tableInputs) == true ? $0.routes : nil } ?? RouteTable(
            briefSlugs: briefs.map(\.slug), documents: documents, copiedFiles: copiedFiles, hasBaseURL: input.config.baseURL != nil,
            briefPDFSlugs: briefs.filter { $0.originalPDF != nil }.map(\.slug)
        )
        let targets = previousInputs == tableInputs ? previous?.linkTargets ?? LinkTargets(briefs: briefs, documents: documents, routes: routes, imageSizes: input.imageSizes)
            : LinkTargets(briefs: briefs, documents: documents, routes: routes, imageSizes: input.imageSizes)
        diagnostics += targets.diagnostics
        let topicSlugs = topics.map(\.slug)
        diagnostics += checkTopicReferences(documents, topicSlugs: topicSlugs)
        diagnostics += checkAuthorReferences(documents, authorSlugs: authors.map(\.slug))

        let tagging = TaggingCache.tag(briefs, topics: topics, adjustments: input.tagAdjustments, reusing: previous?.tagging)
        let paragraphTags = tagging.tags
        diagnostics += tagging.diagnostics

        let options = MarkdownOptions(allowsRawHTML: input.config.allowsRawHTML, headingOffset: 1)
        var bodies: [Route: RenderedBody] = [:]
        var backlinks: [ReferenceTarget: [Backlink]] = [:]
        var pendingAnchors: [ReferenceResolver.PendingAnchor] = []
        var renders: [String: DocumentRender] = [:]
        // In backlink order (kind, title, file), so each target's list arrives sorted.
        let ordered = order.ordered
        let reusable = ordered.map { document in
            previous?.renders[document.sourcePath].flatMap { $0.isValid(for: document, targets: targets) ? $0 : nil }
        }
        // Only cmark's parse is serialised (see MarkdownRendering); the rest of each render runs in parallel.
        let rendered = Parallel.map(count: ordered.count, jobs: jobs) { index in
            guard var reused = reusable[index] else {
                return DocumentRender(document: ordered[index], targets: targets, options: options, reservedIDs: reservedIDs)
            }
            reused.source = DocumentRender.Source(ordered[index])
            reused.fingerprint = targets.fingerprint
            return reused
        }
        let reuse = BacklinkReuse(ordered: ordered, renders: rendered, reused: reusable.map { $0 != nil }, previous: previous)
        for (document, render) in zip(ordered, rendered) {
            renders[document.sourcePath] = render
            diagnostics += render.diagnostics
            pendingAnchors += render.pendingAnchors
            bodies[document.route] = render.rendered
            for link in render.links {
                let dirty = reuse.dirtyTargets == nil ? link.targets : link.targets.filter(reuse.isDirty)
                guard !dirty.isEmpty else { continue }
                let backlink = Backlink(
                    sourceRoute: document.route, sourceTitle: document.title, sourceKind: document.kind,
                    context: link.context, location: link.location, anchor: link.anchor, quotes: link.quotes
                )
                for target in dirty { backlinks[target, default: []].append(backlink) }
            }
        }
        diagnostics += checkAnchors(pendingAnchors, bodies: bodies)
        for key in backlinks.keys { backlinks[key] = uniqued(backlinks[key] ?? []) }
        if let previous, reuse.dirtyTargets != nil {
            for (target, list) in previous.backlinks where !reuse.isDirty(target) { backlinks[target] = list }
        }

        var graph = SiteGraph(
            config: input.config, briefs: briefs, topics: topics, commentary: commentary, pages: pages, home: home,
            bodies: bodies, paragraphTags: paragraphTags, backlinks: backlinks, relatedTopics: [:],
            unmatchedAliases: tagging.unmatchedAliases, routes: routes, diagnostics: [], renders: renders, tagging: tagging, order: order
        )
        graph.authors = authors
        graph.linkTableInputs = tableInputs
        graph.linkTargets = targets
        graph.relatedTopics = relatedTopics(topics: topics, paragraphTags: paragraphTags)
        let verified = rendered.flatMap(\.verifiedQuotations)
        graph.quotationTally = QuotationTally(quotations: verified.count, paragraphs: Set(verified.joined()).count)
        graph.diagnostics = diagnostics.sortedForReport()
        return graph
    }

    /// Front-matter `topics` and `related` must name existing topics.
    private static func checkTopicReferences(_ documents: [ContentDocument], topicSlugs: [String]) -> [Diagnostic] {
        let known = Set(topicSlugs)
        var diagnostics: [Diagnostic] = []
        for document in documents {
            for reference in document.topics + document.related where !known.contains(reference.value) {
                let hint = Suggestion.didYouMean(reference.value, among: topicSlugs)
                diagnostics.append(.error("unknown topic '\(reference.value)'\(hint)", at: reference.location))
            }
        }
        return diagnostics
    }

    /// Front-matter `authors` must name files in `content/authors/`.
    private static func checkAuthorReferences(_ documents: [ContentDocument], authorSlugs: [String]) -> [Diagnostic] {
        let known = Set(authorSlugs)
        var diagnostics: [Diagnostic] = []
        for document in documents {
            for reference in document.authors where !known.contains(reference.value) {
                let hint = Suggestion.didYouMean(reference.value, among: authorSlugs)
                let fix = hint.isEmpty ? ": add content/authors/\(reference.value).md with 'name: …' (dossier new author \(reference.value)), or fix the slug" : hint
                diagnostics.append(.error("unknown author '\(reference.value)'\(fix)", at: reference.location))
            }
        }
        return diagnostics
    }

    /// Heading anchors can only be checked once every document has rendered.
    private static func checkAnchors(_ pending: [ReferenceResolver.PendingAnchor], bodies: [Route: RenderedBody]) -> [Diagnostic] {
        pending.compactMap { item in
            guard let body = bodies[item.route] else { return nil }  // brief and index pages are checked elsewhere
            if body.headings.contains(where: { $0.id == item.anchor }) { return nil }
            let known = body.headings.map { "#" + $0.id }.joined(separator: ", ")
            let list = known.isEmpty ? "it has no headings" : "its headings are \(known)"
            return .error("unknown anchor '#\(item.anchor)' in \(item.raw): \(list)", at: item.location)
        }
    }

    /// One backlink per source and context, sorted.
    ///
    /// Sorting by (kind, title, location) keeps each source's backlinks together, since a location is
    /// in its source's file; so duplicates are looked for only among the few from the same source, by
    /// bytes, without hashing every sentence.
    private static func uniqued(_ backlinks: [Backlink]) -> [Backlink] {
        var result: [Backlink] = []
        result.reserveCapacity(backlinks.count)
        var runStart = 0
        // A source with thousands of linking sentences gets a set: scanning its run would be quadratic.
        var runContexts: Set<String>?
        // Gathered in document order, the lists are usually sorted already; sorting copies every backlink.
        let isSorted = backlinks.indices.dropFirst().allSatisfy { !(backlinks[$0] < backlinks[$0 - 1]) }
        for backlink in isSorted ? backlinks : backlinks.sorted() {
            if let last = result.last, last.sourceRoute != backlink.sourceRoute {
                runStart = result.count
                runContexts = nil
            }
            if runContexts == nil, result.count - runStart > 16 { runContexts = Set(result[runStart...].map(\.context)) }
            let isRepeat = runContexts?.contains(backlink.context)
                ?? result[runStart...].contains { $0.context.utf8.elementsEqual(backlink.context.utf8) }
            if !isRepeat {
                result.append(backlink)
                runContexts?.insert(backlink.context)
            }
        }
        return result
    }

    /// Topics that share tagged paragraphs, most shared first; declared `related` topics follow with their counts.
    private static func relatedTopics(topics: [ContentDocument], paragraphTags: [ParagraphRef: [String]]) -> [String: [(slug: String, sharedParagraphs: Int)]] {
        var shared: [String: [String: Int]] = [:]
        for tags in paragraphTags.values {
            for first in tags {
                for second in tags where second != first {
                    shared[first, default: [:]][second, default: 0] += 1
                }
            }
        }
        let titles = Dictionary(topics.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [(slug: String, sharedParagraphs: Int)]] = [:]
        for topic in topics {
            var counts = shared[topic.slug] ?? [:]
            for declared in topic.related.map(\.value) where declared != topic.slug && titles[declared] != nil {
                counts[declared] = counts[declared] ?? 0
            }
            result[topic.slug] = counts.map { (slug: $0.key, sharedParagraphs: $0.value) }.sorted {
                ($1.sharedParagraphs, titles[$0.slug] ?? "") < ($0.sharedParagraphs, titles[$1.slug] ?? "")
            }
        }
        return result
    }
}
