import BenchCorpus
import DossierCore
import Foundation
import MarkdownRendering

/// What was measured on one corpus size; every time is in seconds.
struct SizeMeasurement {
    var pages: Int
    var markdownBytes: Int
    var dossier: [ProcessRun]
    /// Hugo's runs on the same corpus; nil when `hugo` is not installed.
    var hugo: [ProcessRun]?
    var hugoVersion: String
    /// The floor's parts, each timed `cmarkRuns` times on this thread: cmark-gfm parse + render of every
    /// body, reading every input file, writing dossier's output tree.
    var cmark: [Timing]
    var read: [Timing]
    var write: [Timing]
    var outputFolders: Int
    var outputFiles: Int
    var outputBytes: Int
    var incremental: IncrementalMeasurement?
    var stageTimings: String
    /// Set when the first build hit the timeout (seconds): nothing else was measured.
    var timedOut: Double? = nil

    /// The floor in CPU seconds: the medians of its three parts.
    var floorCPU: Double { Statistics.median(cmark.map(\.cpu)) + Statistics.median(read.map(\.cpu)) + Statistics.median(write.map(\.cpu)) }
    var floorWall: Double { Statistics.median(cmark.map(\.wall)) + Statistics.median(read.map(\.wall)) + Statistics.median(write.map(\.wall)) }
}

struct Timing {
    var wall: Double
    var cpu: Double
}

/// Measures one corpus size: dossier's and Hugo's full builds as subprocesses, alternating, each into a
/// new output folder; the floor and the incremental rebuilds in process.
struct SizeBench {
    var pages: Int
    var locations: BenchLocations
    var runs: Int
    var cmarkRuns: Int
    var edits: Int
    var timeout: Double
    var hugo: String?

    struct BuildFailed: Error, CustomStringConvertible {
        var description: String
    }

    func measure() throws -> SizeMeasurement {
        let corpus = try CorpusCache(pages: pages, locations: locations).prepare(loadMarkdown: true)
        let outputs = URL(fileURLWithPath: corpus.folder + "/runs").standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        let log = corpus.folder + "/build.log"
        try? FileManager.default.removeItem(atPath: log)
        let templates = URL(fileURLWithPath: locations.templates).standardizedFileURL.path
        let dossierArguments = { (output: String) in ["build", "--quiet", "--content", corpus.content, "--templates", templates, "--output", output] }
        let hugoArguments = { (output: String) in ["--quiet", "--source", URL(fileURLWithPath: corpus.folder + "/hugo").standardizedFileURL.path, "--destination", output] }

        // One untimed build of each warms the page cache; dossier's gives the per-stage split.
        let warm = try ProcessRun.spawn(locations.dossier, dossierArguments(outputs + "/dossier-0") + ["--timings"], log: log, timeout: timeout)
        if warm.timedOut {
            say("  corpus-\(pages): the build did not finish within \(Int(timeout)) s; skipping the other measurements of this size")
            return SizeMeasurement(
                pages: pages, markdownBytes: corpus.markdownBytes, dossier: [warm], hugo: nil, hugoVersion: "", cmark: [], read: [], write: [],
                outputFolders: 0, outputFiles: 0, outputBytes: 0, incremental: nil, stageTimings: "(timed out after \(Int(timeout)) s)", timedOut: timeout
            )
        }
        guard warm.exitCode == 0 else { throw BuildFailed(description: "build of corpus-\(pages) failed; see \(log):\n" + tail(log)) }
        let stages = tail(log)
        if let hugo {
            let hugoWarm = try ProcessRun.spawn(hugo, hugoArguments(outputs + "/hugo-0"), log: log, timeout: timeout)
            guard hugoWarm.exitCode == 0 else { throw BuildFailed(description: "hugo on corpus-\(pages) failed; see \(log):\n" + tail(log)) }
        }

        var dossierRuns: [ProcessRun] = []
        var hugoRuns: [ProcessRun] = []
        for run in 1...runs {
            let result = try ProcessRun.spawn(locations.dossier, dossierArguments(outputs + "/dossier-\(run)"), log: log, timeout: timeout)
            guard result.exitCode == 0 else { throw BuildFailed(description: "build of corpus-\(pages) failed; see \(log)") }
            dossierRuns.append(result)
            say("  corpus-\(pages) run \(run)/\(runs): dossier \(describe(result))")
            if let hugo {
                let other = try ProcessRun.spawn(hugo, hugoArguments(outputs + "/hugo-\(run)"), log: log, timeout: timeout)
                guard other.exitCode == 0 else { throw BuildFailed(description: "hugo on corpus-\(pages) failed; see \(log)") }
                hugoRuns.append(other)
                say("  corpus-\(pages) run \(run)/\(runs): hugo    \(describe(other))")
            }
        }

        // The floor, its three parts alternating, on one thread in this process.
        let bodies = corpus.markdownFiles.map { Self.stripFrontMatter($0.text) }
        let inputs = Self.inputFiles(corpus.content)
        let tree = Floor.load(outputs + "/dossier-0")
        var cmark: [Timing] = []
        var read: [Timing] = []
        var write: [Timing] = []
        _ = MarkdownRenderer.renderBaseline(bodies)
        for run in 1...cmarkRuns {
            cmark.append(timing { _ = MarkdownRenderer.renderBaseline(bodies) })
            read.append(timing { _ = Floor.read(inputs) })
            write.append(timing { Floor.write(tree, to: outputs + "/floor-\(run)") })
        }
        say("  corpus-\(pages) floor: cmark-gfm \(Format.seconds(Statistics.median(cmark.map(\.cpu)))) CPU, read \(inputs.count) inputs "
            + "\(Format.seconds(Statistics.median(read.map(\.cpu)))), write \(tree.folders.count) folders + \(tree.files.count) files "
            + "\(Format.seconds(Statistics.median(write.map(\.cpu)))) CPU (\(Format.seconds(Statistics.median(write.map(\.wall)))) wall)")

        let incremental = try IncrementalBench(pages: pages, seed: locations.seed, content: corpus.content, templates: templates,
                                               output: outputs + "/incremental", edits: edits).measure()
        return SizeMeasurement(
            pages: pages, markdownBytes: corpus.markdownBytes, dossier: dossierRuns, hugo: hugo == nil ? nil : hugoRuns,
            hugoVersion: hugo.map(Self.version(of:)) ?? "", cmark: cmark, read: read, write: write,
            outputFolders: tree.folders.count, outputFiles: tree.files.count, outputBytes: tree.byteCount,
            incremental: incremental, stageTimings: stages
        )
    }

    private func timing(_ body: () -> Void) -> Timing {
        let measured = Floor.time(body)
        return Timing(wall: measured.wall, cpu: measured.cpu)
    }

    private func describe(_ run: ProcessRun) -> String {
        "\(Format.seconds(run.wall)) wall, \(Format.seconds(run.cpu)) CPU, peak RSS \(Format.mb(run.peakRSSBytes)) MB"
    }

    /// Every file dossier reads: the content folder, recursively.
    static func inputFiles(_ content: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: content)
        var paths: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: content + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(content + "/" + name)
            }
        }
        return paths.sorted()
    }

    /// `hugo version`'s first words, e.g. `hugo v0.111.3+extended`.
    static func version(of hugo: String) -> String {
        let log = NSTemporaryDirectory() + "dossier-bench-hugo-version-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: log) }
        _ = try? ProcessRun.spawn(hugo, ["version"], log: log)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(2).joined(separator: " ")
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
