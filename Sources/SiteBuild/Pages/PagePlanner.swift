import DossierCore
import SiteGraph
import Templating

/// Decides every page of the site and the values its template sees.
struct PagePlanner {
    let graph: SiteGraph
    let chrome: PageChrome
    /// Path of `site.yml`: every page depends on it.
    let configPath: String

    let documentsByRoute: [Route: ContentDocument]
    private let briefsByRoute: [Route: Brief]

    init(graph: SiteGraph, configPath: String) {
        self.graph = graph
        self.chrome = PageChrome(graph: graph)
        self.configPath = configPath
        documentsByRoute = Dictionary(graph.documents.map { ($0.route, $0) }, uniquingKeysWith: { first, _ in first })
        briefsByRoute = Dictionary(graph.briefs.map { ($0.route, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// All pages, in output-path order.
    func plans() -> [PagePlan] {
        routes.compactMap(plan(for:))
    }

    /// Every page's route, sorted.
    var routes: [Route] { graph.routes.pages }

    /// The page at `route`, or nil when the site has none there.
    func plan(for route: Route) -> PagePlan? {
        switch route {
        case .home: return homePlan()
        case RouteTable.topicsIndex: return topicsIndexPlan()
        case RouteTable.briefsIndex: return briefsIndexPlan()
        case RouteTable.commentaryIndex: return commentaryIndexPlan()
        case RouteTable.notFound: return notFoundPlan()
        case RouteTable.search: return searchPlan()
        case RouteTable.authorsIndex: return authorsIndexPlan()
        default: break
        }
        if let brief = briefsByRoute[route] { return briefPlan(brief) }
        guard let document = documentsByRoute[route], document.kind != .home else { return nil }
        switch document.kind {
        case .topic: return topicPlan(document)
        case .author: return authorPlan(document)
        default: return documentPlan(document)
        }
    }

    // MARK: Shared pieces

    func link(from route: Route, to target: Route, title: String) -> ContextBuilder {
        Self.link(from: route, to: target, title: title)
    }

    static func link(from route: Route, to target: Route, title: String) -> ContextBuilder {
        var item = ContextBuilder()
        item["title"] = title
        item["url"] = route.relativeURL(to: target)
        return item
    }

    func topicLinks(_ slugs: [String], from route: Route) -> [ContextBuilder] {
        Self.topicLinks(slugs, from: route, in: graph)
    }

    static func topicLinks(_ slugs: [String], from route: Route, in graph: SiteGraph) -> [ContextBuilder] {
        slugs.compactMap { slug in graph.topic(slug).map { link(from: route, to: $0.route, title: $0.title) } }
    }

    func backlinkItems(_ backlinks: [Backlink], from route: Route) -> [ContextBuilder] {
        backlinks.map { backlink in
            var item = link(from: route, to: backlink.sourceRoute, title: backlink.sourceTitle)
            item["context"] = backlink.context
            item["kind"] = backlink.sourceKind.rawValue
            // The target's own words the sentence quotes, for "cited by" lists.
            item.set("quotes", objects: backlink.quotes.map { quote in
                var words = ContextBuilder()
                words["words"] = quote
                return words
            })
            return item
        }
    }

    func commentaryItem(_ document: ContentDocument, from route: Route) -> ContextBuilder {
        Self.commentaryItem(document, from: route, in: graph)
    }

    /// A commentary piece as lists show it (also what `ListingKey` compares between builds).
    static func commentaryItem(_ document: ContentDocument, from route: Route, in graph: SiteGraph) -> ContextBuilder {
        var item = link(from: route, to: document.route, title: document.title)
        dateFields(document, into: &item)
        bylineFields(document, from: route, in: graph, into: &item)
        item["summary"] = document.summary
        item.set("topics", objects: topicLinks(document.topics.map(\.value), from: route, in: graph))
        let citations = graph.bodies[document.route]?.citationCount ?? 0
        item.set("citationCount", citations)
        item["citationCountLabel"] = English.count(citations, "citation")
        return item
    }

    func briefItem(_ brief: Brief, from route: Route) -> ContextBuilder {
        var item = link(from: route, to: brief.route, title: brief.metadata.title)
        item["authors"] = brief.metadata.authors.isEmpty ? nil : brief.metadata.authors.joined(separator: ", ")
        item["publisher"] = brief.metadata.publisher
        item["date"] = brief.metadata.date
        item["citationLabel"] = brief.metadata.citationLabel
        item["subtitle"] = brief.metadata.subtitle
        item.set("isEditorialTitle", brief.metadata.isEditorialTitle)
        item.set("paragraphCount", brief.paragraphCount)
        item["paragraphCountLabel"] = English.count(brief.paragraphCount, "paragraph")
        return item
    }

    func body(_ document: ContentDocument) -> TemplateValue {
        graph.bodies[document.route].map { .html($0.html) } ?? .null
    }

    /// Source files every page shows something of (settings, and authors: bylines and lists name them).
    var sharedSources: Set<String> { authorSources.union([configPath]) }

    /// "On this page": the body's top-level sections, for pieces with three or more.
    func contents(of document: ContentDocument, from route: Route) -> [ContextBuilder] {
        let headings = graph.bodies[document.route]?.headings ?? []
        let top = headings.map(\.level).min()
        let sections = headings.filter { $0.level == top }
        guard sections.count >= Self.contentsThreshold else { return [] }
        return sections.map { heading in
            var item = ContextBuilder()
            item["title"] = heading.text
            item["url"] = route.selfURL(fragment: heading.id)
            return item
        }
    }

    /// How many sections a page needs before it gets a contents list.
    static let contentsThreshold = 3

    // MARK: Pages

    func homePlan() -> PagePlan {
        let route = Route.home
        let home = graph.home
        var context = chrome.context(route: route, title: home?.title ?? graph.config.title, description: home?.summary, kind: "home", section: .home, extra: home?.extra)
        context.set("intro", home.map(body) ?? .null)
        context.set("briefs", objects: graph.briefs.map { briefItem($0, from: route) })
        context.set("latest", objects: graph.commentary.prefix(5).map { commentaryItem($0, from: route) })
        context["allCommentaryURL"] = route.relativeURL(to: RouteTable.commentaryIndex)
        context["allCommentaryLabel"] = "All commentary (\(English.count(graph.commentary.count, "piece")))"
        context.set("coverage", CoverageMatrix(graph: graph).context(from: route))
        // Any commentary's date can move it into the latest five, so the home page depends on all of them.
        let sources = Set(graph.commentary.map(\.sourcePath) + graph.briefs.map(\.sourcePath) + graph.topics.map(\.sourcePath))
        return PagePlan(route: route, template: home?.layout?.value ?? "home", context: context.value,
                        sources: sharedSources.union(sources).union(home.map { [$0.sourcePath] } ?? []))
    }

    func documentPlan(_ document: ContentDocument) -> PagePlan {
        let route = document.route
        let section: Route = document.kind == .commentary ? RouteTable.commentaryIndex : route
        var context = chrome.context(route: route, title: document.title, description: document.summary, kind: document.kind.rawValue, section: section, date: document.date, extra: document.extra)
        authoringFields(document, into: &context)
        Self.bylineFields(document, from: route, in: graph, into: &context)
        context["summary"] = document.summary
        context.set("body", body(document))
        context.set("topics", objects: topicLinks(document.topics.map(\.value), from: route))
        let backlinks = graph.backlinks[.page(route)] ?? []
        context.set("backlinks", objects: backlinkItems(backlinks, from: route))
        context.set("citationCount", graph.bodies[route]?.citationCount ?? 0)
        context["citationCountLabel"] = English.count(graph.bodies[route]?.citationCount ?? 0, "citation")
        context.set("contents", objects: contents(of: document, from: route))
        let cited = citedParagraphs(of: document)
        context.set("cited", objects: citedItems(cited, from: route))
        context["citedTitle"] = "Paragraphs cited"
        if document.kind == .commentary {
            context.set("cite", CitationFiles.context(Reference(document: document, config: graph.config, authorNames: graph.authors(of: document).map(\.title)), page: route).value)
        }
        let template = document.layout?.value ?? (document.kind == .commentary ? "commentary" : "page")
        return PagePlan(route: route, template: template, context: context.value,
                        sources: sharedSources.union([document.sourcePath]).union(backlinks.map(\.location.path))
                            .union(cited.map(\.brief.sourcePath)))
    }

    /// The brief paragraphs a body cites, in brief and paragraph order: the page lists them after the
    /// text, and the citation previews show them.
    func citedParagraphs(of document: ContentDocument) -> [(brief: Brief, paragraph: Paragraph)] {
        let references = graph.linkTargets(ofSource: document.sourcePath).compactMap { target -> ParagraphRef? in
            if case .paragraph(let reference) = target { return reference }
            return nil
        }
        return references.sorted().compactMap { reference in
            guard let brief = graph.brief(reference.briefSlug), let paragraph = brief.paragraph(reference.number) else { return nil }
            return (brief, paragraph)
        }
    }

    func citedItems(_ cited: [(brief: Brief, paragraph: Paragraph)], from route: Route) -> [ContextBuilder] {
        cited.map { brief, paragraph in
            var item = excerpt(paragraph, of: brief, from: route)
            item["id"] = Self.citedID(brief: brief, paragraph: paragraph)
            return item
        }
    }

    /// The id of a cited paragraph's copy on a citing page (`site.js` finds it from the citation's link).
    static func citedID(brief: Brief, paragraph: Paragraph) -> String { "cited-\(brief.slug)-\(paragraph.anchor)" }

    func searchPlan() -> PagePlan {
        let route = RouteTable.search
        var context = chrome.context(route: route, title: "Search", description: "Search the briefs paragraph by paragraph, and the issues and commentary.", kind: "search", section: nil)
        context["indexScript"] = route.relativeURL(to: RouteTable.searchIndex)
        return PagePlan(route: route, template: "search", context: context.value, sources: sharedSources)
    }

    func notFoundPlan() -> PagePlan {
        let route = RouteTable.notFound
        var context = chrome.context(route: route, title: "Page not found", description: nil, kind: "404", section: nil)
        context["topicsURL"] = route.relativeURL(to: RouteTable.topicsIndex)
        return PagePlan(route: route, template: "404", context: context.value, sources: sharedSources)
    }
}
