/// A policy brief imported from plain text: metadata and numbered paragraphs in sections.
public struct Brief: Sendable, Hashable {
    /// URL slug: the page is `briefs/<slug>/`.
    public var slug: String
    /// Path of the raw text, relative to the project root.
    public var sourcePath: String
    /// Title, authors and provenance.
    public var metadata: BriefMetadata
    /// Sections in source order; the first may have no heading.
    public var sections: [BriefSection]
    /// Number of pages in the original, when the text shows page breaks.
    public var pageCount: Int?
    /// The original PDF kept beside the text (`content/briefs/<slug>.pdf`), when there is one.
    public var originalPDF: String?
    /// Footnotes and endnotes in number order; never numbered ¶ and never tagged.
    public var notes: [BriefNote] = []

    /// Creates a brief.
    public init(slug: String, sourcePath: String, metadata: BriefMetadata, sections: [BriefSection], pageCount: Int?) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.metadata = metadata
        self.sections = sections
        self.pageCount = pageCount
    }

    /// Every body paragraph, ¶1 to ¶N, in order.
    public var paragraphs: [Paragraph] { sections.flatMap(\.paragraphs) }

    /// How many paragraphs there are, without gathering them.
    public var paragraphCount: Int { sections.reduce(0) { $0 + $1.paragraphs.count } }

    /// The paragraph numbered `number`, if there is one.
    public func paragraph(_ number: Int) -> Paragraph? {
        for section in sections {
            if let match = section.paragraphs.first(where: { $0.number == number }) { return match }
        }
        return nil
    }
}

/// What is known about a brief's origin; the sidecar wins over what the text suggests.
public struct BriefMetadata: Sendable, Hashable {
    /// Display title.
    public var title: String
    /// Whether the title was given by the site's editors rather than the brief itself.
    public var isEditorialTitle: Bool
    /// Optional subtitle or standfirst.
    public var subtitle: String?
    /// Authors in byline order; empty when the text names none.
    public var authors: [String]
    /// Publishing organisation.
    public var publisher: String?
    /// Programme or series within the publisher.
    public var program: String?
    /// Publication date as written (`2024-11` or `November 2024`).
    public var date: String?
    /// Where the original can be found.
    public var sourceURL: String?
    /// Short citation label, e.g. `Tatsumi 2024`.
    public var citationLabel: String

    /// Creates metadata.
    public init(
        title: String, isEditorialTitle: Bool = false, subtitle: String? = nil, authors: [String] = [],
        publisher: String? = nil, program: String? = nil, date: String? = nil, sourceURL: String? = nil,
        citationLabel: String
    ) {
        self.title = title
        self.isEditorialTitle = isEditorialTitle
        self.subtitle = subtitle
        self.authors = authors
        self.publisher = publisher
        self.program = program
        self.date = date
        self.sourceURL = sourceURL
        self.citationLabel = citationLabel
    }
}

/// A run of paragraphs under one heading.
public struct BriefSection: Sendable, Hashable {
    /// The heading as written, or nil for text before the first heading.
    public var heading: String?
    /// Anchor id for the heading, unique within the brief.
    public var slug: String
    /// Body paragraphs in order.
    public var paragraphs: [Paragraph]
    /// 1-based source line of the heading (or of the first paragraph when there is none).
    public var line: Int

    /// Creates a section.
    public init(heading: String?, slug: String, paragraphs: [Paragraph], line: Int) {
        self.heading = heading
        self.slug = slug
        self.paragraphs = paragraphs
        self.line = line
    }
}

/// One numbered body paragraph of a brief.
public struct Paragraph: Sendable, Hashable {
    /// What shape the paragraph had in the source.
    public enum Kind: Sendable, Hashable {
        /// Running prose.
        case prose
        /// An item of a bulleted list.
        case bulletItem
        /// An item of a numbered list, with its number as written.
        case numberedItem(Int)
        /// A table: rows of cells, the first row usually the header; `text` holds the rows as written.
        case table(rows: [[String]])
        /// A figure or table caption (`Table 1. …`).
        case caption
    }

    /// ¶ number, 1-based through the whole brief.
    public var number: Int
    /// The cleaned text (joined lines, mended hyphens), without the lead-in.
    public var text: String
    /// A short opening sentence acting as the paragraph's title, shown bold.
    public var leadIn: String?
    /// Prose or list item.
    public var kind: Kind
    /// Page of the original where the paragraph starts, when page breaks are known.
    public var page: Int?
    /// 1-based source lines the paragraph came from.
    public var lines: ClosedRange<Int>
    /// Note markers in the paragraph, in order; their text is not part of `text`.
    public var noteMarkers: [NoteMarker] = []

    /// Creates a paragraph.
    public init(number: Int, text: String, leadIn: String? = nil, kind: Kind = .prose, page: Int? = nil, lines: ClosedRange<Int>) {
        self.number = number
        self.text = text
        self.leadIn = leadIn
        self.kind = kind
        self.page = page
        self.lines = lines
    }

    /// The full text as a reader sees it: lead-in, a space, then the rest.
    public var fullText: String {
        guard let leadIn else { return text }
        return text.isEmpty ? leadIn : leadIn + " " + text
    }

    /// The anchor id on the brief page, `p12`.
    public var anchor: String { "p\(number)" }
}

/// Where a paragraph marks a note: after `offset` characters of its `fullText`.
public struct NoteMarker: Sendable, Hashable {
    /// The note's number.
    public var number: Int
    /// Characters of the paragraph's `fullText` (lead-in, space, text) before the marker.
    public var offset: Int

    /// Creates a marker.
    public init(number: Int, offset: Int) {
        self.number = number
        self.offset = offset
    }
}

/// A footnote or endnote of a brief.
public struct BriefNote: Sendable, Hashable {
    /// The note's number (markers print it).
    public var number: Int
    /// The note's text, markers and number taken off.
    public var text: String
    /// The ¶ whose text first marks the note, when one does.
    public var paragraph: Int?
    /// 1-based source line where the note starts.
    public var line: Int

    /// Creates a note.
    public init(number: Int, text: String, paragraph: Int? = nil, line: Int) {
        self.number = number
        self.text = text
        self.paragraph = paragraph
        self.line = line
    }

    /// The anchor id of the note on the brief page, `n3`.
    public var anchor: String { "n\(number)" }
    /// The anchor id of the note's first marker in the text, `r3`, the target of the back link.
    public var referenceAnchor: String { "r\(number)" }
}
