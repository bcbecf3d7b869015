import DossierCore

/// What an author wrote in a brief's `<slug>.yml`: metadata that wins over the text, and importer hints.
///
/// Read from YAML by `BriefSidecar.decode` (BriefSidecar+YAML.swift), with the key names
/// `editorial_title`, `source_url`, `cite_as`, `furniture`, `headings`, `not_headings`, `tags`.
public struct BriefSidecar: Sendable, Hashable {
    /// Display title.
    public var title: String?
    /// Whether the title was given by the site's editors.
    public var editorialTitle: Bool
    /// Subtitle or standfirst.
    public var subtitle: String?
    /// Authors in byline order; empty means "not given".
    public var authors: [String]
    /// Publishing organisation.
    public var publisher: String?
    /// Programme or series.
    public var program: String?
    /// Publication date, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    /// Where the original can be found.
    public var sourceURL: String?
    /// Short citation label, e.g. `Tatsumi 2024`.
    public var citeAs: String?
    /// Regular expressions (ICU syntax) for lines to drop as page furniture.
    public var furniturePatterns: [String]
    /// Exact lines (whitespace-normalised) that are always headings.
    public var headings: [String]
    /// Exact lines (whitespace-normalised) that are never headings.
    public var notHeadings: [String]
    /// Per-paragraph topic tag corrections, used by the linking stage.
    public var tagOverrides: [TagOverride]

    /// Creates a sidecar; every field defaults to "not given".
    public init(
        title: String? = nil, editorialTitle: Bool = false, subtitle: String? = nil, authors: [String] = [],
        publisher: String? = nil, program: String? = nil, date: String? = nil, sourceURL: String? = nil,
        citeAs: String? = nil, furniturePatterns: [String] = [], headings: [String] = [],
        notHeadings: [String] = [], tagOverrides: [TagOverride] = []
    ) {
        self.title = title
        self.editorialTitle = editorialTitle
        self.subtitle = subtitle
        self.authors = authors
        self.publisher = publisher
        self.program = program
        self.date = date
        self.sourceURL = sourceURL
        self.citeAs = citeAs
        self.furniturePatterns = furniturePatterns
        self.headings = headings
        self.notHeadings = notHeadings
        self.tagOverrides = tagOverrides
    }
}

/// A correction to the topic tags of one paragraph, from a sidecar's `tags` list.
public struct TagOverride: Sendable, Hashable {
    /// The ¶ number the override applies to.
    public var paragraph: Int
    /// Topic slugs to add.
    public var add: [String]
    /// Topic slugs to remove.
    public var remove: [String]
    /// Where the override was written, when the decoder knows it.
    public var location: SourceLocation?

    /// Creates an override.
    public init(paragraph: Int, add: [String] = [], remove: [String] = [], location: SourceLocation? = nil) {
        self.paragraph = paragraph
        self.add = add
        self.remove = remove
        self.location = location
    }
}
