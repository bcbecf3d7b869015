import DossierCore

/// The pages at a piece's old URLs (`aliases:`): each sends the reader on with a meta refresh and
/// tells search engines, with `rel=canonical`, where the page now lives.
enum RedirectPages {
    /// Output path → the document it redirects to, for every alias in the site.
    static func targets(_ documents: [ContentDocument]) -> [(path: String, document: ContentDocument, location: SourceLocation)] {
        documents.flatMap { document in document.redirectsFrom.map { ($0.value, document, $0.location) } }
            .sorted { ($0.path, $0.document.sourcePath) < ($1.path, $1.document.sourcePath) }
    }

    static func files(_ documents: [ContentDocument], baseURL: String?) -> [OutputFile] {
        targets(documents).map { target in
            let from = Route(file: target.path)
            let relative = from.relativeURL(to: target.document.route)
            let canonical = baseURL.map { target.document.route.absoluteURL(base: $0) } ?? relative
            let html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>\(target.document.title.htmlEscaped)</title>
                <link rel="canonical" href="\(canonical.htmlEscaped)">
                <meta name="robots" content="noindex">
                <meta http-equiv="refresh" content="0; url=\(relative.htmlEscaped)">
                </head>
                <body>
                <p>This page has moved to <a href="\(relative.htmlEscaped)">\(target.document.title.htmlEscaped)</a>.</p>
                </body>
                </html>

                """
            return OutputFile(path: target.path, bytes: Array(html.utf8))
        }
    }
}
