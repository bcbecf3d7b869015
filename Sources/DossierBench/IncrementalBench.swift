import ArgumentParser
import BenchCorpus
import DossierCore
import Foundation
import SiteBuild

/// One-page edits timed in an `IncrementalBuilder` (what `dossier serve` runs on every save).
struct IncrementalMeasurement {
    /// The first, full build in process.
    var full: Double
    /// Edit kind → the timed rebuilds, in order of `IncrementalBench.kinds`.
    var times: [String: [Double]]
    /// Pages rendered again per body edit.
    var rerendered: [Int]
    /// Median per stage of the body edits, in the builder's order.
    var stages: [(String, Double)]
}

/// Times four kinds of one-page edit at a given size, each followed by an untimed rebuild that undoes it.
struct IncrementalBench {
    static let kinds = ["body edit", "title edit", "new piece", "deleted piece"]

    var pages: Int
    var seed: UInt64
    var content: String
    var templates: String
    var output: String
    var edits: Int
    /// The kinds to time (all by default; the deleted piece needs the new piece before it).
    var only: [String] = IncrementalBench.kinds
    /// Compare each timed rebuild's files with a full build's (slow: one full build per edit).
    var verify = false

    func measure() throws -> IncrementalMeasurement {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
        let builder = IncrementalBuilder(options: options)
        var start = DispatchTime.now().uptimeNanoseconds
        let first = builder.rebuild(changedPaths: [])
        let full = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard first.result.succeeded else {
            throw SizeBench.BuildFailed(description: "incremental full build failed: " + first.result.diagnostics.prefix(5).map { "\($0)" }.joined(separator: "\n"))
        }
        let slugs = CorpusGenerator(pages: pages, seed: seed).commentarySlugs
        var times: [String: [Double]] = [:]
        var rerendered: [Int] = []
        var stages: [String: [Double]] = [:]
        var stageOrder: [String] = []
        var counts: [String: [(pages: Int, files: Int)]] = [:]
        for edit in 0..<edits {
            let slug = slugs[(edit * slugs.count + slugs.count / 2) / edits % slugs.count]
            let path = Path.join(content, "commentary/\(slug).md")
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let newPath = Path.join(content, "commentary/bench-new-piece-\(edit + 1).md")
            // Each kind: the change on disk and its undo (nil: the next kind undoes it). A piece other
            // pages link to cannot be deleted without breaking their links, so the piece deleted is the new one.
            let changes: [(kind: String, path: String, apply: () throws -> Void, undo: (() throws -> Void)?)] = [
                ("body edit", path, { try (original + "\nAn editor added this sentence (edit \(edit + 1)).\n").write(toFile: path, atomically: true, encoding: .utf8) },
                 { try original.write(toFile: path, atomically: true, encoding: .utf8) }),
                ("title edit", path, { try original.replacingOccurrences(of: "\ntitle: '", with: "\ntitle: 'Revised: ").write(toFile: path, atomically: true, encoding: .utf8) },
                 { try original.write(toFile: path, atomically: true, encoding: .utf8) }),
                ("new piece", newPath, { try original.replacingOccurrences(of: "\ntitle: '", with: "\ntitle: 'New: ").write(toFile: newPath, atomically: true, encoding: .utf8) }, nil),
                ("deleted piece", newPath, { try FileManager.default.removeItem(atPath: newPath) }, nil),
            ]
            for change in changes where only.contains(change.kind) {
                try change.apply()
                start = DispatchTime.now().uptimeNanoseconds
                let report = builder.rebuild(changedPaths: [change.path])
                times[change.kind, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                if verify { try Self.compare(report.result.files, SiteBuilder(options: options).build().files, after: change.kind) }
                try change.undo?()
                guard report.result.succeeded, !report.wasFullBuild else {
                    throw SizeBench.BuildFailed(description: "incremental rebuild after a \(change.kind) of \(change.path) failed or was a full build: "
                        + report.result.diagnostics.prefix(3).map { "\($0)" }.joined(separator: "; "))
                }
                if change.kind == "body edit" { rerendered.append(report.rerenderedPages.count) }
                counts[change.kind, default: []].append((report.rerenderedPages.count, report.writtenFiles.count))
                for (stage, duration) in report.result.timings {
                    if !stageOrder.contains(stage) { stageOrder.append(stage) }
                    let (seconds, attoseconds) = duration.components
                    stages[change.kind + ": " + stage, default: []].append(Double(seconds) + Double(attoseconds) / 1e18)
                }
                if change.undo != nil { _ = builder.rebuild(changedPaths: [change.path]) }
            }
        }
        let medians = only.map { "\($0) \(Format.ms(Statistics.median(times[$0] ?? [])))" }.joined(separator: ", ")
        say("  corpus-\(pages) incremental: full \(Format.seconds(full)); medians over \(edits): \(medians)")
        let stageMedians = stageOrder.map { ($0, Statistics.median(stages["body edit: " + $0] ?? [])) }
        for kind in only {
            let done = (counts[kind] ?? []).map { "\($0.pages) pages rendered, \($0.files) files written" }.joined(separator: "; ")
            say("    \(kind), median per stage: " + stageOrder.map { "\($0) \(Format.ms(Statistics.median(stages[kind + ": " + $0] ?? [])))" }.joined(separator: ", ") + " (\(done))")
        }
        return IncrementalMeasurement(full: full, times: times, rerendered: rerendered, stages: stageMedians)
    }

    /// Throws unless the incremental build's files are the full build's, byte for byte.
    static func compare(_ incremental: [OutputFile], _ full: [OutputFile], after kind: String) throws {
        let expected = Dictionary(full.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let actual = Dictionary(incremental.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
        guard differing.isEmpty else {
            throw SizeBench.BuildFailed(description: "after a \(kind), \(differing.count) files differ from a full build: \(differing.prefix(10))")
        }
        say("    \(kind): \(incremental.count) files, identical to a full build")
    }
}

/// `dossier-bench edits`: only the one-page edits, for working on the incremental rebuild.
struct EditsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edits", abstract: "Time one-page edits in an incremental rebuild (no full builds, no floor).")

    @OptionGroup var locations: BenchLocations
    @Option(help: "Commentary pages of the corpus.") var pages = 10000
    @Option(help: "Timed edits of each kind.") var edits = 3
    @Option(help: "Edit kinds to time, comma-separated (body, title, new, deleted).") var kinds = "body,title,new,deleted"
    @Flag(help: "Check each rebuild against a full build (one full build per edit).") var verify = false

    func run() throws {
        let corpus = try CorpusCache(pages: pages, locations: locations).prepare()
        let output = URL(fileURLWithPath: corpus.folder + "/edits-output").standardizedFileURL.path
        // Kept between runs: deleting 40,000 files slows file creation on some disks for minutes.
        let templates = URL(fileURLWithPath: locations.templates).standardizedFileURL.path
        _ = try IncrementalBench(pages: pages, seed: locations.seed, content: corpus.content, templates: templates, output: output, edits: edits,
                             only: kinds.split(separator: ",").map { $0 == "body" || $0 == "title" ? "\($0) edit" : "\($0) piece" }, verify: verify).measure()
    }
}
