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
