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
    var routes: [Route] {
        let fixed = [Route.home, Route(page: "topics"), Route(page: "briefs"), Route(page: "commentary"), Route(file: "404.html"), Route(page: "search")]
        return (fixed + graph.documents.filter { $0.kind != .home }.map(\.route) + graph.briefs.map(\.route)).sorted()
    }

    /// The page at `route`, or nil when the site has none there.
    func plan(for route: Route) -> PagePlan? {
        switch route.outputPath {
        case "index.html": return homePlan()
        case "topics/index.html": return topicsIndexPlan()
        case "briefs/index.html": return briefsIndexPlan()
        case "commentary/index.html": return commentaryIndexPlan()
        case "404.html": return notFoundPlan()
        case "search/index.html": return searchPlan()
        default: break
        }
        if let brief = briefsByRoute[route] { return briefPlan(brief) }
        guard let document = documentsByRoute[route], document.kind != .home else { return nil }
        return document.kind == .topic ? topicPlan(document) : documentPlan(document)
    }

    // MARK: Shared pieces

    func link(from route: Route, to target: Route, title: String) -> ContextBuilder {
        var item = ContextBuilder()
        item["title"] = title
        item["url"] = route.relativeURL(to: target)
        return item
    }

    func topicLinks(_ slugs: [String], from route: Route) -> [ContextBuilder] {
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
        var item = link(from: route, to: document.route, title: document.title)
        item["date"] = document.date
        item["summary"] = document.summary
        item.set("topics", objects: topicLinks(document.topics.map(\.value), from: route))
        item.set("citationCount", graph.bodies[document.route]?.citationCount ?? 0)
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
        return item
    }

    func body(_ document: ContentDocument) -> TemplateValue {
        .text(graph.bodies[document.route]?.html)
    }

    /// Source files every page shows something of (settings and the navigation's pages).
    var sharedSources: Set<String> { [configPath] }

    // MARK: Pages

    func homePlan() -> PagePlan {
        let route = Route.home
        let home = graph.home
        var context = chrome.context(route: route, title: home?.title ?? graph.config.title, description: home?.summary, kind: "home", section: .home)
        context.set("intro", home.map(body) ?? .null)
        context.set("briefs", objects: graph.briefs.map { briefItem($0, from: route) })
        context.set("latest", objects: graph.commentary.prefix(5).map { commentaryItem($0, from: route) })
        context.set("coverage", CoverageMatrix(graph: graph).context(from: route))
        // Any commentary's date can move it into the latest five, so the home page depends on all of them.
        let sources = Set(graph.commentary.map(\.sourcePath) + graph.briefs.map(\.sourcePath) + graph.topics.map(\.sourcePath))
        return PagePlan(route: route, template: home?.layout?.value ?? "home", context: context.value,
                        sources: sharedSources.union(sources).union(home.map { [$0.sourcePath] } ?? []))
    }

    func documentPlan(_ document: ContentDocument) -> PagePlan {
        let route = document.route
        let section: Route = document.kind == .commentary ? Route(page: "commentary") : route
        var context = chrome.context(route: route, title: document.title, description: document.summary, kind: document.kind.rawValue, section: section)
        context["date"] = document.date
        context["summary"] = document.summary
        context.set("body", body(document))
        context.set("topics", objects: topicLinks(document.topics.map(\.value), from: route))
        let backlinks = graph.backlinks[.page(route)] ?? []
        context.set("backlinks", objects: backlinkItems(backlinks, from: route))
        context.set("citationCount", graph.bodies[route]?.citationCount ?? 0)
        let template = document.layout?.value ?? (document.kind == .commentary ? "commentary" : "page")
        return PagePlan(route: route, template: template, context: context.value,
                        sources: sharedSources.union([document.sourcePath]).union(backlinks.map(\.location.path)))
    }

    func searchPlan() -> PagePlan {
        let route = Route(page: "search")
        var context = chrome.context(route: route, title: "Search", description: "Search the briefs paragraph by paragraph, and the issues and commentary.", kind: "search", section: nil)
        context["indexScript"] = route.relativeURL(to: Route(file: "search-index.js"))
        return PagePlan(route: route, template: "search", context: context.value, sources: sharedSources)
    }

    func notFoundPlan() -> PagePlan {
        let route = Route(file: "404.html")
        let context = chrome.context(route: route, title: "Page not found", description: nil, kind: "404", section: nil)
        return PagePlan(route: route, template: "404", context: context.value, sources: sharedSources)
    }
}
