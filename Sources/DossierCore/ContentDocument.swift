/// An authored Markdown file: a topic, a commentary piece, a standalone page, an author or the home page.
public struct ContentDocument: Sendable, Hashable {
    /// Which folder the file came from, which decides its URL and template.
    public enum Kind: String, Sendable, Hashable, Comparable, CaseIterable {
        case home
        case page
        case topic
        case commentary
        /// A person writing on the site (`content/authors/<slug>.md`); its `title` is the author's name.
        case author

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A value written in front matter, with where it was written.
    public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
        /// The value.
        public var value: Value
        /// Where it is in the file.
        public var location: SourceLocation

        /// Pairs a value with its location.
        public init(_ value: Value, at location: SourceLocation) {
            self.value = value
            self.location = location
        }
    }

    /// Home, page, topic or commentary.
    public var kind: Kind {
        didSet { route = Self.route(kind: kind, slug: slug) }
    }
    /// URL slug (the file name unless front matter sets `slug`); empty for the home page.
    public var slug: String {
        didSet { route = Self.route(kind: kind, slug: slug) }
    }
    /// Where the page is written; kept with the slug because every link, list and backlink asks for it.
    public private(set) var route: Route
    /// Path relative to the project root.
    public var sourcePath: String
    /// Required title.
    public var title: String
    /// `YYYY-MM-DD`, if given.
    public var date: String?
    /// The whole RFC 3339 date-time when `date` was written with a time (for `<time datetime>` and feeds).
    public var dateTime: String?
    /// When the piece was last changed (`updated`, or `lastmod` as Hugo writes it), `YYYY-MM-DD`.
    public var updated: String?
    /// The whole RFC 3339 date-time of `updated`, when written with a time.
    public var updatedTime: String?
    /// Where `slug:` is written, when front matter sets it rather than the file's name.
    public var slugLocation: SourceLocation?
    /// Old URLs (site-relative) that redirect to this page.
    public var redirectsFrom: [Located<String>] = []
    /// Author slugs (`content/authors/<slug>.md`).
    public var authors: [Located<String>] = []
    /// What an author file says besides the name (authors only).
    public var profile: AuthorProfile?
    /// Free-form values for templates (`extra:` in front matter), as `page.extra.*`.
    public var extra: ExtraValue?
    /// Plain-text summary for lists, feeds and the description meta tag.
    public var summary: String?
    /// Topic slugs the author assigned.
    public var topics: [Located<String>]
    /// Whether the document is left out unless drafts are asked for.
    public var isDraft: Bool
    /// Template name override, with where it is written.
    public var layout: Located<String>?
    /// Sort weight (lower first) where lists are not ordered by date.
    public var weight: Int
    /// Phrases that tag brief paragraphs with this topic (topics only; written `phrases:`).
    public var aliases: [Located<String>]
    /// Related topic slugs (topics only).
    public var related: [Located<String>]
    /// The Markdown body.
    public var body: String
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int

    /// Creates a document.
    public init(
        kind: Kind, slug: String, sourcePath: String, title: String, date: String? = nil, summary: String? = nil,
        topics: [Located<String>] = [], isDraft: Bool = false, layout: Located<String>? = nil, weight: Int = 0,
        aliases: [Located<String>] = [], related: [Located<String>] = [], body: String, bodyFirstLine: Int = 1
    ) {
        self.kind = kind
        self.slug = slug
        self.route = Self.route(kind: kind, slug: slug)
        self.sourcePath = sourcePath
        self.title = title
        self.date = date
        self.dateTime = nil
        self.updated = nil
        self.updatedTime = nil
        self.extra = nil
        self.summary = summary
        self.topics = topics
        self.isDraft = isDraft
        self.layout = layout
        self.weight = weight
        self.aliases = aliases
        self.related = related
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    private static func route(kind: Kind, slug: String) -> Route {
        RouteTable.document(kind, slug: slug)
    }
}

extension Brief {
    /// Where the brief page is written.
    public var route: Route { RouteTable.brief(slug) }

    /// The citation for paragraphs, e.g. `Tatsumi 2024, ¶12` or `Tatsumi 2024, ¶12–14`.
    public func citation(for range: ClosedRange<Int>) -> String {
        let numbers = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
        return "\(metadata.citationLabel), ¶\(numbers)"
    }
}

/// The front matter of an author file besides `name` (which is the document's `title`).
public struct AuthorProfile: Sendable, Hashable {
    /// What the author does, e.g. "Senior fellow".
    public var role: String?
    /// Where the author works.
    public var affiliation: String?
    /// The author's own web page.
    public var url: String?

    /// Creates a profile.
    public init(role: String? = nil, affiliation: String? = nil, url: String? = nil) {
        self.role = role
        self.affiliation = affiliation
        self.url = url
    }
}
