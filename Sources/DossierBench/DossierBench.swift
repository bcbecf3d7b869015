import ArgumentParser
import BenchCorpus
import Foundation

/// `dossier-bench`: the benchmark driver behind `make bench` and `make bench-large`.
@main
struct DossierBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-bench",
        abstract: "Generate benchmark corpora and time dossier on them.",
        subcommands: [CorpusCommand.self, RunCommand.self, LargeCommand.self, CompareCommand.self, EditsCommand.self, MeasureCommand.self]
    )
}

/// `dossier-bench corpus`: writes one corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Write a generated corpus (content/ and a VERSION stamp).")

    @Option(help: "Commentary pages.") var pages = 1000
    @Option(help: "Random seed; the same seed gives the same bytes.") var seed: UInt64 = 42
    @Option(help: "Folder to write (content/ is created inside).") var output: String

    func run() throws {
        let generator = CorpusGenerator(pages: pages, seed: seed)
        try? FileManager.default.removeItem(atPath: output + "/content")
        try generator.write(to: output)
        say("wrote \(pages) pages (seed \(seed)) into \(output)/content")
    }
}

/// Options shared by `run` and `large`.
struct BenchLocations: ParsableArguments {
    @Option(help: "The dossier executable to time.") var dossier = ".build/release/dossier"
    @Option(help: "Where corpora and outputs are cached.") var benchDirectory = ".bench"
    @Option(help: "The templates folder.") var templates = "templates"
    @Option(help: "Corpus seed.") var seed: UInt64 = 42
}

/// `dossier-bench run`: the `make bench` table.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Time dossier's and Hugo's full builds, the floor and one-page edits; print the table.")

    @OptionGroup var locations: BenchLocations
    @Option(help: "Corpus sizes, comma-separated.") var sizes = "1000,10000"
    @Option(help: "Full builds per size, comma-separated (matching --sizes).") var runs = "5,3"
    @Option(help: "Timed runs of each part of the floor (cmark-gfm, reading, writing) per size.") var cmarkRuns = 5
    @Option(help: "Timed one-page edits of each kind for the incremental rebuild.") var edits = 5
    @Option(help: "The Hugo executable to compare with (looked up in PATH); 'none' skips it.") var hugo = "hugo"
    @Option(help: "Also write the table (Markdown) to this file.") var report = ".bench/report.md"
    @Option(help: "Seconds one full build may take; a slower size is reported as such and its other runs skipped.") var timeout = 1800

    func run() throws {
        let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let runList = runs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizeList.isEmpty else { throw ValidationError("--sizes needs at least one number") }
        guard FileManager.default.isExecutableFile(atPath: locations.dossier) else {
            throw ValidationError("\(locations.dossier) not found: build it with 'swift build -c release --product dossier'")
        }
        let hugoPath = Self.lookUp(hugo)
        if hugoPath == nil { say("hugo not found (\(hugo)); measuring dossier and the floor only (Debian: apt-get install hugo)") }
        // Outputs of the last run are deleted after this one: a large delete slows file creation on this disk for minutes.
        let trash = Self.moveAsideOldRuns(locations.benchDirectory, sizes: sizeList)
        defer { trash.forEach(Self.removeTree) }
        var measurements: [SizeMeasurement] = []
        for (position, pages) in sizeList.enumerated() {
            let runCount = position < runList.count ? runList[position] : (runList.last ?? 3)
            let bench = SizeBench(pages: pages, locations: locations, runs: max(1, runCount), cmarkRuns: max(1, cmarkRuns), edits: max(1, edits),
                                  timeout: Double(timeout), hugo: hugoPath)
            measurements.append(try bench.measure())
        }
        let table = Report(measurements: measurements, machine: Machine.describe()).markdown()
        say("")
        say(table)
        try? FileManager.default.createDirectory(atPath: (report as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(table.utf8).write(to: URL(fileURLWithPath: report))
        say("(table written to \(report))")
    }
}

extension RunCommand {
    /// `name` if it is a path to an executable, else the first match in PATH.
    static func lookUp(_ name: String) -> String? {
        if name == "none" { return nil }
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Renames each size's `runs/` folder aside, to be deleted once this run's measurements are done.
    static func moveAsideOldRuns(_ benchDirectory: String, sizes: [Int]) -> [String] {
        sizes.compactMap { pages in
            let runs = "\(benchDirectory)/corpus-\(pages)/runs"
            let aside = "\(benchDirectory)/corpus-\(pages)/runs-old-\(getpid())"
            return (try? FileManager.default.moveItem(atPath: runs, toPath: aside)) == nil ? nil : aside
        }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// `dossier-bench large`: one build of a 100,000-page corpus.
struct LargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "large", abstract: "Build a very large corpus once; report wall time and peak memory.")

    @OptionGroup var locations: BenchLocations
    @Option(help: "Commentary pages.") var pages = 100_000
    @Option(help: "Give up after this many seconds.") var timeout = 3600

    func run() throws {
        let corpus = try CorpusCache(pages: pages, locations: locations).prepare()
        let output = corpus.folder + "/site"
        say("building \(pages) pages once (timeout \(timeout) s)…")
        let run = try ProcessRun.spawn(locations.dossier, ["build", "--quiet", "--timings", "--content", corpus.content, "--templates", locations.templates, "--output", output],
                                       log: corpus.folder + "/build-large.log", timeout: Double(timeout))
        let log = (try? String(contentsOfFile: corpus.folder + "/build-large.log", encoding: .utf8)) ?? ""
        say(log.split(separator: "\n").suffix(12).joined(separator: "\n"))
        let status = run.timedOut ? "timed out" : (run.exitCode == 0 ? "ok" : "failed (exit \(run.exitCode))")
        let line = "| \(pages) | \(Format.mb(corpus.markdownBytes)) MB | \(Format.seconds(run.wall)) | \(Format.seconds(run.cpu)) | \(Format.rate(Double(pages) / run.wall)) | \(Format.mb(run.peakRSSBytes)) MB | \(status) |"
        let table = "| pages | Markdown | wall (1 run) | CPU user+sys | pages/s | peak RSS | result |\n|---:|---:|---:|---:|---:|---:|---|\n" + line
        say("\n" + table)
        try Data((table + "\n").utf8).write(to: URL(fileURLWithPath: locations.benchDirectory + "/report-large.md"))
        if run.exitCode != 0 || run.timedOut { throw ExitCode(1) }
    }
}
