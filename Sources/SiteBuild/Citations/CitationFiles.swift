import DossierCore
import SiteGraph

/// The reference files of every brief and commentary page (`cite.bib`, `cite.ris`, `cite.json`
/// beside the page) and the values the "How to cite" block and `citation_*` meta tags show.
enum CitationFiles {
    enum Format: String, CaseIterable, Sendable {
        case bibTeX = "bib", ris, cslJSON = "json"

        var label: String {
            switch self {
            case .bibTeX: "BibTeX"
            case .ris: "RIS"
            case .cslJSON: "CSL-JSON"
            }
        }
    }

    /// Where a page's reference in `format` is written.
    static func route(of page: Route, _ format: Format) -> Route {
        RouteTable.reference(of: page, format: format.rawValue)
    }

    /// Every citable page with its reference.
    static func references(_ graph: SiteGraph) -> [(route: Route, reference: Reference)] {
        graph.briefs.map { ($0.route, Reference(brief: $0, baseURL: graph.config.baseURL)) }
            + graph.commentary.map { ($0.route, Reference(document: $0, config: graph.config, authorNames: graph.authors(of: $0).map(\.title))) }
    }

    static func files(_ graph: SiteGraph) -> [OutputFile] {
        files(graph, reusing: Cache()).files
    }

    /// What a piece's reference is made of (see `Reference.init(document:config:authorNames:)`); the
    /// site settings it reads change only with a full build.
    struct PieceKey: Equatable {
        var title: String
        var slug: String
        var date: String?
        var route: Route
        var authorNames: [String]
    }

    /// The last build's files of each piece, by the key they were made from.
    struct Cache {
        var pieces: [String: (key: PieceKey, files: [OutputFile])] = [:]
    }

    /// The files, made again only for pieces whose key changed since `cache` was made.
    static func files(_ graph: SiteGraph, reusing cache: Cache) -> (files: [OutputFile], cache: Cache) {
        var files = graph.briefs.flatMap { made(for: $0.route, Reference(brief: $0, baseURL: graph.config.baseURL)) }
        var next = Cache()
        next.pieces.reserveCapacity(graph.commentary.count)
        for piece in graph.commentary {
            let names = graph.authors(of: piece).map(\.title)
            let key = PieceKey(title: piece.title, slug: piece.slug, date: piece.date, route: piece.route, authorNames: names)
            let made = cache.pieces[piece.sourcePath].flatMap { $0.key == key ? $0.files : nil }
                ?? made(for: piece.route, Reference(document: piece, config: graph.config, authorNames: names))
            next.pieces[piece.sourcePath] = (key, made)
            files += made
        }
        return (files, next)
    }

    private static func made(for page: Route, _ reference: Reference) -> [OutputFile] {
        Format.allCases.map { format in
            let text: String
            switch format {
            case .bibTeX: text = reference.bibTeX
            case .ris: text = reference.ris
            case .cslJSON: text = reference.cslJSON
            }
            return OutputFile(path: route(of: page, format).outputPath, bytes: Array(text.utf8))
        }
    }

    /// `cite`: the page's Chicago and APA references, download links and meta-tag values.
    static func context(_ reference: Reference, page: Route) -> ContextBuilder {
        var cite = ContextBuilder()
        cite["chicago"] = reference.chicago()
        let apa = reference.apa()
        cite["apaBefore"] = apa.before
        cite["apaTitle"] = apa.title
        cite["apaAfter"] = apa.after
        cite.set("downloads", objects: Format.allCases.map { format in
            var item = ContextBuilder()
            item["label"] = format.label
            item["url"] = page.relativeURL(to: route(of: page, format))
            return item
        })
        // Google Scholar's tags: full dates as 2024/11/18, otherwise the year alone.
        cite["metaTitle"] = reference.title
        cite.set("metaAuthors", objects: (reference.authors.map { "\($0.family), \($0.given)" } + (reference.corporateAuthor.map { [$0] } ?? [])).map { name in
            var item = ContextBuilder()
            item["name"] = name
            return item
        })
        if let date = reference.date {
            cite["metaDate"] = [date.year, date.month, date.day].contains(nil) ? String(date.year) : "\(date.year)/\(date.month ?? 1)/\(date.day ?? 1)"
        }
        cite["metaPublisher"] = reference.publisher ?? reference.container
        cite["metaInstitution"] = reference.kind == .report ? reference.publisher : nil
        cite["metaPDF"] = reference.pdfURL
        cite["metaURL"] = reference.url
        return cite
    }

    /// A paragraph's own references: Chicago note form and APA, pointing at `#pN`.
    static func paragraphContext(_ reference: Reference, number: Int, into item: inout ContextBuilder) {
        item["citeChicago"] = reference.chicago(paragraph: number)
        let apa = reference.apa(paragraph: number)
        item["citeApaBefore"] = apa.before
        item["citeApaTitle"] = apa.title
        item["citeApaAfter"] = apa.after
        item["citeApaInText"] = reference.apaInText(paragraph: number)
    }
}
