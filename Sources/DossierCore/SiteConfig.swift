/// The site's settings, from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// The site's name, shown in every page's header and title.
    public var title: String
    /// One or two sentences saying what the site is.
    public var description: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// Absolute base URL ending in `/`, needed only by feeds, sitemap and canonical links.
    public var baseURL: String?
    /// The site's author or publisher, for feeds.
    public var author: String?
    /// Whether raw HTML written in Markdown reaches the output (tagfilter still applies).
    public var allowsRawHTML: Bool
    /// How many of the newest commentary pieces each Atom feed lists (readers poll feeds often).
    public var feedEntries: Int

    /// `extra:` from `site.yml`, which templates read as `site.extra`.
    public var extra: ExtraValue?
    /// `menu:` from `site.yml`, in order; nil for the default navigation.
    public var menu: [MenuEntry]?

    /// The feed length when `site.yml` does not set `feed_entries`.
    public static let defaultFeedEntries = 50

    /// Creates settings.
    public init(
        title: String,
        description: String = "",
        language: String = "en",
        baseURL: String? = nil,
        author: String? = nil,
        allowsRawHTML: Bool = false,
        feedEntries: Int = SiteConfig.defaultFeedEntries
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.author = author
        self.allowsRawHTML = allowsRawHTML
        self.feedEntries = feedEntries
    }
}

/// One entry of `menu:` in `site.yml`: a title and either a page of the site or any URL.
public struct MenuEntry: Sendable, Hashable {
    /// The link text.
    public var title: String
    /// A page of the site by its path (`topics`, `about`, `topics/ports`; `home` for the home page).
    public var page: String?
    /// Any other address, used as written.
    public var url: String?
    /// Where the entry's `page:` (or the entry) is written, for errors.
    public var location: SourceLocation

    /// Creates an entry.
    public init(title: String, page: String? = nil, url: String? = nil, location: SourceLocation) {
        self.title = title
        self.page = page
        self.url = url
        self.location = location
    }
}
