import DossierCore
import SiteGraph

/// The main navigation: `menu:` from `site.yml`, or by default the home page, the three indexes and
/// the About page when the site has one.
struct SiteMenu {
    /// One link: a page of the site (so it can be marked current) or an address used as written.
    struct Item {
        var label: String
        var route: Route?
        var url: String?
    }

    let items: [Item]
    /// A menu entry whose page the site does not have.
    let diagnostics: [Diagnostic]

    /// The navigation when `site.yml` has no `menu:`.
    static let defaultSections: [(label: String, route: Route)] = [
        ("Home", .home), ("Issues", RouteTable.topicsIndex), ("Briefs", RouteTable.briefsIndex),
        ("Commentary", RouteTable.commentaryIndex), ("About", RouteTable.document(.page, slug: "about")),
    ]

    init(graph: SiteGraph) {
        let pages = Set(graph.routes.pages)
        guard let entries = graph.config.menu else {
            items = Self.defaultSections.filter { pages.contains($0.route) }.map { Item(label: $0.label, route: $0.route) }
            diagnostics = []
            return
        }
        var items: [Item] = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            guard let page = entry.page else {
                items.append(Item(label: entry.title, url: entry.url))
                continue
            }
            let route = Self.route(ofPage: page)
            guard pages.contains(route), route != RouteTable.notFound else {
                let names = pages.filter { $0.outputPath.hasSuffix("index.html") }.map { Self.pageName($0) }.sorted()
                diagnostics.append(.error(
                    "menu entry '\(entry.title)' points to page '\(page)', which the site does not have"
                        + Suggestion.didYouMean(page, among: names) + " (pages are named by their path: \(names.prefix(12).joined(separator: ", "))"
                        + (names.count > 12 ? ", …" : "") + ")",
                    at: entry.location
                ))
                continue
            }
            items.append(Item(label: entry.title, route: route))
        }
        self.items = items
        self.diagnostics = diagnostics
    }

    /// `home` (or nothing) is the home page; any other name is a page's path, `about` or `topics/ports`.
    static func route(ofPage page: String) -> Route {
        page == "home" ? .home : Route(page: page)
    }

    /// The name `menu:` uses for a page.
    static func pageName(_ route: Route) -> String {
        route == .home ? "home" : route.directory
    }
}
