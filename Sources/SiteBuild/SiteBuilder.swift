import DossierCore
import Foundation
import SiteGraph
import Templating

/// The outcome of building a site in memory.
public struct BuildResult: Sendable {
    /// Every output file, sorted by path; empty when the build has errors.
    public var files: [OutputFile]
    /// Problems, sorted for reporting.
    public var diagnostics: [Diagnostic]
    /// Number of HTML pages.
    public var pageCount: Int
    /// The linked graph, when loading got that far (for `check` and incremental rebuilds).
    public var graph: SiteGraph?
    /// Wall time of each stage, in order (`load`, `link`, `render`, …), for `--timings`.
    public var timings: [(stage: String, duration: Duration)] = []

    /// Whether the build may be written.
    public var succeeded: Bool { !diagnostics.containsErrors }
}

/// Runs the pipeline: load → link → render; writing is separate so tests stay in memory.
public struct SiteBuilder: Sendable {
    /// Folders and switches.
    public var options: BuildOptions
    /// Where sources are read from.
    public var fileSystem: FileSystem

    /// Creates a builder.
    public init(options: BuildOptions, fileSystem: FileSystem = .disk) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds the whole site in memory.
    public func build() -> BuildResult {
        var clock = StageClock()
        let loader = ContentLoader(directory: options.contentDirectory, fileSystem: fileSystem, includesDrafts: options.includesDrafts)
        let content = loader.load(baseURLOverride: options.baseURL)
        let templates = TemplateLoader(directory: options.templatesDirectory, fileSystem: fileSystem).load()
        clock.lap("load")
        let linked = BuildStages.link(content: content, templates: templates, previous: nil)
        clock.lap("link")
        guard let graph = linked.graph, let library = templates.library, !linked.diagnostics.containsErrors else {
            return BuildResult(files: [], diagnostics: linked.diagnostics.sortedForReport(), pageCount: 0, graph: linked.graph, timings: clock.laps)
        }
        var diagnostics = linked.diagnostics
        let plans = BuildStages.planner(graph: graph, options: options).plans()
        clock.lap("plan")
        let rendered = SiteRenderer(library: library, jobs: options.jobs).render(plans)
        diagnostics += rendered.diagnostics
        clock.lap("render")
        let extras = BuildStages.extraFiles(content: content, templates: templates, graph: graph, pageRoutes: plans.map(\.route))
        diagnostics += extras.diagnostics
        clock.lap("feeds, sitemap, search")
        guard !diagnostics.containsErrors else {
            return BuildResult(files: [], diagnostics: diagnostics.sortedForReport(), pageCount: 0, graph: graph, timings: clock.laps)
        }
        let files = (rendered.files + extras.files).sorted { $0.path < $1.path }
        return BuildResult(files: files, diagnostics: diagnostics.sortedForReport(), pageCount: rendered.files.count, graph: graph, timings: clock.laps)
    }

    /// Builds and, when there are no errors, replaces the output folder atomically.
    public func buildAndWrite() -> BuildResult {
        var result = build()
        guard result.succeeded else { return result }
        var clock = StageClock()
        do {
            try SiteWriter(directory: options.outputDirectory).write(result.files)
        } catch {
            result.diagnostics += error.diagnostics
        }
        clock.lap("write")
        result.timings += clock.laps
        return result
    }
}

/// Measures consecutive stages of a build.
struct StageClock {
    private(set) var laps: [(stage: String, duration: Duration)] = []
    private var start = ContinuousClock.now

    mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        laps.append((stage, now - start))
        start = now
    }
}

/// The stages shared by full and incremental builds.
enum BuildStages {
    /// Files the site contains besides pages, known before rendering (for link checking).
    static func extraOutputPaths(content: LoadedContent, templates: TemplateLoader.Result) -> Set<String> {
        var paths = Set(templates.assets.map(\.path) + content.briefs.map { "briefs/\($0.slug)/source.txt" })
        paths.formUnion(["feed.xml", "sitemap.xml", "robots.txt", "search-index.js", "search/index.html"])
        return paths
    }

    /// Checks layouts and links the graph; no graph when loading already failed.
    static func link(content: LoadedContent, templates: TemplateLoader.Result, previous: SiteGraph?) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        var diagnostics = content.diagnostics + templates.diagnostics
        guard !diagnostics.containsErrors, let library = templates.library else { return (nil, diagnostics) }
        diagnostics += content.documents.compactMap { document in
            guard let layout = document.layout, !library.contains(layout.value) else { return nil }
            return .error("unknown layout '\(layout.value)': there is no templates/\(layout.value).html", at: layout.location)
        }
        let input = SiteGraphInput(config: content.config, briefs: content.briefs, documents: content.documents, tagAdjustments: content.tagAdjustments)
        let graph = SiteGraph.build(input, extraOutputPaths: extraOutputPaths(content: content, templates: templates), previous: previous)
        return (graph, diagnostics + graph.diagnostics)
    }

    static func planner(graph: SiteGraph, options: BuildOptions) -> PagePlanner {
        PagePlanner(graph: graph, configPath: Path.join(options.contentDirectory, "site.yml"))
    }

    /// Assets, raw brief sources, feeds, sitemap, robots.txt and the search index.
    static func extraFiles(content: LoadedContent, templates: TemplateLoader.Result, graph: SiteGraph, pageRoutes: [Route]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let sources = content.briefs.map { OutputFile(path: "briefs/\($0.slug)/source.txt", bytes: Array((content.briefSources[$0.slug] ?? "").utf8)) }
        let furniture = SiteFurniture(graph: graph).files(pageRoutes: pageRoutes)
        return (templates.assets + sources + furniture.files + [SearchIndex(graph: graph).file()], furniture.diagnostics)
    }
}
