import DossierCore
import FrontMatter
import SiteGraph

/// Reads `content/` through an injected file system: settings, briefs and Markdown documents.
public struct ContentLoader: Sendable {
    /// Where content lives (as it should appear in diagnostics).
    public var directory: String
    /// The file system to read.
    public var fileSystem: FileSystem
    /// Whether drafts are kept.
    public var includesDrafts: Bool
    /// Threads that read and decode documents (0: one per core).
    public var jobs: Int

    /// Creates a loader.
    public init(directory: String, fileSystem: FileSystem, includesDrafts: Bool, jobs: Int = 0) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.includesDrafts = includesDrafts
        self.jobs = jobs
    }

    /// The folders under `content/` holding Markdown, with the kind of document each holds.
    static let documentFolders: [(folder: String, kind: ContentDocument.Kind)] = [
        ("pages", .page), ("topics", .topic), ("commentary", .commentary), ("authors", .author),
    ]

    /// Loads everything; problems become diagnostics rather than thrown errors.
    public func load(baseURLOverride: String? = nil) -> LoadedContent {
        var cache = LoadCache()
        return load(baseURLOverride: baseURLOverride, cache: &cache)
    }

    /// Loads everything, reading only the files `cache` does not hold, and keeps what it read there.
    public func load(baseURLOverride: String? = nil, cache: inout LoadCache) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        guard fileSystem.kind(directory) == .directory else {
            let diagnostic = Diagnostic.error("content folder '\(directory)' not found", at: nil)
            return LoadedContent(site: SiteGraphInput(config: SiteConfig(title: "Untitled"), briefs: [], documents: []), briefSources: [:], diagnostics: [diagnostic])
        }
        let configPath = Path.join(directory, "site.yml")
        let cachedConfig = cache.config ?? {
            var found: [Diagnostic] = []
            let config = loadConfig(diagnostics: &found)
            return (configPath, config, found)
        }()
        cache.config = cachedConfig
        var config = cachedConfig.config
        diagnostics += cachedConfig.diagnostics
        if let baseURLOverride { config.baseURL = SiteConfigLoader.normalizedBaseURL(baseURLOverride) }

        let sources: [(path: String, kind: ContentDocument.Kind)]
        if let listing = cache.listing, cache.touchedDocuments.allSatisfy({ fileSystem.kind($0) == .file }) {
            sources = Array(zip(listing.paths, listing.kinds).map { (path: $0, kind: $1) })
            diagnostics += listing.diagnostics
        } else {
            var found: [Diagnostic] = []
            sources = documentSources(diagnostics: &found)
            diagnostics += found
            cache.listing = LoadCache.Listing(paths: sources.map(\.path), kinds: sources.map(\.kind), diagnostics: found)
        }
        cache.touchedDocuments = []
        let previous = sources.map { cache.documents[$0.path] }
        let loaded = Parallel.map(count: sources.count, jobs: jobs) { index in
            if let reused = previous[index] { return reused }
            var found: [Diagnostic] = []
            let document = loadDocument(at: sources[index].path, kind: sources[index].kind, diagnostics: &found)
            return LoadCache.DocumentLoad(document: document, diagnostics: found)
        }
        cache.documents = Dictionary(zip(sources.map(\.path), loaded), uniquingKeysWith: { first, _ in first })
        var documents: [ContentDocument] = []
        for load in loaded {
            diagnostics += load.diagnostics
            guard let document = load.document else { continue }
            if document.isDraft, !includesDrafts { continue }
            documents.append(document)
        }
        let files = copiedFiles(for: documents, diagnostics: &diagnostics)
        let briefsFolder = Path.join(directory, "briefs")
        let briefs = cache.briefs?.result ?? BriefLoader(directory: briefsFolder, fileSystem: fileSystem, jobs: jobs).load()
        cache.briefs = (briefsFolder, briefs)
        diagnostics += briefs.diagnostics
        let site = SiteGraphInput(config: config, briefs: briefs.briefs, documents: documents, tagAdjustments: briefs.tagAdjustments)
        return LoadedContent(site: site, briefSources: briefs.sources, briefPDFs: briefs.pdfs, files: files, diagnostics: diagnostics)
    }

    /// Every Markdown file to load, with the kind of document it holds, in a stable order.
    public func documentSources(diagnostics: inout [Diagnostic]) -> [(path: String, kind: ContentDocument.Kind)] {
        var sources: [(path: String, kind: ContentDocument.Kind)] = []
        let homePath = Path.join(directory, "index.md")
        if fileSystem.kind(homePath) == .file { sources.append((homePath, .home)) }
        for (folder, kind) in Self.documentFolders {
            sources += markdownFiles(in: Path.join(directory, folder), diagnostics: &diagnostics).map { ($0, kind) }
        }
        unreadTopLevelFiles(diagnostics: &diagnostics)
        return sources
    }

    public func loadConfig(diagnostics: inout [Diagnostic]) -> SiteConfig {
        let path = Path.join(directory, "site.yml")
        guard fileSystem.kind(path) == .file else {
            diagnostics.append(.error("missing site settings: create \(path) with at least 'title: …'", at: nil))
            return SiteConfig(title: "Untitled")
        }
        guard let text = fileSystem.readText(path, diagnostics: &diagnostics) else { return SiteConfig(title: "Untitled") }
        return SiteConfigLoader.parse(text, path: path, diagnostics: &diagnostics)
    }

    /// Markdown files directly inside `folder` and bundles' `<slug>/index.md`, sorted; every other
    /// visible file is named in a warning (bundles' other files are published, not read).
    func markdownFiles(in folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard fileSystem.kind(folder) == .directory else { return [] }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(folder)
        } catch {
            diagnostics.append(.unreadable(error, at: folder))
            return []
        }
        var paths: [String] = []
        for name in names.sorted() where !IgnoredFiles.contains(name) {
            let path = Path.join(folder, name)
            if fileSystem.kind(path) == .directory {
                let index = Path.join(path, "index.md")
                if fileSystem.kind(index) == .file {
                    paths.append(index)
                } else {
                    warnAboutFolderWithoutIndex(path, in: folder, diagnostics: &diagnostics)
                }
            } else if Path.pathExtension(of: name) == "md" {
                paths.append(path)
            } else {
                diagnostics.append(.warning(
                    "not read: only .md files are read in \(folder)/; to publish this file, put it beside a page bundle's index.md (\(folder)/<slug>/index.md) or in \(Path.join(directory, "static"))/",
                    at: SourceLocation(path: path, line: 1, column: 1)
                ))
            }
        }
        return paths
    }
}
