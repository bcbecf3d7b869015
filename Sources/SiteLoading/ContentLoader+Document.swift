import DossierCore
import FrontMatter

extension ContentLoader {
    /// Front-matter keys every document may use.
    static let commonKeys: Set<String> = ["title", "date", "summary", "topics", "draft", "slug", "layout", "weight"]
    /// Keys Hugo, Jekyll, Zola and Quarto use for what dossier names otherwise.
    static let otherGeneratorsKeys: [String: String] = [
        "tags": "topics", "categories": "topics", "keywords": "topics", "description": "summary", "excerpt": "summary",
        "abstract": "summary", "author": "authors", "template": "layout", "type": "layout",
        "lastmod": "updated", "last_modified_at": "updated", "modified": "updated", "publishdate": "date", "pubdate": "date",
        "url": "aliases", "redirect_from": "aliases", "permalink": "slug", "order": "weight",
    ]
    /// Extra keys for topics.
    static let topicKeys: Set<String> = ["aliases", "related"]

    /// Reads one Markdown file; nil when it has errors that leave no usable document.
    public func loadDocument(at path: String, kind: ContentDocument.Kind, diagnostics: inout [Diagnostic]) -> ContentDocument? {
        guard let text = fileSystem.readText(path, diagnostics: &diagnostics) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(.error("empty file: a document needs front matter with at least a title", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        let split: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let value): split = value
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: path))
            return nil
        }
        guard let yaml = split.yaml else {
            diagnostics.append(.error("missing front matter: start the file with '---', a 'title: …' line and '---'", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        let value: YAMLValue?
        switch YAMLValue.parse(yaml, firstLine: split.yamlFirstLine) {
        case .success(let parsed): value = parsed
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: path))
            return nil
        }
        var fields = FieldReader(value, path: path, documentPosition: TextPosition(line: 1, column: 1))
        fields.warnAboutUnknownKeys(known: kind == .topic ? Self.commonKeys.union(Self.topicKeys) : Self.commonKeys, synonyms: Self.otherGeneratorsKeys)
        let title = fields.string("title", required: true)
        let slug = fields.string("slug") ?? (kind == .home ? "" : Self.fileSlug(of: path))
        let slugLocation = fields.value("slug") != nil ? fields.position(of: "slug") : SourceLocation(path: path, line: 1, column: 1)
        if kind != .home, !Slug.isValid(slug) {
            diagnostics.append(.error("'\(slug)' is not a valid slug: use lower-case letters, digits, '-' and '_' (no '/' or '..')", at: slugLocation))
        } else if kind == .page, RouteTable.reservedPageSlugs.contains(slug) {
            diagnostics.append(.error("page slug '\(slug)' would replace the site's own \(slug)/ folder; choose another (reserved: \(RouteTable.reservedPageSlugs.sorted().joined(separator: ", ")))", at: slugLocation))
        }
        let document = ContentDocument(
            kind: kind, slug: slug, sourcePath: path, title: English.curlyQuotes(title ?? ""),
            date: fields.date("date"), summary: fields.string("summary").map(English.curlyQuotes),
            topics: listed("topics", in: &fields), isDraft: fields.bool("draft") ?? false,
            layout: fields.string("layout").map { ContentDocument.Located($0, at: fields.position(of: "layout")) }, weight: fields.int("weight") ?? 0,
            aliases: kind == .topic ? listed("aliases", in: &fields) : [],
            related: kind == .topic ? listed("related", in: &fields) : [],
            body: split.body, bodyFirstLine: split.bodyFirstLine
        )
        diagnostics += fields.diagnostics
        guard !fields.diagnostics.containsErrors, title != nil else { return nil }
        return document
    }

    /// The slug a file's name gives: `<slug>.md`, or a bundle's `<slug>/index.md`.
    static func fileSlug(of path: String) -> String {
        isBundleIndex(path) ? Path.lastComponent(of: Path.parent(of: path)) : Path.stem(of: path)
    }

    private func listed(_ key: String, in fields: inout FieldReader) -> [ContentDocument.Located<String>] {
        guard fields.stringList(key) != nil else { return [] }
        return fields.positionedList(key).map { ContentDocument.Located($0.text, at: $0.location) }
    }
}
