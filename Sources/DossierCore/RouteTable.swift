/// Where every file of the site goes: the one place that decides output paths and URLs.
///
/// The static members name each kind of output; an instance lists the outputs of one site, so
/// link checking, page planning, feeds, the writer and incremental rebuilds agree on what is written.
public struct RouteTable: Sendable, Hashable {
    // MARK: Where each kind of output goes

    /// The list of every topic.
    public static let topicsIndex = Route(page: "topics")
    /// The list of every brief.
    public static let briefsIndex = Route(page: "briefs")
    /// The list of every commentary piece.
    public static let commentaryIndex = Route(page: "commentary")
    /// The list of every author (written only when `content/authors/` has one).
    public static let authorsIndex = Route(page: "authors")
    /// The search page.
    public static let search = Route(page: "search")
    /// The page served for missing URLs.
    public static let notFound = Route(file: "404.html")
    /// The script holding the search index (a script, so search works from disk too).
    public static let searchIndex = Route(file: "search-index.js")
    /// A part of a large site's search index (`t-<key>` terms, `e-<n>` entries); `init` does not list
    /// them, since which exist depends on the words of the site (see `SearchIndexLayout`).
    public static func searchPart(_ name: String) -> Route { Route(file: "search/\(name).js") }
    /// robots.txt, always written.
    public static let robots = Route(file: "robots.txt")
    /// The site's Atom feed (only with a base URL: feeds need absolute URLs).
    public static let feed = Route(file: "feed.xml")
    /// The sitemap (only with a base URL).
    public static let sitemap = Route(file: "sitemap.xml")

    /// The page of an authored document of `kind` with `slug`.
    public static func document(_ kind: ContentDocument.Kind, slug: String) -> Route {
        switch kind {
        case .home: .home
        case .page: Route(page: slug)
        case .topic: topic(slug)
        case .commentary: Route(page: "commentary/" + slug)
        case .author: author(slug)
        }
    }

    /// An author's page, listing their pieces.
    public static func author(_ slug: String) -> Route { Route(page: "authors/" + slug) }
    /// A topic's page.
    public static func topic(_ slug: String) -> Route { Route(page: "topics/" + slug) }
    /// A topic's own Atom feed (only with a base URL).
    public static func topicFeed(_ slug: String) -> Route { Route(file: "topics/\(slug)/feed.xml") }
    /// A brief's page.
    public static func brief(_ slug: String) -> Route { Route(page: "briefs/" + slug) }
    /// A brief's raw text, republished beside its page.
    public static func briefSource(_ slug: String) -> Route { Route(file: "briefs/\(slug)/source.txt") }
    /// A brief's original PDF, republished beside its page when `dossier import` kept it.
    public static func briefPDF(_ slug: String) -> Route { Route(file: "briefs/\(slug)/original.pdf") }
    /// A citable page's reference in a reference manager's format (`bib`, `ris`, `json`), beside the page.
    public static func reference(of page: Route, format: String) -> Route { Route(file: Path.join(page.directory, "cite." + format)) }
    /// The reference formats every brief and commentary page offers: BibTeX, RIS and CSL-JSON.
    public static let referenceFormats = ["bib", "ris", "json"]
    /// A file of `templates/assets/`, e.g. `asset("site.css")`.
    public static func asset(_ name: String) -> Route { Route(file: "assets/" + name) }

    /// Top-level names the site writes itself; a page slug there would overwrite them.
    public static let reservedPageSlugs: Set<String> = [
        "topics", "briefs", "commentary", "authors", "search", "assets", "index", "404", "feed", "sitemap", "robots",
    ]

    // MARK: The outputs of one site

    /// Every HTML page, sorted by output path.
    public let pages: [Route]
    /// Every other file (search index, robots.txt, brief sources, copied files, feeds, sitemap), sorted.
    public let files: [Route]
    /// The output paths of both, for lookups.
    public let outputPaths: Set<String>

    /// The outputs of a site with these briefs and documents. `copiedFiles` are output paths of files
    /// copied as they are (templates' assets); `hasBaseURL` adds the feeds and sitemap, which need absolute URLs.
    public init(briefSlugs: [String], documents: some Collection<ContentDocument>, copiedFiles: some Sequence<String>, hasBaseURL: Bool,
                briefPDFSlugs: [String] = []) {
        var pages: Set<Route> = [.home, Self.topicsIndex, Self.briefsIndex, Self.commentaryIndex, Self.notFound, Self.search]
        var files: Set<Route> = [Self.searchIndex, Self.robots]
        for document in documents { pages.insert(document.route) }
        if documents.contains(where: { $0.kind == .author }) { pages.insert(Self.authorsIndex) }
        for slug in briefSlugs {
            pages.insert(Self.brief(slug))
            files.insert(Self.briefSource(slug))
        }
        files.formUnion(briefPDFSlugs.map(Self.briefPDF))
        let citable = briefSlugs.map(Self.brief) + documents.filter { $0.kind == .commentary }.map(\.route)
        for page in citable { files.formUnion(Self.referenceFormats.map { Self.reference(of: page, format: $0) }) }
        files.formUnion(copiedFiles.map(Route.init(file:)))
        if hasBaseURL {
            files.formUnion([Self.feed, Self.sitemap])
            for document in documents where document.kind == .topic { files.insert(Self.topicFeed(document.slug)) }
        }
        self.pages = pages.sorted()
        self.files = files.subtracting(pages).sorted()
        outputPaths = Set(pages.map(\.outputPath)).union(files.map(\.outputPath))
    }

    /// Whether the site writes a file at `outputPath`.
    public func contains(_ outputPath: String) -> Bool { outputPaths.contains(outputPath) }
}
