import DossierCore
import MarkdownRendering

/// Resolves the links of one document while it renders, recording targets and problems.
struct ReferenceResolver {
    /// A heading anchor to check once every document has rendered.
    struct PendingAnchor {
        var route: Route
        var anchor: String
        var raw: String
        var location: SourceLocation
    }

    let document: ContentDocument
    let targets: LinkTargets
    /// The source's words of the quotations verified against each citation, by its position.
    let quotedWords: [TextPosition: [String]]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var pendingAnchors: [PendingAnchor] = []
    /// What each link (by source position) refers to, for backlinks.
    private(set) var referencedTargets: [TextPosition: [ReferenceTarget]] = [:]
    private(set) var citationCount = 0
    /// The id given to each citation link (by source position), so "cited by" can lead to its sentence.
    private(set) var anchors: [TextPosition: String] = [:]
    /// What resolving read of `targets`.
    private(set) var reads = TargetReads()

    init(document: ContentDocument, targets: LinkTargets, quotedWords: [TextPosition: [String]] = [:]) {
        self.document = document
        self.targets = targets
        self.quotedWords = quotedWords
    }

    /// The file location of a position inside the body.
    func location(of position: TextPosition) -> SourceLocation {
        position.offset(byLines: document.bodyFirstLine - 1).located(in: document.sourcePath)
    }

    mutating func resolve(_ reference: LinkReference) -> LinkResolution {
        if reference.isImage, reference.alt?.isEmpty ?? true, case .url(let url) = reference.target {
            diagnostics.append(.warning(
                "image '\(url)' has no alt text: describe it for readers who cannot see it, as in ![a bar chart of spending by year](\(url))",
                at: location(of: reference.position)
            ))
        }
        let result: Result<LinkResolution, LinkProblem>
        switch reference.target {
        case .wiki(let link): result = resolveWiki(link, at: reference.position)
        case .url(let url): result = resolveURL(url, isImage: reference.isImage, at: reference.position)
        }
        switch result {
        case .success(let resolution): return resolution
        case .failure(let problem):
            diagnostics.append(.error(problem.message, at: location(of: reference.position)))
            return .drop
        }
    }

    private var route: Route { document.route }

    private mutating func resolveWiki(_ link: WikiLink, at position: TextPosition) -> Result<LinkResolution, LinkProblem> {
        guard let target = reads.slug(link.target, in: targets) else {
            return .failure(targets.unknown(link.target, in: link.raw))
        }
        switch link.fragment {
        case nil:
            referencedTargets[position, default: []].append(.page(target.route))
            return .success(.rewrite(url: route.relativeURL(to: target.route), label: target.title, cssClass: "xref"))
        case .paragraphs(let range)?:
            guard let brief = target.brief else {
                return .failure(LinkProblem("\(link.raw) cites paragraphs, but '\(target.slug)' is a \(target.kindName), not a brief"))
            }
            let count = brief.paragraphCount
            guard range.upperBound <= count else {
                let asked = range.count == 1 ? "¶\(range.lowerBound)" : "¶\(range.lowerBound)–\(range.upperBound)"
                return .failure(LinkProblem("\(link.raw) cites \(asked), but '\(brief.slug)' has ¶1–¶\(count)"))
            }
            citationCount += 1
            for number in range {
                referencedTargets[position, default: []].append(.paragraph(ParagraphRef(briefSlug: brief.slug, number: number)))
            }
            let words = quotedWords[position] ?? []
            let url = route.relativeURL(to: brief.route, fragment: "p\(range.lowerBound)" + TextFragment.directive(quoting: words))
            let anchor = "cite-\(citationCount)"
            anchors[position] = anchor
            return .success(.rewrite(url: url, label: brief.citation(for: range), cssClass: "citation", id: anchor))
        case .anchor(let anchor)?:
            if let brief = target.brief {
                let anchors = Set(brief.sections.map(\.slug))
                guard anchors.contains(anchor) else {
                    let known = brief.sections.map(\.slug).joined(separator: ", ")
                    return .failure(LinkProblem("unknown anchor '#\(anchor)' in \(link.raw): '\(brief.slug)' has sections \(known) and paragraphs #p1…#p\(brief.paragraphCount)"))
                }
            } else {
                pendingAnchors.append(PendingAnchor(route: target.route, anchor: anchor, raw: link.raw, location: location(of: position)))
            }
            referencedTargets[position, default: []].append(.page(target.route))
            return .success(.rewrite(url: route.relativeURL(to: target.route, fragment: anchor), label: target.title, cssClass: "xref"))
        }
    }

    private mutating func resolveURL(_ url: String, isImage: Bool, at position: TextPosition) -> Result<LinkResolution, LinkProblem> {
        if url.isEmpty { return .success(.keep) }
        if url.hasPrefix("#") {
            pendingAnchors.append(PendingAnchor(route: route, anchor: String(url.dropFirst()), raw: "link '\(url)'", location: location(of: position)))
            return .success(.keep)
        }
        if url.hasPrefix("//") || Self.hasScheme(url) { return .success(.keep) }
        let (path, fragment) = Self.splitFragment(url)
        if path.hasSuffix(".md") {
            return resolveContentPath(path, fragment: fragment, url: url, at: position)
        }
        let base = path.hasPrefix("/") ? "" : route.directory
        guard var resolved = Path.resolve(path, from: base) else {
            return .failure(LinkProblem("link '\(url)' climbs above the site's root"))
        }
        if path.hasSuffix("/") || resolved.isEmpty || !reads.contains(resolved, in: targets) && reads.contains(Path.join(resolved, "index.html"), in: targets) {
            resolved = Path.join(resolved, "index.html")
        }
        guard reads.contains(resolved, in: targets) else {
            let what = isImage ? "image" : "link"
            return .failure(LinkProblem("\(what) '\(url)' points to '\(resolved)', which the site does not contain\(whereFilesGo(resolved))"))
        }
        let targetRoute = Route(file: resolved)
        if isImage {
            return .success(.image(url: route.relativeURL(to: targetRoute), size: reads.imageSize(resolved, in: targets)))
        }
        if let fragment {
            pendingAnchors.append(PendingAnchor(route: targetRoute, anchor: fragment, raw: "link '\(url)'", location: location(of: position)))
        }
        referencedTargets[position, default: []].append(.page(targetRoute))
        return .success(.rewrite(url: route.relativeURL(to: targetRoute, fragment: fragment), label: "", cssClass: nil))
    }

    /// `../topics/china.md` (relative to this file) or `@/topics/china.md` (relative to `content/`).
    private mutating func resolveContentPath(_ path: String, fragment: String?, url: String, at position: TextPosition) -> Result<LinkResolution, LinkProblem> {
        let resolved: String?
        if path.hasPrefix("@/") {
            resolved = Path.resolve(String(path.dropFirst(2)), from: document.kind == .home ? Path.parent(of: document.sourcePath) : contentRoot)
        } else {
            resolved = Path.resolve(path, from: Path.parent(of: document.sourcePath))
        }
        guard let resolved, let target = reads.sourcePath(resolved, in: targets) else {
            return .failure(LinkProblem("link '\(url)' names no content file (looked for '\(resolved ?? path)')"))
        }
        if let fragment {
            pendingAnchors.append(PendingAnchor(route: target.route, anchor: fragment, raw: "link '\(url)'", location: location(of: position)))
        }
        referencedTargets[position, default: []].append(.page(target.route))
        return .success(.rewrite(url: route.relativeURL(to: target.route, fragment: fragment), label: target.title, cssClass: nil))
    }

    /// Where a file must be for `outputPath` to exist: beside the page in a bundle, or in `content/static/`.
    private func whereFilesGo(_ outputPath: String) -> String {
        let content = contentRoot
        // Pages, and the feeds and sitemap the site writes itself (with a base URL), are not files to add.
        let generated = [RouteTable.feed.outputPath, RouteTable.sitemap.outputPath]
        guard !outputPath.hasSuffix("index.html"), !outputPath.hasSuffix(".md"), !generated.contains(outputPath), !outputPath.hasSuffix("/feed.xml") else { return "" }
        var places = ["\(Path.join(content, "static", outputPath)) (published as it is)"]
        if document.kind != .home, outputPath.hasPrefix(route.directory + "/") || route.directory.isEmpty {
            let folder = document.sourcePath.hasSuffix("/index.md") ? Path.parent(of: document.sourcePath)
                : Path.join(Path.parent(of: document.sourcePath), document.slug)
            let relative = route.directory.isEmpty ? outputPath : String(outputPath.dropFirst(route.directory.count + 1))
            places.insert("\(Path.join(folder, relative)) beside the page\(document.sourcePath.hasSuffix("/index.md") ? "" : ", moving the page to \(Path.join(folder, "index.md")) (a page bundle)")", at: 0)
        }
        return ": put the file at " + places.joined(separator: " or ")
    }

    /// The `content/` folder this document was read from.
    var contentRoot: String {
        let folder = Path.parent(of: document.sourcePath)
        switch document.kind {
        case .home: return folder
        default: return document.sourcePath.hasSuffix("/index.md") ? Path.parent(of: Path.parent(of: folder)) : Path.parent(of: folder)
        }
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        let fragment = String(url[url.index(after: hash)...])
        return (String(url[..<hash]), fragment.isEmpty ? nil : fragment)
    }
}
