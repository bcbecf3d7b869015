import DossierCore
import SiteGraph
import Templating

extension PagePlanner {
    /// A piece's byline: its authors (each linked to their page) as `authors`, with the words that
    /// join them ("", ", ", " and ") as each one's `separator`; `hasAuthors` is false when it names none.
    static func bylineFields(_ document: ContentDocument, from route: Route, in graph: SiteGraph, into item: inout ContextBuilder) {
        let authors = graph.authors(of: document)
        item.set("authors", objects: authors.enumerated().map { index, author in
            var entry = authorLink(author, from: route)
            entry["separator"] = index == 0 ? "" : index == authors.count - 1 ? " and " : ", "
            return entry
        })
    }

    /// An author as bylines and the authors index link to them.
    static func authorLink(_ author: ContentDocument, from route: Route) -> ContextBuilder {
        var entry = link(from: route, to: author.route, title: author.title)
        entry["name"] = author.title
        entry["role"] = author.profile?.role
        entry["affiliation"] = author.profile?.affiliation
        return entry
    }

    /// Source files every page shows something of: bylines name authors, so an author file counts.
    var authorSources: Set<String> { Set(graph.authors.map(\.sourcePath)) }

    /// The list of every author, with how many pieces each wrote.
    func authorsIndexPlan() -> PagePlan {
        let route = RouteTable.authorsIndex
        var context = chrome.context(route: route, title: "Authors", description: "Who writes the commentary on this site.", kind: "authors", section: nil)
        context.set("authors", objects: graph.authors.map { author in
            var item = Self.authorLink(author, from: route)
            let count = graph.commentary(by: author.slug).count
            item.set("pieceCount", count)
            item["pieceCountLabel"] = English.count(count, "piece")
            return item
        })
        let sources = sharedSources.union(graph.commentary.map(\.sourcePath))
        return PagePlan(route: route, template: "authors", context: context.value, sources: sources)
    }

    /// An author's page: name, role, affiliation, link, bio, and their pieces newest first.
    func authorPlan(_ author: ContentDocument) -> PagePlan {
        let route = author.route
        let profile = author.profile ?? AuthorProfile()
        let description = [profile.role, profile.affiliation].compactMap { $0 }.joined(separator: ", ")
        var context = chrome.context(route: route, title: author.title, description: description.isEmpty ? nil : "\(author.title), \(description)",
                                     kind: "author", section: nil, extra: author.extra)
        context["name"] = author.title
        context["role"] = profile.role
        context["affiliation"] = profile.affiliation
        context["url"] = profile.url
        context.set("body", body(author))
        context["authorsURL"] = route.relativeURL(to: RouteTable.authorsIndex)
        let pieces = graph.commentary(by: author.slug)
        context.set("items", objects: pieces.map { commentaryItem($0, from: route) })
        context["itemsLabel"] = English.count(pieces.count, "piece")
        let backlinks = graph.backlinks[.page(route)] ?? []
        context.set("backlinks", objects: backlinkItems(backlinks, from: route))
        // Any piece can name this author, so the page depends on all of them (as the commentary index does).
        let sources = sharedSources.union([author.sourcePath]).union(graph.commentary.map(\.sourcePath)).union(backlinks.map(\.location.path))
        return PagePlan(route: route, template: author.layout?.value ?? "author", context: context.value, sources: sources)
    }
}
