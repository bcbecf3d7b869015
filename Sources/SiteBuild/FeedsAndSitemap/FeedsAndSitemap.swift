import DossierCore
import SiteGraph

/// Feeds, sitemap and robots.txt: the files whose formats need absolute URLs.
struct FeedsAndSitemap {
    let graph: SiteGraph

    init(graph: SiteGraph) {
        self.graph = graph
    }

    /// A hash of everything the files are made of: equal keys, equal files (within one process).
    /// Cheap next to making the files: the preview asks for it on every rebuild.
    func inputsKey() -> Int {
        var hasher = Hasher()
        hasher.combine(graph.config.baseURL)
        hasher.combine(graph.config.title)
        hasher.combine(graph.config.author)
        hasher.combine(graph.config.feedEntries)
        hasher.combine(graph.routes.pages)
        for document in graph.commentary {
            hasher.combine(document.slug)
            hasher.combine(document.title)
            hasher.combine(document.date)
            hasher.combine(document.dateTime)
            hasher.combine(document.updated)
            hasher.combine(document.updatedTime)
            hasher.combine(document.summary)
            hasher.combine(document.authors.count)
            for author in document.authors { hasher.combine(author.value) }
            // With the topic pages' backlinks below, what `commentaryByTopic` is made of.
            hasher.combine(document.topics.count)
            for topic in document.topics { hasher.combine(topic.value) }
        }
        for author in graph.authors {
            hasher.combine(author.slug)
            hasher.combine(author.title)
        }
        for topic in graph.topics {
            hasher.combine(topic.slug)
            hasher.combine(topic.title)
            let backlinks = graph.backlinks[.page(topic.route)] ?? []
            hasher.combine(backlinks.count)
            for backlink in backlinks { hasher.combine(backlink.sourceRoute) }
        }
        return hasher.finalize()
    }

    /// The files, or a warning when no base URL makes the absolute ones possible.
    func files() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        guard let base = graph.config.baseURL else {
            let robots = OutputFile(path: RouteTable.robots.outputPath, bytes: Array("User-agent: *\nAllow: /\n".utf8))
            let warning = Diagnostic.warning(BaseURLWarning.message, at: nil)
            return ([robots], [warning])
        }
        let commentaryByTopic = graph.commentaryByTopic()
        var files = [
            OutputFile(path: RouteTable.robots.outputPath, bytes: Array("User-agent: *\nAllow: /\nSitemap: \(RouteTable.sitemap.absoluteURL(base: base))\n".utf8)),
            OutputFile(path: RouteTable.sitemap.outputPath, bytes: Array(sitemap(graph.routes.pages, base: base).utf8)),
            OutputFile(path: RouteTable.feed.outputPath, bytes: Array(feed(title: graph.config.title, self: RouteTable.feed, alternate: RouteTable.commentaryIndex, entries: graph.commentary, base: base).utf8)),
        ]
        for topic in graph.topics {
            let entries = commentaryByTopic[topic.slug] ?? []
            let feedRoute = RouteTable.topicFeed(topic.slug)
            let xml = feed(title: "\(topic.title) · \(graph.config.title)", self: feedRoute, alternate: topic.route, entries: entries, base: base)
            files.append(OutputFile(path: feedRoute.outputPath, bytes: Array(xml.utf8)))
        }
        return (files, [])
    }

    private func sitemap(_ routes: [Route], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes.sorted() where route != RouteTable.notFound {
            xml += "  <url><loc>\(route.absoluteURL(base: base).xmlEscaped)</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of the newest `feed_entries` pieces (`entries` come newest first); `updated` is the
    /// newest entry's date, so the same content gives the same bytes.
    private func feed(title: String, self selfRoute: Route, alternate: Route, entries allEntries: [ContentDocument], base: String) -> String {
        let entries = allEntries.prefix(graph.config.feedEntries)
        let updated = entries.map(Self.updated).max() ?? "2000-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(title.xmlEscaped)</title>\n"
        xml += "  <id>\(selfRoute.absoluteURL(base: base).xmlEscaped)</id>\n"
        xml += "  <link rel=\"self\" href=\"\(selfRoute.absoluteURL(base: base).xmlEscaped)\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(alternate.absoluteURL(base: base).xmlEscaped)\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\((graph.config.author ?? graph.config.title).xmlEscaped)</name></author>\n"
        for entry in entries {
            let url = entry.route.absoluteURL(base: base)
            xml += "  <entry>\n"
            xml += "    <title>\(entry.title.xmlEscaped)</title>\n"
            xml += "    <id>\(url.xmlEscaped)</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url.xmlEscaped)\"/>\n"
            xml += "    <updated>\(Self.updated(entry))</updated>\n"
            if entry.date != nil { xml += "    <published>\(Self.published(entry))</published>\n" }
            // Each author by name, linked to their page; without any the feed's own author stands.
            for author in graph.authors(of: entry) {
                xml += "    <author><name>\(author.title.xmlEscaped)</name><uri>\(author.route.absoluteURL(base: base).xmlEscaped)</uri></author>\n"
            }
            if let summary = entry.summary { xml += "    <summary>\(summary.xmlEscaped)</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 as Atom wants it: the date-time as written, or the day at midnight UTC.
    private static func timestamp(_ day: String?, _ dateTime: String?) -> String {
        dateTime ?? (day ?? "2000-01-01") + "T00:00:00Z"
    }

    private static func published(_ entry: ContentDocument) -> String { timestamp(entry.date, entry.dateTime) }

    /// The last update when given, else the publication date.
    private static func updated(_ entry: ContentDocument) -> String {
        entry.updated != nil ? timestamp(entry.updated, entry.updatedTime) : published(entry)
    }
}
