import DossierCore
import FrontMatter

extension ContentLoader {
    /// Front-matter keys every document may use.
    static let commonKeys: Set<String> = ["title", "date", "summary", "topics", "draft", "slug", "layout", "weight", "updated", "lastmod", "extra"]
    /// Extra keys for commentary and pages.
    static let pieceKeys: Set<String> = ["aliases", "authors"]
    /// Keys Hugo, Jekyll, Zola and Quarto use for what dossier names otherwise.
    static let otherGeneratorsKeys: [String: String] = [
        "tags": "topics", "categories": "topics", "keywords": "topics", "description": "summary", "excerpt": "summary",
        "abstract": "summary", "author": "authors", "template": "layout", "type": "layout",
        "last_modified_at": "updated", "modified": "updated", "publishdate": "date", "pubdate": "date",
        "url": "aliases", "redirect_from": "aliases", "permalink": "slug", "order": "weight", "params": "extra",
    ]
    /// The keys of an author file (`name` is its title; the body is the bio).
    static let authorKeys: Set<String> = ["name", "role", "affiliation", "url", "slug", "weight", "extra"]
    /// What other generators and habit call an author's fields.
    static let authorSynonyms: [String: String] = [
        "title": "name", "author": "name", "position": "role", "job": "role", "organization": "affiliation",
        "organisation": "affiliation", "institution": "affiliation", "website": "url", "homepage": "url", "link": "url",
    ]
    /// Extra keys for topics.
    static let topicKeys: Set<String> = ["phrases", "aliases", "related"]

    /// The keys a document of `kind` may use.
    static func knownKeys(_ kind: ContentDocument.Kind) -> Set<String> {
        switch kind {
        case .topic: commonKeys.union(topicKeys)
        case .commentary, .page: commonKeys.union(pieceKeys)
        case .home: commonKeys
        case .author: authorKeys
        }
    }

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
        guard split.yaml != nil else {
            diagnostics.append(.error("missing front matter: start the file with '---', a 'title: …' line and '---'", at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        let value: YAMLValue?
        switch split.values() {
        case .success(let parsed): value = parsed
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: path))
            return nil
        }
        var fields = FieldReader(value, path: path, documentPosition: TextPosition(line: 1, column: 1))
        fields.warnAboutUnknownKeys(known: Self.knownKeys(kind), synonyms: kind == .author ? Self.authorSynonyms : Self.otherGeneratorsKeys)
        let title = kind == .author ? authorName(&fields) : fields.string("title", required: true)
        let slug = fields.string("slug") ?? (kind == .home ? "" : Self.fileSlug(of: path))
        let slugLocation = fields.value("slug") != nil ? fields.position(of: "slug") : SourceLocation(path: path, line: 1, column: 1)
        if kind != .home, !Slug.isValid(slug) {
            diagnostics.append(.error("'\(slug)' is not a valid slug: \(Slug.rule)", at: slugLocation))
        } else if kind == .page, RouteTable.reservedPageSlugs.contains(slug) {
            diagnostics.append(.error("page slug '\(slug)' would replace the site's own \(slug)/ folder; choose another (reserved: \(RouteTable.reservedPageSlugs.sorted().joined(separator: ", ")))", at: slugLocation))
        }
        let date = fields.dateField("date")
        let updated = updatedField(&fields)
        let more = SummaryBreak.split(split.body)
        var document = ContentDocument(
            kind: kind, slug: slug, sourcePath: path, title: English.curlyQuotes(title ?? ""),
            date: date?.day, summary: (fields.string("summary") ?? more.summary).map(English.curlyQuotes),
            topics: listed("topics", in: &fields), isDraft: fields.bool("draft") ?? false,
            layout: fields.string("layout").map { ContentDocument.Located($0, at: fields.position(of: "layout")) }, weight: fields.int("weight") ?? 0,
            aliases: kind == .topic ? phrases(in: &fields) : [],
            related: kind == .topic ? listed("related", in: &fields) : [],
            body: more.body, bodyFirstLine: split.bodyFirstLine
        )
        document.slugLocation = fields.value("slug") != nil ? slugLocation : nil
        document.dateTime = date?.dateTime
        document.updated = updated?.day
        document.updatedTime = updated?.dateTime
        if kind == .commentary || kind == .page {
            document.redirectsFrom = redirects(in: &fields)
            document.authors = listed("authors", in: &fields)
        }
        if kind == .author { document.profile = authorProfile(&fields) }
        document.extra = fields.value("extra").map(ExtraValue.init)
        diagnostics += fields.diagnostics
        guard !fields.diagnostics.containsErrors, title != nil else { return nil }
        return document
    }

    /// The slug a file's name gives: `<slug>.md`, or a bundle's `<slug>/index.md`.
    static func fileSlug(of path: String) -> String {
        isBundleIndex(path) ? Path.lastComponent(of: Path.parent(of: path)) : Path.stem(of: path)
    }

}
