import DossierCore

/// What earlier loads read, so that the next load re-reads only the files that changed. A full build
/// loads with an empty cache; loading through a cache gives the same result as loading afresh, as
/// long as every changed path was passed to `forget`.
public struct LoadCache: Sendable {
    struct DocumentLoad: Sendable {
        var document: ContentDocument?
        var diagnostics: [Diagnostic]
    }

    var config: (path: String, config: SiteConfig, diagnostics: [Diagnostic])?
    var documents: [String: DocumentLoad] = [:]
    var briefs: (folder: String, result: BriefLoader.Result)?
    var templates: (folder: String, result: TemplateLoader.Result)?
    /// The Markdown files found by listing the content folders, and what listing them warned about.
    struct Listing: Sendable {
        var paths: [String]
        var kinds: [ContentDocument.Kind]
        var diagnostics: [Diagnostic]
    }

    var listing: Listing?
    /// Documents forgotten since: the listing holds while each of them is still a file.
    var touchedDocuments: Set<String> = []

    /// An empty cache: the next load reads everything.
    public init() {}

    /// Drops what was read from `paths` (files or folders that were added, changed or deleted).
    public mutating func forget(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        let normalized = Set(paths.map(Path.normalize))
        if let config, normalized.contains(config.path) { self.config = nil }
        if let briefs, normalized.contains(where: { Self.isInside($0, briefs.folder) }) { self.briefs = nil }
        if let templates, normalized.contains(where: { Self.isInside($0, templates.folder) }) { self.templates = nil }
        for path in normalized {
            guard documents.removeValue(forKey: path) == nil else {
                touchedDocuments.insert(path)
                continue
            }
            // A file or folder the listing does not know: it may add, move or remove documents.
            listing = nil
            if Path.pathExtension(of: path) != "md" {
                // A folder changed (renamed, removed): forget every document inside it.
                documents = documents.filter { !Self.isInside($0.key, path) }
            }
        }
    }

    /// Whether `path` is `folder` or inside it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder + "/")
    }
}
