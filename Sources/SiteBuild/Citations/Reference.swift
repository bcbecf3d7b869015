import DossierCore

/// What a citation of a brief or a commentary piece says, before any style formats it.
struct Reference: Sendable {
    enum Kind: Sendable { case report, webpage }

    /// A person's name, split for styles that invert it ("Tatsumi, Yuki").
    struct Person: Sendable {
        var given: String
        var family: String

        /// The last word is the family name; a one-word name is all family.
        init(_ name: String) {
            let words = name.split(separator: " ").map(String.init)
            family = words.last ?? name
            given = words.dropLast().joined(separator: " ")
        }
    }

    /// A date as precise as the source gives it: `2024`, `2024-11` or `2024-11-18`.
    struct PartialDate: Sendable {
        var year: Int
        var month: Int?
        var day: Int?

        init?(_ text: String?) {
            guard let parts = text?.split(separator: "-").map({ Int($0) }), let first = parts.first, let year = first,
                  parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
            self.year = year
            month = parts.count > 1 ? parts[1] : nil
            day = parts.count > 2 ? parts[2] : nil
        }

        var monthName: String? { month.flatMap { (1...12).contains($0) ? ReadableDate.monthNames[$0 - 1] : nil } }
    }

    var kind: Kind
    /// Citation key for BibTeX and CSL, e.g. `tatsumi2024`.
    var key: String
    var title: String
    /// The site's editors supplied the title (Chicago and APA put it in square brackets).
    var titleIsSupplied: Bool
    var authors: [Person]
    /// An author that is not a person (the site's editors), never inverted.
    var corporateAuthor: String?
    var publisher: String?
    /// The website a web page belongs to.
    var container: String?
    var date: PartialDate?
    /// The page's absolute address, when the site knows its base URL.
    var url: String?
    /// The original PDF: the copy the site publishes (absolute, with a base URL), else a source URL ending in .pdf.
    var pdfURL: String?

    init(brief: Brief, baseURL: String?) {
        let metadata = brief.metadata
        kind = .report
        title = metadata.title
        titleIsSupplied = metadata.isEditorialTitle
        authors = metadata.authors.map(Person.init)
        publisher = metadata.publisher
        date = PartialDate(metadata.date)
        url = baseURL.map { brief.route.absoluteURL(base: $0) }
        let publishedPDF = brief.originalPDF == nil ? nil : baseURL.map { RouteTable.briefPDF(brief.slug).absoluteURL(base: $0) }
        pdfURL = publishedPDF ?? metadata.sourceURL.flatMap { $0.lowercased().hasSuffix(".pdf") ? $0 : nil }
        key = Self.key(authors.first?.family ?? brief.slug, date)
    }

    /// A piece's reference: its authors' names (from their author files), else the site's author as a corporate author.
    init(document: ContentDocument, config: SiteConfig, authorNames: [String] = []) {
        kind = .webpage
        title = document.title
        titleIsSupplied = false
        authors = authorNames.map(Person.init)
        corporateAuthor = authors.isEmpty ? config.author : nil
        container = config.title
        date = PartialDate(document.date.map { String($0.prefix(10)) })
        url = config.baseURL.map { document.route.absoluteURL(base: $0) }
        key = Self.key(document.slug, date)
    }

    /// Lower-case ASCII letters and digits of `name`, then the year.
    private static func key(_ name: String, _ date: PartialDate?) -> String {
        let letters = name.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        return String(String.UnicodeScalarView(letters)) + (date.map { String($0.year) } ?? "")
    }

    /// The title as styles show it: in square brackets when the editors supplied it.
    var shownTitle: String { titleIsSupplied ? "[\(title)]" : title }

    /// The address of paragraph `number`.
    func url(paragraph number: Int?) -> String? {
        guard let url, let number else { return url }
        return url + "#p\(number)"
    }
}
