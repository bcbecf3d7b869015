import ArgumentParser
import DossierCore
import Foundation
import PreviewServer
import SiteBuild

/// `dossier serve`: builds, serves on loopback, watches sources and reloads open pages after each rebuild.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload; rebuilds on every change to content/ or templates/."
    )

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "Address to bind; loopback unless told otherwise.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Option(name: .long, help: "Folder of briefs, topics, commentary and site.yml.")
    var content = "content"

    @Option(name: .long, help: "Folder of templates.")
    var templates = "templates"

    @Option(name: .long, help: "Where the preview is built (never the published site/).")
    var previewOutput = ".build/preview-site"

    func run() async throws {
        TemporaryOutput.removeOnSignals()
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: previewOutput, includesDrafts: drafts)
        let site = PreviewBuild(options: options)
        let preview = PreviewOptions(host: host, port: port, siteDirectory: previewOutput, watchedDirectories: [content, templates])
        let session = PreviewSession(options: preview) { changed in await site.rebuild(changedPaths: changed) }
        let server = Task { try await session.run() }
        // `port` waits for the listener (port 0 picks one) and is 0 only when the session already ended.
        let bound = await session.port
        if bound != 0 {
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/"
            DiagnosticPrinter.say("serving \(previewOutput)/ at \(url) (watching \(content)/ and \(templates)/; Ctrl-C stops)")
            if open { Self.openInBrowser(url) }
        }
        do {
            try await server.value
        } catch let error as PreviewError where error.isPortInUse {
            throw PreviewError(error.message + " (another program has that port: pass --port with another number, or --port 0 for any free one)")
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        try? process.run()
    }
}

/// Rebuilds the preview folder incrementally and prints what each rebuild did.
actor PreviewBuild {
    private let builder: IncrementalBuilder
    /// Warnings already shown: each rebuild prints only new ones, so the log stays readable.
    private var shownWarnings: Set<Diagnostic> = []
    /// Whether there is a last good site to keep serving (from a build of this session or an earlier one).
    private var hasGoodSite: Bool

    init(options: BuildOptions) {
        builder = IncrementalBuilder(options: options)
        hasGoodSite = FileManager.default.fileExists(atPath: Path.join(options.outputDirectory, "index.html"))
    }

    func rebuild(changedPaths: [String]) -> RebuildOutcome {
        let start = ContinuousClock.now
        let report = builder.rebuild(changedPaths: changedPaths)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let result = report.result
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        DiagnosticPrinter.print(result.diagnostics.filter { $0.severity == .error } + warnings.filter { !shownWarnings.contains($0) })
        shownWarnings = Set(warnings)
        let time = String(format: "%.1f ms", milliseconds)
        guard result.succeeded else {
            let served = hasGoodSite ? "still serving the last good site" : "nothing to serve until a build succeeds; fix the errors and save"
            DiagnosticPrinter.say("build failed after \(time); \(served)")
            return .failure(result.diagnostics.filter { $0.severity == .error })
        }
        hasGoodSite = true
        let cause = changedPaths.isEmpty ? "initial build" : changedPaths.sorted().joined(separator: ", ")
        let pages = report.rerenderedPages
        let listed = pages.count <= 6 ? pages.joined(separator: ", ") : pages.prefix(6).joined(separator: ", ") + ", …"
        let summary = "\(cause): re-rendered \(pages.count) of \(result.pageCount) pages in \(time)\(pages.isEmpty ? "" : " (\(listed))")"
        DiagnosticPrinter.say(summary)
        return .success(summary: summary)
    }
}
