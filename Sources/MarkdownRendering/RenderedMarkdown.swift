import DossierCore

/// Settings that change how Markdown becomes HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Whether raw HTML in the source reaches the output, rebuilt by `HTMLSanitizer` from an allow-list.
    public var allowsRawHTML: Bool
    /// Levels below the page's own: the body's highest heading becomes `<h(1 + headingOffset)>`, and
    /// deeper ones follow without skipping a level.
    public var headingOffset: Int

    /// Creates options; raw HTML is omitted by default.
    public init(allowsRawHTML: Bool = false, headingOffset: Int = 0) {
        self.allowsRawHTML = allowsRawHTML
        self.headingOffset = headingOffset
    }
}

/// A link as the author wrote it, with where it was written.
public struct LinkReference: Sendable, Hashable {
    /// What kind of link it is.
    public enum Target: Sendable, Hashable {
        /// `[[slug#fragment|text]]`.
        case wiki(WikiLink)
        /// A standard Markdown link or image URL.
        case url(String)
    }

    /// The link's destination as written.
    public var target: Target
    /// Where the link starts in the Markdown source.
    public var position: TextPosition
    /// Whether this is an image source rather than a link.
    public var isImage: Bool
    /// An image's alt text as plain text (empty when the author wrote none); nil for links.
    public var alt: String?

    /// Creates a reference.
    public init(target: Target, position: TextPosition, isImage: Bool = false, alt: String? = nil) {
        self.target = target
        self.position = position
        self.isImage = isImage
        self.alt = alt
    }
}

/// What the renderer should write for a link, decided by the caller.
public enum LinkResolution: Sendable, Hashable {
    /// Keep the URL as written (external links).
    case keep
    /// Write this URL; for wiki links, `label` is the text when the author gave none.
    case rewrite(url: String, label: String, cssClass: String?, id: String? = nil)
    /// Drop the link (unsafe or unknown target) and keep only its text.
    case drop
    /// An image in the site: written at `url` with its intrinsic size when known.
    case image(url: String, size: ImageSize?)
}

/// A link recorded while rendering, with the sentence around it (for backlinks).
public struct RecordedLink: Sendable, Hashable {
    /// The link as written.
    public var reference: LinkReference
    /// The plain-text sentence containing the link; empty for links that leave the site or are dropped.
    public var context: String
}

/// A heading with the anchor id the renderer gave it.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// Plain text of the heading.
    public var text: String
    /// Anchor id, unique within the document.
    public var id: String
    /// 1-based source line.
    public var line: Int
    /// 1-based source column (in characters) where the heading starts.
    public var column: Int = 1
}

/// A problem in Markdown syntax that cmark accepts but dossier does not (an unclosed `[[`).
public struct MarkdownProblem: Sendable, Hashable {
    /// Where it is in the source.
    public var position: TextPosition
    /// What is wrong.
    public var message: String
}

/// The output of rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML fragment.
    public var html: String
    /// Headings in order, with their ids.
    public var headings: [Heading]
    /// Every link and wiki link, in source order.
    public var links: [RecordedLink]
    /// The document's text without markup, blocks separated by newlines (for search and excerpts).
    public var plainText: String
    /// Syntax problems found while rendering.
    public var problems: [MarkdownProblem]
}
