import DossierCore
import SiteGraph
import Templating

/// The values every page template gets: site, navigation, relative root, meta tags.
struct PageChrome {
    let graph: SiteGraph
    /// The main navigation, in order.
    let menu: SiteMenu

    init(graph: SiteGraph) {
        self.graph = graph
        menu = SiteMenu(graph: graph)
    }

    /// Common values for the page at `route`; `section` marks the current navigation entry.
    func context(route: Route, title: String, description: String?, kind: String, section: Route?, date: String? = nil,
                 extra: ExtraValue? = nil) -> ContextBuilder {
        var context = ContextBuilder()
        let root = String(Route.relativePath(from: route.directory, to: "x").dropLast())
        context["root"] = root
        context["stylesheet"] = route.relativeURL(to: RouteTable.asset("site.css"))
        context["favicon"] = route.relativeURL(to: RouteTable.asset("favicon.svg"))
        context["searchScript"] = route.relativeURL(to: RouteTable.asset("search.js"))
        context["siteScript"] = route.relativeURL(to: RouteTable.asset("site.js"))
        context["homeURL"] = route.relativeURL(to: .home)
        context["searchURL"] = route.relativeURL(to: RouteTable.search)
        var site = ContextBuilder()
        site["title"] = graph.config.title
        site["description"] = graph.config.description
        site["language"] = graph.config.language
        site["author"] = graph.config.author
        site.set("extra", graph.config.extra.map(PagePlanner.templateValue) ?? .null)
        context.set("site", site.value)

        let isHome = route == .home
        var page = ContextBuilder()
        page["title"] = title
        page["kind"] = kind
        page["date"] = date
        page.set("extra", extra.map(PagePlanner.templateValue) ?? .null)
        page["documentTitle"] = isHome ? graph.config.title : "\(title) · \(graph.config.title)"
        let summary = (description?.isEmpty == false ? description : nil) ?? graph.config.description
        page["description"] = summary
        if let base = graph.config.baseURL {
            page["canonical"] = route.absoluteURL(base: base)
            page["image"] = RouteTable.asset(Self.shareImage).absoluteURL(base: base)
            page["feed"] = route.relativeURL(to: RouteTable.feed)
        }
        context.set("page", page.value)

        var navigation: [ContextBuilder] = []
        for entry in menu.items {
            var item = ContextBuilder()
            item["label"] = entry.label
            item["url"] = entry.route.map { route.relativeURL(to: $0) } ?? entry.url
            item.set("isCurrent", entry.route != nil && entry.route == section)
            navigation.append(item)
        }
        context.set("nav", objects: navigation)
        return context
    }

    /// The picture link previews show for every page (1200 × 630, in the templates' assets).
    static let shareImage = "share.png"
}
