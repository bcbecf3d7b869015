import DossierCore
import FrontMatter

extension BriefSidecar {
    /// The keys a sidecar may hold; others get a warning.
    public static let keys: Set<String> = [
        "title", "editorial_title", "subtitle", "authors", "publisher", "program", "date", "source_url", "cite_as",
        "furniture", "headings", "not_headings", "tags",
    ]

    /// Reads a sidecar's YAML (the only decoder of `<slug>.yml`): the sidecar, or nil when the YAML does
    /// not parse, with every problem at its line and column in `path`. Tag overrides keep their locations.
    public static func decode(_ yaml: String, path: String) -> (sidecar: BriefSidecar?, diagnostics: [Diagnostic]) {
        let value: YAMLValue?
        switch YAMLValue.parse(yaml, firstLine: 1) {
        case .success(let parsed): value = parsed
        case .failure(let error): return (nil, [error.diagnostic(path: path)])
        }
        var fields = FieldReader(value, path: path)
        fields.warnAboutUnknownKeys(known: keys)
        var sidecar = BriefSidecar()
        sidecar.title = fields.string("title")
        sidecar.editorialTitle = fields.bool("editorial_title") ?? false
        sidecar.subtitle = fields.string("subtitle")
        sidecar.authors = fields.stringList("authors") ?? []
        sidecar.publisher = fields.string("publisher")
        sidecar.program = fields.string("program")
        sidecar.date = fields.string("date")
        sidecar.sourceURL = fields.string("source_url")
        sidecar.citeAs = fields.string("cite_as")
        sidecar.furniturePatterns = fields.stringList("furniture") ?? []
        sidecar.headings = fields.stringList("headings") ?? []
        sidecar.notHeadings = fields.stringList("not_headings") ?? []
        for pattern in fields.positionedList("furniture") {
            if case .failure(let error) = FurniturePattern.compile(pattern.text) { fields.report(error.message, at: pattern.location.textPosition) }
        }
        if let date = sidecar.date, !isPartialDate(date) {
            fields.report("'date' must be written YYYY-MM or YYYY-MM-DD, found '\(date)'", at: fields.position(of: "date").textPosition)
        }
        if let url = sidecar.sourceURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            fields.report("'source_url' must be an http(s) URL", at: fields.position(of: "source_url").textPosition)
        }
        sidecar.tagOverrides = decodeTags(fields.value("tags"), path: path, fields: &fields)
        return (sidecar, fields.diagnostics)
    }

    /// `tags: [{paragraph: 12, add: [topic], remove: [topic]}]`.
    private static func decodeTags(_ value: YAMLValue?, path: String, fields: inout FieldReader) -> [TagOverride] {
        guard let value, !value.isNull else { return [] }
        guard case .sequence(let items, _) = value else {
            fields.report("'tags' must be a list of {paragraph, add, remove} entries", at: value.position)
            return []
        }
        var result: [TagOverride] = []
        for item in items {
            var entry = FieldReader(item, path: path, documentPosition: item.position)
            entry.warnAboutUnknownKeys(known: ["paragraph", "add", "remove"])
            let paragraph = entry.int("paragraph")
            if paragraph == nil, entry.value("paragraph") == nil {
                entry.report("tag override needs 'paragraph: N'", at: item.position)
            }
            let add = entry.stringList("add") ?? []
            let remove = entry.stringList("remove") ?? []
            for diagnostic in entry.diagnostics { fields.report(diagnostic.message, at: diagnostic.location?.textPosition ?? item.position) }
            if let paragraph {
                result.append(TagOverride(paragraph: paragraph, add: add, remove: remove, location: item.position.located(in: path)))
            }
        }
        return result
    }

    /// `YYYY-MM-DD` or `YYYY-MM`.
    static func isPartialDate(_ text: String) -> Bool {
        if ISODate.isValid(text) { return true }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil, let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }
}
