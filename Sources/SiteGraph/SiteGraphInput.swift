import DossierCore
import MarkdownRendering

/// A sidecar's instruction to add or remove topic tags on one brief paragraph.
public struct TagAdjustment: Sendable, Hashable {
    /// The brief's slug.
    public var briefSlug: String
    /// The ¶ number.
    public var paragraph: Int
    /// Topic slugs to add.
    public var add: [String]
    /// Topic slugs to remove.
    public var remove: [String]
    /// Where the override is written, for errors.
    public var location: SourceLocation

    /// Creates an adjustment.
    public init(briefSlug: String, paragraph: Int, add: [String], remove: [String], location: SourceLocation) {
        self.briefSlug = briefSlug
        self.paragraph = paragraph
        self.add = add
        self.remove = remove
        self.location = location
    }
}

/// Everything loaded from `content/`, handed to the link stage.
public struct SiteGraphInput: Sendable {
    /// Site settings.
    public var config: SiteConfig
    /// Imported briefs.
    public var briefs: [Brief]
    /// Authored documents (drafts already filtered out or not, as the build decided).
    public var documents: [ContentDocument]
    /// Sidecar tag overrides.
    public var tagAdjustments: [TagAdjustment]
    /// Width and height of the site's images, by output path (for `<img width height>`).
    public var imageSizes: [String: ImageSize] = [:]

    /// Creates the input.
    public init(config: SiteConfig, briefs: [Brief], documents: [ContentDocument], tagAdjustments: [TagAdjustment] = []) {
        self.config = config
        self.briefs = briefs
        self.documents = documents
        self.tagAdjustments = tagAdjustments
    }
}

/// One brief paragraph, identified across the site.
public struct ParagraphRef: Sendable, Hashable, Comparable {
    /// The brief's slug.
    public var briefSlug: String
    /// The ¶ number.
    public var number: Int

    /// Creates a reference.
    public init(briefSlug: String, number: Int) {
        self.briefSlug = briefSlug
        self.number = number
    }

    public static func < (lhs: ParagraphRef, rhs: ParagraphRef) -> Bool {
        (lhs.briefSlug, lhs.number) < (rhs.briefSlug, rhs.number)
    }
}

/// Something that can be referred to: a page, or one brief paragraph.
public enum ReferenceTarget: Sendable, Hashable {
    /// A topic, commentary piece, page or brief page, by its route.
    case page(Route)
    /// One paragraph of a brief.
    case paragraph(ParagraphRef)
}

/// A reference to a target from an authored document, with the sentence that makes it.
public struct Backlink: Sendable, Hashable, Comparable {
    /// The referring document's route.
    public var sourceRoute: Route
    /// The referring document's title.
    public var sourceTitle: String
    /// What kind of document refers.
    public var sourceKind: ContentDocument.Kind
    /// The referring sentence, as plain text.
    public var context: String
    /// Where the reference is written.
    public var location: SourceLocation
    /// The id of the referring link in its page, when it has one.
    public var anchor: String? = nil
    /// The cited paragraph's own words that the sentence quotes (empty when it quotes none).
    public var quotes: [String] = []

    public static func < (lhs: Backlink, rhs: Backlink) -> Bool {
        (lhs.sourceKind, lhs.sourceTitle, lhs.location) < (rhs.sourceKind, rhs.sourceTitle, rhs.location)
    }
}

/// A document's Markdown body after rendering.
public struct RenderedBody: Sendable, Hashable {
    /// HTML fragment with relative links.
    public var html: String
    /// Headings with their ids.
    public var headings: [Heading]
    /// Text without markup.
    public var plainText: String
    /// How many brief paragraphs it cites.
    public var citationCount: Int
}
