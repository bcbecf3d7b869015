import DossierCore
import Foundation
import SiteGraph
import SiteLoading
import Templating

/// Keeps the loaded sources, graph, page plans and output between builds, so an edit re-reads only the
/// changed files, re-renders only the Markdown whose inputs changed, and re-renders only the pages whose
/// template values or templates changed.
public final class IncrementalBuilder: @unchecked Sendable {
    /// Folders and switches.
    public let options: BuildOptions
    /// Where sources are read from.
    public let fileSystem: FileSystem
    private var state: State?
    /// Changes seen by rebuilds that failed: the next rebuild must read those files again too.
    private var pendingChanges: Set<String> = []
    private let lock = NSLock()

    private struct State {
        var loaded: LoadCache
        var graph: SiteGraph
        var plans: [Route: PagePlan]
        var pages: [String: OutputFile]
        var files: SiteFiles
        var extras: BuildStages.ExtrasCache
    }

    /// Creates a builder with no state: its first rebuild is a full build.
    public init(options: BuildOptions, fileSystem: FileSystem = .disk) {
        self.options = options
        // Inputs are read only from inside their folders (no symlink out of the project).
        self.fileSystem = fileSystem.confined(to: [options.contentDirectory, options.templatesDirectory])
    }

    /// Rebuilds after `changedPaths` changed (added, modified or deleted) and, when `write` is set,
    /// brings the output folder up to date by writing only what changed.
    public func rebuild(changedPaths: [String], write: Bool = true) -> RebuildReport {
        lock.lock()
        defer { lock.unlock() }
        var clock = StageClock()
        let changed = Set(changedPaths.map(Path.normalize)).union(pendingChanges)
        pendingChanges = changed
        let previous = state
        let configPath = Path.join(options.contentDirectory, "site.yml")
        let isFull = previous == nil || changed.contains(configPath)
        // The same loading as a full build, told what changed: it re-reads only those files.
        var loaded = isFull ? LoadCache() : previous?.loaded ?? LoadCache()
        loaded.forget(changed)
        let (content, templates) = BuildStages.load(options: options, fileSystem: fileSystem, cache: &loaded)
        let briefsFolder = Path.join(options.contentDirectory, "briefs")
        let briefsChanged = isFull || changed.contains { $0.hasPrefix(briefsFolder + "/") || $0 == briefsFolder }
        let templatesFolder = Path.normalize(options.templatesDirectory)
        let changedTemplates = changed.filter { $0.hasPrefix(templatesFolder + "/") || $0 == templatesFolder }
        clock.lap("load")
        let linked = BuildStages.link(content: content, templates: templates, previous: isFull ? nil : previous?.graph, jobs: options.jobs)
        clock.lap("link")
        guard let graph = linked.graph, let library = templates.library, !linked.diagnostics.containsErrors else {
            // Keep the previous state: the next rebuild compares against the last good site.
            let result = BuildResult(files: [], diagnostics: linked.diagnostics.sortedForReport(), pageCount: 0, graph: linked.graph)
            return RebuildReport(result: result, rerenderedPages: [], writtenFiles: [], removedFiles: [], wasFullBuild: isFull)
        }
        var diagnostics = linked.diagnostics

        // Plans: every page when the shape of the site changed, else only pages that can show what changed.
        let planner = BuildStages.planner(graph: graph, options: options)
        let routes = planner.routes
        let routesChanged = previous.map { $0.graph.routes.pages != graph.routes.pages || $0.plans.count != routes.count } ?? true
        let routeSet = routesChanged ? Set(routes) : []
        // Pieces added or removed change the lists, not the shape of the site: only the pages that list
        // commentary are planned again with what else the change touches (see `listingRoutes`).
        let pieceRoutes = routesChanged ? previous.flatMap { Self.commentaryRoutesAddedOrRemoved(previous: $0, graph: graph, routeSet: routeSet) } : nil
        let structural = isFull || briefsChanged || !changedTemplates.isEmpty || routesChanged && pieceRoutes == nil
        let candidates = structural ? Set(routes)
            : affectedRoutes(changed: changed, previous: previous, graph: graph).union(pieceRoutes.map { $0.union(Self.listingRoutes(graph)) } ?? [])
        var plans = previous?.plans ?? [:]
        if routesChanged { plans = plans.filter { routeSet.contains($0.key) } }
        var toRender: [PagePlan] = []
        let affectedTemplates = Set(changedTemplates.map { Self.templateName(path: $0, folder: templatesFolder) })
        for route in routes where candidates.contains(route) {
            guard let plan = planner.plan(for: route) else { continue }
            let old = previous?.plans[route]
            let templateChanged = !affectedTemplates.isEmpty && !library.dependencies(of: plan.template).union([plan.template]).isDisjoint(with: affectedTemplates)
            if isFull || old?.context != plan.context || old?.template != plan.template || templateChanged || previous?.pages[route.outputPath] == nil {
                toRender.append(plan)
            }
            plans[route] = plan
        }
        clock.lap("plan")
        let rendered = SiteRenderer(library: library, jobs: options.jobs).render(toRender)
        clock.lap("render")
        diagnostics += rendered.diagnostics
        var pages = previous?.pages ?? [:]
        if routesChanged {
            let pagePaths = Set(routes.map(\.outputPath))
            pages = pages.filter { pagePaths.contains($0.key) }
        }
        for file in rendered.files { pages[file.path] = file }
        let extras = BuildStages.extraFiles(content: content, templates: templates, graph: graph,
                                            reusing: isFull ? BuildStages.ExtrasCache() : previous?.extras ?? BuildStages.ExtrasCache())
        diagnostics += extras.diagnostics
        clock.lap("feeds, sitemap, search")
        guard !diagnostics.containsErrors else {
            let result = BuildResult(files: [], diagnostics: diagnostics.sortedForReport(), pageCount: 0, graph: graph)
            return RebuildReport(result: result, rerenderedPages: [], writtenFiles: [], removedFiles: [], wasFullBuild: isFull)
        }
        var files = isFull ? SiteFiles() : previous?.files ?? SiteFiles()
        var extraPaths: Set<String>?
        let changes = files.update(candidates: (isFull ? Array(pages.values) : rendered.files) + extras.files, count: pages.count + extras.files.count) { path in
            if pages[path] != nil { return true }
            if extraPaths == nil { extraPaths = Set(extras.files.map(\.path)) }
            return extraPaths?.contains(path) ?? false
        }
        var result = BuildResult(files: files.sorted, diagnostics: diagnostics.sortedForReport(), pageCount: pages.count, graph: graph)

        if write {
            do {
                try writeChanges(changes, files: files, full: isFull || previous == nil)
            } catch {
                var failed = result
                failed.diagnostics += error.diagnostics
                return RebuildReport(result: failed, rerenderedPages: [], writtenFiles: [], removedFiles: [], wasFullBuild: isFull)
            }
        }
        clock.lap("write")
        result.timings = clock.laps
        pendingChanges = []
        state = State(loaded: loaded, graph: graph, plans: plans, pages: pages, files: files, extras: extras.cache)
        let written = isFull ? files.sorted.map(\.path) : changes.changed.map(\.path)
        return RebuildReport(result: result, rerenderedPages: rendered.files.map(\.path).sorted(), writtenFiles: written, removedFiles: changes.removed, wasFullBuild: isFull)
    }

    /// The routes added or removed when every one of them is a commentary piece's (nil otherwise: the
    /// shape of the site changed).
    private static func commentaryRoutesAddedOrRemoved(previous: State, graph: SiteGraph, routeSet: Set<Route>) -> Set<Route>? {
        let pieces = Set(graph.commentary.map(\.route)).union(previous.graph.commentary.map(\.route))
        var changed: Set<Route> = []
        for route in routeSet where previous.plans[route] == nil {
            guard pieces.contains(route) else { return nil }
            changed.insert(route)
        }
        for route in previous.plans.keys where !routeSet.contains(route) {
            guard pieces.contains(route) else { return nil }
            changed.insert(route)
        }
        return changed
    }

    /// Pages whose lists can gain or lose a piece: the indexes, the home page, and every topic's and
    /// author's page (a piece counts under a topic it links to, not only those it names).
    private static func listingRoutes(_ graph: SiteGraph) -> Set<Route> {
        Set([Route.home, RouteTable.topicsIndex, RouteTable.briefsIndex, RouteTable.commentaryIndex, RouteTable.authorsIndex, RouteTable.search, RouteTable.notFound]
            + graph.topics.map(\.route) + graph.authors.map(\.route))
    }

    /// Pages that can show something of the changed files: their own pages, pages that list them (when
    /// what lists show of them changed), and pages whose backlinks from them changed.
    private func affectedRoutes(changed: Set<String>, previous: State?, graph: SiteGraph) -> Set<Route> {
        guard let previous else { return [] }
        var paths = changed
        // A body rendered differently (a linked title changed) changes its page even if its file did not.
        for document in graph.documents where previous.graph.bodies[document.route] != graph.bodies[document.route] {
            paths.insert(document.sourcePath)
        }
        // Lists show only a few fields of a commentary piece; an edit that leaves them alone (the usual
        // edit of its text) need not re-plan the long lists. Other documents count as changed everywhere.
        let listedBefore = ListingKey.commentary(in: previous.graph, at: paths)
        let listedNow = ListingKey.commentary(in: graph, at: paths)
        let relisted = paths.filter { path in listedBefore[path] == nil || listedBefore[path] != listedNow[path] }
        var routes: Set<Route> = []
        for (route, plan) in previous.plans where !plan.sources.isDisjoint(with: relisted) { routes.insert(route) }
        for document in graph.documents where paths.contains(document.sourcePath) {
            routes.insert(document.route)
            guard relisted.contains(document.sourcePath) else { continue }
            for topic in document.topics { routes.insert(RouteTable.topic(topic.value)) }
        }
        // Backlinks from the changed files that are new, changed or gone: only what they link to, now
        // or before, can have a different list.
        var linked: Set<ReferenceTarget> = []
        for path in paths {
            linked.formUnion(graph.linkTargets(ofSource: path))
            linked.formUnion(previous.graph.linkTargets(ofSource: path))
        }
        for target in linked where graph.backlinks[target] != previous.graph.backlinks[target] {
            routes.insert(target.pageRoute)
        }
        return routes
    }

    /// Moves new and changed files in and removes files that are gone (`SiteWriter.update`); the
    /// first build writes the whole site.
    private func writeChanges(_ changes: SiteFiles.Changes, files: SiteFiles, full: Bool) throws(DiagnosticError) {
        let writer = SiteWriter(options: options)
        guard !full, FileManager.default.fileExists(atPath: options.outputDirectory) else {
            try writer.write(files.sorted)
            return
        }
        try writer.update(writing: changes.changed, removing: changes.removed, added: changes.added, sortedPaths: files.sorted.map(\.path))
    }

    private static func templateName(path: String, folder: String) -> String {
        var name = String(path.dropFirst(folder.count + 1))
        if name.hasSuffix(".html") { name.removeLast(5) }
        return name
    }
}

private extension ReferenceTarget {
    /// The page that shows this target's backlinks.
    var pageRoute: Route {
        switch self {
        case .page(let route): route
        case .paragraph(let reference): RouteTable.brief(reference.briefSlug)
        }
    }
}
