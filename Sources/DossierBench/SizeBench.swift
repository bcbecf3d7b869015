import BenchCorpus
import DossierCore
import Foundation
import MarkdownRendering
import SiteBuild

/// What was measured on one corpus size; every time is in seconds.
struct SizeMeasurement {
    var pages: Int
    var markdownBytes: Int
    var builds: [Double]
    /// CPU seconds (user + system) of the same builds.
    var buildCPU: [Double]
    var peakRSSBytes: Int
    var cmark: [Double]
    /// Thread CPU seconds of the same cmark-gfm runs.
    var cmarkCPU: [Double]
    var cmarkHTMLBytes: Int
    var incrementalFull: Double
    var incremental: [Double]
    var rerenderedPerEdit: [Int]
    var stageTimings: String
    /// Set when the first build hit the timeout (seconds): nothing else was measured.
    var timedOut: Double? = nil
}

/// Measures one corpus size: full builds as subprocesses, cmark-gfm alone and incremental rebuilds in process.
struct SizeBench {
    var pages: Int
    var locations: BenchLocations
    var runs: Int
    var cmarkRuns: Int
    var edits: Int
    var timeout: Double

    struct BuildFailed: Error, CustomStringConvertible {
        var description: String
    }

    func measure() throws -> SizeMeasurement {
        let corpus = try CorpusCache(pages: pages, locations: locations).prepare(loadMarkdown: true)
        let output = corpus.folder + "/site"
        let log = corpus.folder + "/build.log"
        try? FileManager.default.removeItem(atPath: log)
        let arguments = ["build", "--quiet", "--content", corpus.content, "--templates", locations.templates, "--output", output]

        // One untimed build warms the page cache and gives the per-stage split.
        let warm = try ProcessRun.spawn(locations.dossier, arguments + ["--timings"], log: log, timeout: timeout)
        if warm.timedOut {
            say("  corpus-\(pages): the build did not finish within \(Int(timeout)) s; skipping the other measurements of this size")
            return SizeMeasurement(
                pages: pages, markdownBytes: corpus.markdownBytes, builds: [], buildCPU: [], peakRSSBytes: warm.peakRSSBytes, cmark: [], cmarkCPU: [], cmarkHTMLBytes: 0,
                incrementalFull: .nan, incremental: [], rerenderedPerEdit: [], stageTimings: "(timed out after \(Int(timeout)) s)", timedOut: timeout
            )
        }
        guard warm.exitCode == 0 else { throw BuildFailed(description: "build of corpus-\(pages) failed; see \(log):\n" + tail(log)) }
        let stages = tail(log)
        var walls: [Double] = []
        var cpu: [Double] = []
        var peak = warm.peakRSSBytes
        for run in 1...runs {
            let result = try ProcessRun.spawn(locations.dossier, arguments, log: log, timeout: timeout)
            guard result.exitCode == 0 else { throw BuildFailed(description: "build of corpus-\(pages) failed; see \(log)") }
            walls.append(result.wall)
            cpu.append(result.cpu)
            peak = max(peak, result.peakRSSBytes)
            say("  corpus-\(pages) build \(run)/\(runs): \(Format.seconds(result.wall)) wall, \(Format.seconds(result.cpu)) CPU, peak RSS \(Format.mb(result.peakRSSBytes)) MB")
        }

        // cmark-gfm alone on the same bodies, one thread, in this process.
        let bodies = corpus.markdownFiles.map { Self.stripFrontMatter($0.text) }
        var cmarkTimes: [Double] = []
        var cmarkCPU: [Double] = []
        var htmlBytes = MarkdownRenderer.renderBaseline(bodies)
        for _ in 1...cmarkRuns {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPU()
            htmlBytes = MarkdownRenderer.renderBaseline(bodies)
            cmarkCPU.append(Self.threadCPU() - cpuStart)
            cmarkTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        say("  corpus-\(pages) cmark-gfm alone: median \(Format.seconds(Statistics.median(cmarkTimes))) over \(cmarkRuns) runs")

        let incremental = try measureIncremental(corpus: corpus)
        return SizeMeasurement(
            pages: pages, markdownBytes: corpus.markdownBytes, builds: walls, buildCPU: cpu, peakRSSBytes: peak, cmark: cmarkTimes, cmarkCPU: cmarkCPU,
            cmarkHTMLBytes: htmlBytes, incrementalFull: incremental.full, incremental: incremental.edits,
            rerenderedPerEdit: incremental.rerendered, stageTimings: stages
        )
    }

    /// A full build in an `IncrementalBuilder`, then `edits` one-page edits, each timed and then undone.
    private func measureIncremental(corpus: CorpusCache.Corpus) throws -> (full: Double, edits: [Double], rerendered: [Int]) {
        let options = BuildOptions(contentDirectory: corpus.content, templatesDirectory: locations.templates, outputDirectory: corpus.folder + "/site-incremental")
        let builder = IncrementalBuilder(options: options)
        var start = DispatchTime.now().uptimeNanoseconds
        let first = builder.rebuild(changedPaths: [])
        let full = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard first.result.succeeded else {
            throw BuildFailed(description: "incremental full build failed: " + first.result.diagnostics.prefix(5).map { "\($0)" }.joined(separator: "\n"))
        }
        let slugs = CorpusGenerator(pages: pages, seed: locations.seed).commentarySlugs
        var times: [Double] = []
        var rerendered: [Int] = []
        var stages: [String: [Double]] = [:]
        var stageOrder: [String] = []
        for edit in 0..<edits {
            let slug = slugs[(edit * slugs.count + slugs.count / 2) / edits % slugs.count]
            let path = Path.join(corpus.content, "commentary/\(slug).md")
            let original = try String(contentsOfFile: path, encoding: .utf8)
            try (original + "\nAn editor added this sentence (edit \(edit + 1)).\n").write(toFile: path, atomically: true, encoding: .utf8)
            start = DispatchTime.now().uptimeNanoseconds
            let report = builder.rebuild(changedPaths: [path])
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            try original.write(toFile: path, atomically: true, encoding: .utf8)
            guard report.result.succeeded, !report.wasFullBuild else {
                throw BuildFailed(description: "incremental rebuild after editing \(path) failed or was a full build")
            }
            rerendered.append(report.rerenderedPages.count)
            for (stage, duration) in report.result.timings {
                if stages[stage] == nil { stageOrder.append(stage) }
                let (seconds, attoseconds) = duration.components
                stages[stage, default: []].append(Double(seconds) + Double(attoseconds) / 1e18)
            }
            _ = builder.rebuild(changedPaths: [path])
        }
        say("  corpus-\(pages) incremental: full \(Format.seconds(full)), one-page edit median \(Format.ms(Statistics.median(times))) over \(edits) edits")
        say("    median per stage: " + stageOrder.map { "\($0) \(Format.ms(Statistics.median(stages[$0] ?? [])))" }.joined(separator: ", "))
        return (full, times, rerendered)
    }

    /// CPU seconds used by the calling thread so far.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The body after a leading `---` … `---` block.
    static func stripFrontMatter(_ text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return text }
        return String(text[end.upperBound...])
    }

    private func tail(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }
}
