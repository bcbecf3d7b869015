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
            for change in changes {
                try change.apply()
                start = DispatchTime.now().uptimeNanoseconds
                let report = builder.rebuild(changedPaths: [change.path])
                times[change.kind, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                try change.undo?()
                guard report.result.succeeded, !report.wasFullBuild else {
                    throw SizeBench.BuildFailed(description: "incremental rebuild after a \(change.kind) of \(change.path) failed or was a full build: "
                        + report.result.diagnostics.prefix(3).map { "\($0)" }.joined(separator: "; "))
                }
                if change.kind == "body edit" {
                    rerendered.append(report.rerenderedPages.count)
                    for (stage, duration) in report.result.timings {
                        if stages[stage] == nil { stageOrder.append(stage) }
                        let (seconds, attoseconds) = duration.components
                        stages[stage, default: []].append(Double(seconds) + Double(attoseconds) / 1e18)
                    }
                }
                if change.undo != nil { _ = builder.rebuild(changedPaths: [change.path]) }
            }
        }
        let medians = Self.kinds.map { "\($0) \(Format.ms(Statistics.median(times[$0] ?? [])))" }.joined(separator: ", ")
        say("  corpus-\(pages) incremental: full \(Format.seconds(full)); medians over \(edits): \(medians)")
        let stageMedians = stageOrder.map { ($0, Statistics.median(stages[$0] ?? [])) }
        say("    body edit, median per stage: " + stageMedians.map { "\($0.0) \(Format.ms($0.1))" }.joined(separator: ", "))
        return IncrementalMeasurement(full: full, times: times, rerendered: rerendered, stages: stageMedians)
    }
}
