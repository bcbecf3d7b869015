import DossierCore
import FrontMatter

extension SiteConfigLoader {
    /// Reads `menu:`, a list of `title:` with `page:` (a page of the site) or `url:` (any address).
    /// Whether each page exists is checked once the site is linked.
    static func menu(_ value: YAMLValue?, path: String, into fields: inout FieldReader) -> [MenuEntry]? {
        guard let value, !value.isNull else { return nil }
        guard case .sequence(let items, _) = value else {
            fields.report("'menu' must be a list of entries with 'title' and 'page' or 'url', found \(value.kindDescription)", at: value.position)
            return nil
        }
        var entries: [MenuEntry] = []
        for item in items {
            var entry = FieldReader(item, path: path, documentPosition: item.position)
            entry.warnAboutUnknownKeys(known: ["title", "page", "url"], synonyms: ["name": "title", "label": "title", "href": "url", "link": "url"])
            let title = entry.string("title", required: true)
            let page = entry.string("page")
            let url = entry.string("url")
            if page != nil, url != nil {
                entry.report("a menu entry has either 'page' or 'url', not both", at: entry.position(of: "url").textPosition)
            } else if page == nil, url == nil, !entry.diagnostics.containsErrors {
                entry.report("a menu entry needs 'page' (a page of the site, e.g. 'about' or 'topics') or 'url'", at: item.position)
            }
            for diagnostic in entry.diagnostics {
                if diagnostic.severity == .error {
                    fields.report(diagnostic.message, at: diagnostic.location?.textPosition ?? item.position)
                } else if let location = diagnostic.location {
                    fields.warn(diagnostic.message, at: location)
                }
            }
            guard let title, page != nil || url != nil else { continue }
            let location = page != nil ? entry.position(of: "page") : item.position.located(in: path)
            entries.append(MenuEntry(title: title, page: page.map(Self.pagePath), url: url, location: location))
        }
        return entries
    }

    /// A page path as written, without the slashes around it (`/about/` is `about`).
    private static func pagePath(_ page: String) -> String {
        var path = Substring(page)
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
