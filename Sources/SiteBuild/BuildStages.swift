import DossierCore
import SiteGraph
import SiteLoading

/// The stages shared by full and incremental builds.
enum BuildStages {
    /// Reads `content/` and `templates/`, re-reading only what `cache` does not hold (a full build
    /// passes an empty cache).
    static func load(options: BuildOptions, fileSystem: FileSystem, cache: inout LoadCache) -> (content: LoadedContent, templates: TemplateLoader.Result) {
        let loader = ContentLoader(directory: options.contentDirectory, fileSystem: fileSystem, includesDrafts: options.includesDrafts, jobs: options.jobs)
        let content = loader.load(baseURLOverride: options.baseURL, cache: &cache)
        let templates = TemplateLoader(directory: options.templatesDirectory, fileSystem: fileSystem).load(cache: &cache)
        return (content, templates)
    }

    /// Checks layouts and links the graph; no graph when loading already failed.
    static func link(content: LoadedContent, templates: TemplateLoader.Result, previous: SiteGraph?, jobs: Int) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        var diagnostics = content.diagnostics + templates.diagnostics
        guard !diagnostics.containsErrors, let library = templates.library else { return (nil, diagnostics) }
        diagnostics += content.site.documents.compactMap { document in
            guard let layout = document.layout, !library.contains(layout.value) else { return nil }
            return .error("unknown layout '\(layout.value)': there is no templates/\(layout.value).html", at: layout.location)
        }
        diagnostics += CopiedFileCheck.collisions(content: content, templates: templates)
        let graph = SiteGraph.build(content.site, copiedFiles: templates.assets.map(\.path) + content.files.map(\.outputPath) + RedirectPages.targets(content.site.documents).map(\.path), previous: previous, jobs: jobs)
        return (graph, diagnostics + graph.diagnostics + SiteMenu(graph: graph).diagnostics)
    }

    static func planner(graph: SiteGraph, options: BuildOptions) -> PagePlanner {
        PagePlanner(graph: graph, configPath: Path.join(options.contentDirectory, "site.yml"))
    }

    /// What `extraFiles` made last time, for an incremental rebuild to reuse.
    struct ExtrasCache {
        var search = SearchIndex.Cache()
        var feedsKey: Int?
        var feeds: (files: [OutputFile], diagnostics: [Diagnostic]) = ([], [])
        var citations = CitationFiles.Cache()
    }

    /// Assets, raw brief sources, feeds, sitemap, robots.txt and the search index.
    static func extraFiles(content: LoadedContent, templates: TemplateLoader.Result, graph: SiteGraph) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let made = extraFiles(content: content, templates: templates, graph: graph, reusing: ExtrasCache())
        return (made.files, made.diagnostics)
    }

    /// Assets, brief sources, feeds, sitemap and the search index; feeds and the sitemap are remade only
    /// when what they are made of changed, and only changed search entries are encoded again.
    static func extraFiles(content: LoadedContent, templates: TemplateLoader.Result, graph: SiteGraph,
                           reusing cache: ExtrasCache) -> (files: [OutputFile], diagnostics: [Diagnostic], cache: ExtrasCache) {
        let sources = content.site.briefs.map { OutputFile(path: RouteTable.briefSource($0.slug).outputPath, bytes: Array((content.briefSources[$0.slug] ?? "").utf8)) }
            + content.site.briefs.compactMap { brief in
                content.briefPDFs[brief.slug].map { OutputFile(path: RouteTable.briefPDF(brief.slug).outputPath, bytes: $0) }
            }
        let feedsAndSitemap = FeedsAndSitemap(graph: graph)
        let key = feedsAndSitemap.inputsKey()
        let feeds = key == cache.feedsKey ? cache.feeds : feedsAndSitemap.files()
        let search = SearchIndex(graph: graph).files(reusing: cache.search)
        let copied = content.files.map { OutputFile(path: $0.outputPath, bytes: $0.bytes) }
            + RedirectPages.files(content.site.documents, baseURL: content.site.config.baseURL)
        let citations = CitationFiles.files(graph, reusing: cache.citations)
        let files = templates.assets + copied + sources + feeds.files + search.files + citations.files
        return (files, feeds.diagnostics, ExtrasCache(search: search.cache, feedsKey: key, feeds: feeds, citations: citations.cache))
    }
}
