import ArgumentParser
import Foundation

/// `dossier-bench compare`: two dossier executables (before and after a change) on one corpus, run
/// alternately in one go, each build into a new folder; CPU seconds (user + system) are the figure on a
/// shared machine. The outputs of the two must be byte-identical, or the comparison says so and fails.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Time two dossier executables on one corpus, alternating.")

    @OptionGroup var locations: BenchLocations
    @Option(help: "The dossier executable before the change.") var before: String
    @Option(help: "Commentary pages of the corpus.") var pages = 10000
    @Option(help: "Timed builds of each executable.") var runs = 3
    @Option(help: "Threads per build (0: one per core).") var jobs = 0

    func run() throws {
        for executable in [before, locations.dossier] where !FileManager.default.isExecutableFile(atPath: executable) {
            throw ValidationError("\(executable) not found")
        }
        let corpus = try CorpusCache(pages: pages, locations: locations).prepare()
        let trash = RunCommand.moveAsideOldRuns(locations.benchDirectory, sizes: [pages])
        defer { trash.forEach(RunCommand.removeTree) }
        let outputs = URL(fileURLWithPath: corpus.folder + "/runs").standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        let log = corpus.folder + "/compare.log"
        try? FileManager.default.removeItem(atPath: log)
        let templates = URL(fileURLWithPath: locations.templates).standardizedFileURL.path
        let sides = [("before", before), ("after", locations.dossier)]
        func build(_ executable: String, into output: String) throws -> ProcessRun {
            let arguments = ["build", "--quiet", "--jobs", String(jobs), "--content", corpus.content, "--templates", templates, "--output", output]
            let result = try ProcessRun.spawn(executable, arguments, log: log)
            guard result.exitCode == 0 else { throw SizeBench.BuildFailed(description: "\(executable) failed; see \(log)") }
            return result
        }
        // One untimed build of each warms the page cache and gives the outputs to compare.
        for (name, executable) in sides { _ = try build(executable, into: "\(outputs)/\(name)-0") }
        let identical = Floor.load("\(outputs)/before-0").isIdentical(to: Floor.load("\(outputs)/after-0"))
        say("corpus-\(pages): outputs \(identical ? "byte-identical" : "DIFFER")")
        var runsBySide: [String: [ProcessRun]] = [:]
        for run in 1...max(1, runs) {
            for (name, executable) in run % 2 == 1 ? sides : sides.reversed() {
                let result = try build(executable, into: "\(outputs)/\(name)-\(run)")
                runsBySide[name, default: []].append(result)
                say("  run \(run) \(name): \(Format.seconds(result.cpu)) CPU, \(Format.seconds(result.wall)) wall, peak RSS \(Format.mb(result.peakRSSBytes)) MB")
            }
        }
        let cpu = sides.map { Statistics.median(runsBySide[$0.0, default: []].map(\.cpu)) }
        let wall = sides.map { Statistics.median(runsBySide[$0.0, default: []].map(\.wall)) }
        let peak = sides.map { Double(runsBySide[$0.0, default: []].map(\.peakRSSBytes).max() ?? 0) }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        say("")
        say("| \(pages) pages, \(runs) alternating runs (load \(load)) | CPU user+sys (median) | wall (median) | peak RSS |")
        say("|---|---:|---:|---:|")
        for (index, side) in sides.enumerated() {
            let all = runsBySide[side.0, default: []].map { Format.seconds($0.cpu) }.joined(separator: ", ")
            say("| \(side.0): \(side.1) | \(Format.seconds(cpu[index])) (\(all)) | \(Format.seconds(wall[index])) | \(Format.mb(Int(peak[index]))) MB |")
        }
        say("| after ÷ before | \(Format.times(cpu[1] / max(cpu[0], 0.001))) | \(Format.times(wall[1] / max(wall[0], 0.001))) | \(Format.times(peak[1] / max(peak[0], 1))) |")
        if !identical { throw ExitCode.failure }
    }
}
