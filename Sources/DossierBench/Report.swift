import Foundation

enum Statistics {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

enum Format {
    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    static func ms(_ value: Double) -> String { String(format: "%.0f ms", value * 1000) }
    static func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
    static func rate(_ value: Double) -> String { String(format: "%.0f", value) }
    static func ratio(_ value: Double) -> String { String(format: "%.1f×", value) }
    static func times(_ value: Double) -> String { String(format: "%.2f×", value) }
}

/// The machine the numbers came from.
enum Machine {
    static func describe() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
        let memory = ProcessInfo.processInfo.physicalMemory / 1_048_576
        let date = ISO8601DateFormatter().string(from: Date())
        return "\(date) · \(ProcessInfo.processInfo.activeProcessorCount) cores (nproc) · \(model) · \(memory) MB RAM · load average \(load) at the end of the run"
    }
}

/// The `make bench` tables (dossier, Hugo, the floor, one-page edits) and the targets.
struct Report {
    var measurements: [SizeMeasurement]
    var machine: String

    func markdown() -> String {
        var lines: [String] = ["Machine: \(machine)", ""]
        for m in measurements {
            lines += table(m)
        }
        lines.append("Full builds: `dossier build --quiet` and `hugo --quiet` as subprocesses, alternating, each into a new output folder, after one untimed "
            + "warm-up of each; wall from spawn to exit, CPU (user + sys) and peak RSS from wait4's rusage, taken by a small "
            + "`dossier-bench measure` process that spawns the build, so the bench's own memory is not counted (peak: the largest over the runs). "
            + "The floor, on one thread in the bench process: cmark-gfm parse + render of every Markdown body (front matter stripped); reading every "
            + "input file; writing dossier's output tree (one mkdir per folder, one open/write/close per file) into a new folder. "
            + "One-page edits: `IncrementalBuilder` in process (what `dossier serve` runs), writes included, each edit undone before the next.")
        lines.append("")
        lines.append("Targets:")
        lines.append("")
        lines += targets()
        lines.append("")
        for m in measurements where m.timedOut == nil {
            lines.append("Stages of one \(m.pages)-page build (`--timings`, warm-up run):")
            lines.append("")
            lines.append("```")
            lines.append(m.stageTimings)
            lines.append("```")
            lines.append("")
            if let incremental = m.incremental {
                lines.append("In process, \(m.pages) pages: full build \(Format.seconds(incremental.full)); body edits "
                    + (incremental.times["body edit"] ?? []).map { Format.ms($0) }.joined(separator: ", ") + " (pages re-rendered: "
                    + incremental.rerendered.map(String.init).joined(separator: ", ") + "); body edit per stage: "
                    + incremental.stages.map { "\($0.0) \(Format.ms($0.1))" }.joined(separator: ", ") + ".")
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func table(_ m: SizeMeasurement) -> [String] {
        var lines = ["**\(m.pages) pages** (\(Format.mb(m.markdownBytes)) MB of Markdown; output \(m.outputFolders) folders, \(m.outputFiles) files, "
            + "\(Format.mb(m.outputBytes)) MB)", ""]
        if let limit = m.timedOut {
            return lines + ["dossier did not finish within \(Int(limit)) s.", ""]
        }
        lines.append("| | wall (median) | CPU user+sys (median) | peak RSS |")
        lines.append("|---|---:|---:|---:|")
        let wall = Statistics.median(m.dossier.map(\.wall))
        let cpu = Statistics.median(m.dossier.map(\.cpu))
        let peak = m.dossier.map(\.peakRSSBytes).max() ?? 0
        lines.append("| dossier | \(spread(m.dossier.map(\.wall))) | \(Format.seconds(cpu)) | \(Format.mb(peak)) MB |")
        if let hugo = m.hugo, !hugo.isEmpty {
            let hugoWall = Statistics.median(hugo.map(\.wall))
            let hugoCPU = Statistics.median(hugo.map(\.cpu))
            let hugoPeak = hugo.map(\.peakRSSBytes).max() ?? 0
            lines.append("| \(m.hugoVersion) | \(spread(hugo.map(\.wall))) | \(Format.seconds(hugoCPU)) | \(Format.mb(hugoPeak)) MB |")
            lines.append("| dossier ÷ Hugo | **\(Format.times(wall / hugoWall))** | **\(Format.times(cpu / hugoCPU))** | \(Format.times(Double(peak) / Double(hugoPeak))) |")
        } else {
            lines.append("| Hugo | not installed | | |")
        }
        let part = { (timings: [Timing]) in Format.seconds(Statistics.median(timings.map(\.cpu))) }
        lines.append("| floor (cmark-gfm \(part(m.cmark)) + read \(part(m.read)) + write \(part(m.write)) CPU) | \(Format.seconds(m.floorWall)) | \(Format.seconds(m.floorCPU)) | |")
        lines.append("| dossier ÷ floor | \(Format.times(wall / m.floorWall)) | **\(Format.times(cpu / m.floorCPU))** | |")
        if let incremental = m.incremental {
            lines.append("")
            lines.append("| one-page edit (median) | " + IncrementalBench.kinds.joined(separator: " | ") + " |")
            lines.append("|---|" + IncrementalBench.kinds.map { _ in "---:" }.joined(separator: "|") + "|")
            lines.append("| \(m.pages) pages | " + IncrementalBench.kinds.map { kind in
                let times = incremental.times[kind] ?? []
                return "\(Format.ms(Statistics.median(times))) (\(times.count))"
            }.joined(separator: " | ") + " |")
        }
        lines.append("")
        return lines
    }

    private func targets() -> [String] {
        guard let large = measurements.max(by: { $0.pages < $1.pages }) else { return [] }
        if let limit = large.timedOut {
            return ["- NOT met: the \(large.pages)-page build did not finish within \(Int(limit)) s, so no target can be checked at that size"]
        }
        var lines: [String] = []
        let wall = Statistics.median(large.dossier.map(\.wall))
        let cpu = Statistics.median(large.dossier.map(\.cpu))
        if let hugo = large.hugo, !hugo.isEmpty {
            let cpuRatio = cpu / Statistics.median(hugo.map(\.cpu))
            let wallRatio = wall / Statistics.median(hugo.map(\.wall))
            lines.append(check(cpuRatio <= 0.2 && wallRatio <= 0.2, "full build of \(large.pages) pages ≤ 0.2× Hugo: \(Format.times(cpuRatio)) CPU, \(Format.times(wallRatio)) wall"))
        } else {
            lines.append("- not checked: Hugo is not installed (`apt-get install hugo`)")
        }
        lines.append(check(cpu / large.floorCPU <= 1.5, "full build of \(large.pages) pages ≤ 1.5× the floor in CPU: \(Format.times(cpu / large.floorCPU))"))
        let peak = large.dossier.map(\.peakRSSBytes).max() ?? 0
        lines.append(check(peak <= 200 * 1_048_576, "peak memory ≤ 200 MB at \(large.pages) pages: \(Format.mb(peak)) MB"))
        if let incremental = large.incremental {
            for kind in IncrementalBench.kinds {
                let median = Statistics.median(incremental.times[kind] ?? [])
                lines.append(check(median <= 0.05, "one-page \(kind) ≤ 50 ms at \(large.pages) pages: \(Format.ms(median))"))
            }
        }
        if let small = measurements.min(by: { $0.pages < $1.pages }), small.pages < large.pages, small.timedOut == nil {
            let growth = wall / Statistics.median(small.dossier.map(\.wall))
            let allowed = Double(large.pages) / Double(small.pages)
            lines.append(check(growth <= allowed, "growth \(small.pages) → \(large.pages) pages ≤ \(String(format: "%.0f", allowed))× by wall time: \(String(format: "%.1f", growth))×"))
        }
        return lines
    }

    private func spread(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max(), values.count > 1 else { return values.first.map(Format.seconds) ?? "—" }
        return "\(Format.seconds(Statistics.median(values))) (\(values.count) runs: \(String(format: "%.2f–%.2f", low, high)))"
    }

    private func check(_ met: Bool, _ text: String) -> String {
        "- \(met ? "met" : "NOT met"): \(text)"
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped to a log).
func say(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
