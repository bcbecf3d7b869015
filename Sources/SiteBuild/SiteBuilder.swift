import DossierCore
import Foundation
import SiteGraph
import SiteLoading
import Templating

/// The outcome of building a site in memory.
public struct BuildResult: Sendable {
    /// Every output file, sorted by path, when built in memory; empty when the build has errors or
    /// the files went straight to disk.
    public var files: [OutputFile]
    /// Number of files written or built, pages included.
    public var fileCount = 0
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
        // Inputs are read only from inside their folders (no symlink out of the project).
        self.fileSystem = fileSystem.confined(to: [options.contentDirectory, options.templatesDirectory])
    }

    /// Builds the whole site in memory.
    public func build() -> BuildResult {
        var files: [OutputFile] = []
        var result = generate { batch in files += batch }
        if result.succeeded { result.files = files.sorted { $0.path < $1.path } }
        return result
    }

    /// Builds the site and swaps it into the output folder. Pages are written in batches as they are
    /// rendered, so a large site is never held in memory whole; any error leaves the old output as it was.
    public func buildAndWrite() -> BuildResult {
        var result: BuildResult?
        var generatedAt = ContinuousClock.now
        do throws(DiagnosticError) {
            try SiteWriter(options: options).write { (staging: inout SiteWriter.Staging) throws(DiagnosticError) in
                var writeError: DiagnosticError?
                // Each batch is written on another thread while the next one is planned and rendered;
                // one batch in flight at a time, so memory stays bounded.
                let box = StagingBox(staging)
                var writing: BackgroundTask<DiagnosticError?>?
                let generated = generate { batch in
                    if let error = writing?.wait() { writeError = error }
                    writing = nil
                    guard writeError == nil else { return }
                    writing = BackgroundTask {
                        do throws(DiagnosticError) { try box.staging.add(batch) } catch { return error }
                        return nil
                    }
                }
                if let error = writing?.wait() { writeError = writeError ?? error }
                staging = box.staging
                result = generated
                generatedAt = .now
                if let writeError { throw writeError }
                if !generated.succeeded { throw DiagnosticError(generated.diagnostics) }
            }
        } catch {
            guard let generated = result, !generated.succeeded else {
                return BuildResult(files: [], diagnostics: error.diagnostics, pageCount: 0, graph: result?.graph, timings: result?.timings ?? [])
            }
            return generated
        }
        result?.timings.append(("swap in, remove the old output", .now - generatedAt))
        return result ?? BuildResult(files: [], diagnostics: [], pageCount: 0, graph: nil)
    }

    /// Pages handed to the sink at a time: enough to keep every core busy, few enough to bound memory.
    static let batchSize = 256

    /// Loads, links, then plans and renders pages in batches, handing each batch to `sink` (in
    /// output-path order within the site); the returned result carries no files.
    private func generate(sink: ([OutputFile]) -> Void) -> BuildResult {
        var clock = StageClock()
        var cache = LoadCache()
        let (content, templates) = BuildStages.load(options: options, fileSystem: fileSystem, cache: &cache)
        clock.lap("load")
        let linked = BuildStages.link(content: content, templates: templates, previous: nil, jobs: options.jobs)
        clock.lap("link")
        guard let graph = linked.graph, let library = templates.library, !linked.diagnostics.containsErrors else {
            return BuildResult(files: [], diagnostics: linked.diagnostics.sortedForReport(), pageCount: 0, graph: linked.graph, timings: clock.laps)
        }
        var diagnostics = linked.diagnostics
        let planner = BuildStages.planner(graph: graph, options: options)
        let renderer = SiteRenderer(library: library, jobs: options.jobs)
        let routes = graph.routes.pages
        // Feeds, the sitemap and the search index need only the graph: made on another thread meanwhile.
        let extrasTask = BackgroundTask { BuildStages.extraFiles(content: content, templates: templates, graph: graph) }
        var pageCount = 0
        var renderDiagnostics: [Diagnostic] = []
        for start in stride(from: 0, to: routes.count, by: Self.batchSize) {
            let rendered = renderer.render(routes[start..<min(start + Self.batchSize, routes.count)], planner: planner)
            renderDiagnostics += rendered.diagnostics
            if rendered.diagnostics.containsErrors { break }
            pageCount += rendered.files.count
            sink(rendered.files)
        }
        diagnostics += renderDiagnostics.oncePerTemplateTag()
        clock.lap("plan, render and write pages")
        let extras = extrasTask.wait()
        guard !diagnostics.containsErrors else {
            return BuildResult(files: [], diagnostics: diagnostics.sortedForReport(), pageCount: 0, graph: graph, timings: clock.laps)
        }
        diagnostics += extras.diagnostics
        let failed = diagnostics.containsErrors
        if !failed { sink(extras.files) }
        clock.lap("feeds, sitemap, search")
        var result = BuildResult(files: [], diagnostics: diagnostics.sortedForReport(), pageCount: failed ? 0 : pageCount, graph: graph, timings: clock.laps)
        result.fileCount = failed ? 0 : pageCount + extras.files.count
        return result
    }
}

/// The staging folder handed to the thread writing a batch (only one at a time touches it).
private final class StagingBox: @unchecked Sendable {
    var staging: SiteWriter.Staging
    init(_ staging: SiteWriter.Staging) { self.staging = staging }
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
