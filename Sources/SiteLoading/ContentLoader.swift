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
        ("pages", .page), ("topics", .topic), ("commentary", .commentary),
    ]

    /// Loads everything; problems become diagnostics rather than thrown errors.
    public func load(baseURLOverride: String? = nil) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        guard fileSystem.kind(directory) == .directory else {
            let diagnostic = Diagnostic.error("content folder '\(directory)' not found", at: nil)
            return LoadedContent(site: SiteGraphInput(config: SiteConfig(title: "Untitled"), briefs: [], documents: []), briefSources: [:], diagnostics: [diagnostic])
        }
        var config = loadConfig(diagnostics: &diagnostics)
        if let baseURLOverride { config.baseURL = SiteConfigLoader.normalizedBaseURL(baseURLOverride) }

        let sources = documentSources(diagnostics: &diagnostics)
        let loaded = Parallel.map(count: sources.count, jobs: jobs) { index in
            var found: [Diagnostic] = []
            let document = loadDocument(at: sources[index].path, kind: sources[index].kind, diagnostics: &found)
            return (document, found)
        }
        var documents: [ContentDocument] = []
        for (document, found) in loaded {
            diagnostics += found
            guard let document else { continue }
            if document.isDraft, !includesDrafts { continue }
            documents.append(document)
        }
        let briefs = BriefLoader(directory: Path.join(directory, "briefs"), fileSystem: fileSystem).load()
        diagnostics += briefs.diagnostics
        let site = SiteGraphInput(config: config, briefs: briefs.briefs, documents: documents, tagAdjustments: briefs.tagAdjustments)
        return LoadedContent(site: site, briefSources: briefs.sources, diagnostics: diagnostics)
    }

    /// Every Markdown file to load, with the kind of document it holds, in a stable order.
    public func documentSources(diagnostics: inout [Diagnostic]) -> [(path: String, kind: ContentDocument.Kind)] {
        var sources: [(path: String, kind: ContentDocument.Kind)] = []
        let homePath = Path.join(directory, "index.md")
        if fileSystem.kind(homePath) == .file { sources.append((homePath, .home)) }
        for (folder, kind) in Self.documentFolders {
            sources += markdownFiles(in: Path.join(directory, folder), diagnostics: &diagnostics).map { ($0, kind) }
        }
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

    /// Markdown files directly inside `folder`, sorted; other visible files get a warning.
    func markdownFiles(in folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard fileSystem.kind(folder) == .directory else { return [] }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(folder)
        } catch {
            diagnostics.append(.error("\(error)", at: SourceLocation(path: folder, line: 1, column: 1)))
            return []
        }
        var paths: [String] = []
        for name in names.sorted() where !Self.isIgnored(name) {
            let path = Path.join(folder, name)
            if Path.pathExtension(of: name) == "md" {
                paths.append(path)
            } else if fileSystem.kind(path) != .directory {
                diagnostics.append(.warning("ignored: only .md files are read in \(folder)", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        return paths
    }

    /// Hidden files and editors' scratch files are never content.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasPrefix("#")
    }
}
