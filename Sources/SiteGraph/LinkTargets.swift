import DossierCore
import MarkdownRendering

/// A page a wiki link can name.
struct LinkTarget: Sendable {
    enum Kind { case document(ContentDocument.Kind), brief }

    let kind: Kind
    /// Where front matter sets the slug (nil when the file's name gives it).
    let slugLocation: SourceLocation?
    /// What a render that reads this target depends on (slug, title, route, file, brief): made once
    /// here and shared by every render that reads the target, so a render's record of its reads holds
    /// references, not copies.
    let stamp: TargetReads.Stamp

    var slug: String { stamp.slug }
    var title: String { stamp.title }
    var route: Route { stamp.route }
    var sourcePath: String { stamp.sourcePath }
    var brief: Brief? { stamp.brief }

    init(kind: Kind, slug: String, title: String, route: Route, sourcePath: String, brief: Brief?, slugLocation: SourceLocation? = nil) {
        self.kind = kind
        self.slugLocation = slugLocation
        stamp = TargetReads.Stamp(kind: Self.kindName(kind), slug: slug, title: title, route: route, sourcePath: sourcePath, brief: brief)
    }

    var kindName: String { stamp.kind }

    private static func kindName(_ kind: Kind) -> String {
        switch kind {
        case .brief: "brief"
        case .document(let kind): kind == .page ? "page" : kind.rawValue
        }
    }
}

/// The table of everything that can be linked to, with duplicate-slug checking.
struct LinkTargets: Sendable {
    private(set) var bySlug: [String: LinkTarget] = [:]
    private(set) var bySourcePath: [String: LinkTarget] = [:]
    /// Every file the site will contain, for checking plain URLs.
    let routes: RouteTable
    /// Width and height of images the site contains, by output path.
    let imageSizes: [String: ImageSize]
    private(set) var diagnostics: [Diagnostic] = []
    /// A hash of everything a link's rendering can depend on: renders made under another fingerprint are stale.
    private(set) var fingerprint = 0

    init(briefs: [Brief], documents: [ContentDocument], routes: RouteTable, imageSizes: [String: ImageSize] = [:]) {
        defer { fingerprint = Self.fingerprint(briefs: briefs, documents: documents, routes: routes, imageSizes: imageSizes) }
        self.routes = routes
        self.imageSizes = imageSizes
        for brief in briefs {
            add(LinkTarget(kind: .brief, slug: brief.slug, title: brief.metadata.title, route: brief.route, sourcePath: brief.sourcePath, brief: brief))
        }
        for document in documents {
            let target = LinkTarget(kind: .document(document.kind), slug: document.slug, title: document.title,
                                    route: document.route, sourcePath: document.sourcePath, brief: nil, slugLocation: document.slugLocation)
            if document.kind == .home {
                bySourcePath[document.sourcePath] = target
            } else {
                add(target)
            }
        }
    }

    private static func fingerprint(briefs: [Brief], documents: [ContentDocument], routes: RouteTable, imageSizes: [String: ImageSize]) -> Int {
        var hasher = Hasher()
        for brief in briefs {
            hasher.combine(brief.slug)
            hasher.combine(brief.sourcePath)
            hasher.combine(brief.metadata.title)
            hasher.combine(brief.metadata.citationLabel)
            hasher.combine(brief.paragraphCount)
            hasher.combine(brief.sections.map(\.slug))
            // Citation links carry the words their quotations were verified against.
            for section in brief.sections { for paragraph in section.paragraphs { hasher.combine(paragraph.fullText) } }
        }
        for document in documents {
            hasher.combine(document.kind)
            hasher.combine(document.slug)
            hasher.combine(document.title)
            hasher.combine(document.sourcePath)
        }
        hasher.combine(routes.pages)
        hasher.combine(routes.files)
        for path in imageSizes.keys.sorted() {
            hasher.combine(path)
            hasher.combine(imageSizes[path])
        }
        return hasher.finalize()
    }

    private mutating func add(_ target: LinkTarget) {
        bySourcePath[target.sourcePath] = target
        if let existing = bySlug[target.slug] {
            // Blame the file whose front matter chose the slug, at its `slug:` line, over one named so.
            let (blamed, other) = existing.slugLocation != nil && target.slugLocation == nil ? (existing, target) : (target, existing)
            let fix = blamed.slugLocation != nil ? "set another 'slug:'" : "rename the file or set 'slug:' in its front matter"
            diagnostics.append(.error(
                "slug '\(target.slug)' is already used by \(other.sourcePath) (a \(other.kindName)); slugs must be unique across topics, briefs, commentary, pages and authors: \(fix)",
                at: blamed.slugLocation ?? SourceLocation(path: blamed.sourcePath, line: 1, column: 1)
            ))
            if blamed.sourcePath == existing.sourcePath { bySlug[target.slug] = target }
            return
        }
        bySlug[target.slug] = target
    }

    /// The error for a slug no target has, with a suggestion.
    func unknown(_ slug: String, in raw: String) -> LinkProblem {
        let hint = Suggestion.didYouMean(slug, among: Array(bySlug.keys))
        return LinkProblem("unknown page '\(slug)' in \(raw): no topic, brief, commentary piece, page or author has that slug\(hint)")
    }
}

/// Why a reference could not be resolved.
struct LinkProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
