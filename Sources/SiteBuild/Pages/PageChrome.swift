import DossierCore
import SiteGraph
import Templating

/// The values every page template gets: site, navigation, relative root, meta tags.
struct PageChrome {
    let graph: SiteGraph

    /// The main navigation, in order.
    private static let sections: [(label: String, route: Route)] = [
        ("Home", .home), ("Issues", Route(page: "topics")), ("Briefs", Route(page: "briefs")),
        ("Commentary", Route(page: "commentary")), ("About", Route(page: "about")),
    ]

    /// Common values for the page at `route`; `section` marks the current navigation entry.
    func context(route: Route, title: String, description: String?, kind: String, section: Route?) -> ContextBuilder {
        var context = ContextBuilder()
        let root = String(Route.relativePath(from: route.directory, to: "x").dropLast())
        context["root"] = root
        context["stylesheet"] = route.relativeURL(to: Route(file: "assets/site.css"))
        context["favicon"] = route.relativeURL(to: Route(file: "assets/favicon.svg"))
        context["searchScript"] = route.relativeURL(to: Route(file: "assets/search.js"))
        context["homeURL"] = route.relativeURL(to: .home)
        context["searchURL"] = route.relativeURL(to: Route(page: "search"))
        var site = ContextBuilder()
        site["title"] = graph.config.title
        site["description"] = graph.config.description
        site["language"] = graph.config.language
        site["author"] = graph.config.author
        context.set("site", site.value)

        let isHome = route == .home
        var page = ContextBuilder()
        page["title"] = title
        page["kind"] = kind
        page["documentTitle"] = isHome ? graph.config.title : "\(title) · \(graph.config.title)"
        let summary = (description?.isEmpty == false ? description : nil) ?? graph.config.description
        page["description"] = summary
        if let base = graph.config.baseURL {
            page["canonical"] = route.absoluteURL(base: base)
            page["feed"] = route.relativeURL(to: Route(file: "feed.xml"))
        }
        context.set("page", page.value)

        var navigation: [ContextBuilder] = []
        for entry in Self.sections where entry.route == .home || hasPage(entry.route) {
            var item = ContextBuilder()
            item["label"] = entry.label
            item["url"] = route.relativeURL(to: entry.route)
            item.set("isCurrent", entry.route == section)
            navigation.append(item)
        }
        context.set("nav", objects: navigation)
        return context
    }

    private func hasPage(_ route: Route) -> Bool {
        switch route.outputPath {
        case "about/index.html": graph.pages.contains { $0.slug == "about" }
        default: true
        }
    }
}
