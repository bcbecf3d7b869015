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

/// The `make bench` table and the issue's targets.
struct Report {
    var measurements: [SizeMeasurement]
    var machine: String

    func markdown() -> String {
        var lines: [String] = []
        lines.append("Machine: \(machine)")
        lines.append("")
        lines.append("| pages | Markdown | full build (median wall) | CPU user+sys (median) | pages/s | MB/s | peak RSS | cmark-gfm alone (median) | build / cmark | incremental, one edit (median) |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for m in measurements {
            if let limit = m.timedOut {
                lines.append("| \(m.pages) | \(Format.mb(m.markdownBytes)) MB | > \(Int(limit)) s (timed out) | | < \(Format.rate(Double(m.pages) / limit)) | | ≥ \(Format.mb(m.peakRSSBytes)) MB | | | |")
                continue
            }
            let build = Statistics.median(m.builds)
            let cmark = Statistics.median(m.cmark)
            let megabytes = Double(m.markdownBytes) / 1_048_576
            lines.append("| \(m.pages) | \(Format.mb(m.markdownBytes)) MB | \(Format.seconds(build)) (\(m.builds.count) runs) | \(Format.seconds(Statistics.median(m.buildCPU))) | \(Format.rate(Double(m.pages) / build)) | "
                + "\(String(format: "%.2f", megabytes / build)) | \(Format.mb(m.peakRSSBytes)) MB | \(Format.ms(cmark)) (\(m.cmark.count) runs) | "
                + "\(Format.ratio(build / cmark)) | \(Format.ms(Statistics.median(m.incremental))) (\(m.incremental.count) edits) |")
        }
        lines.append("")
        lines.append("Full build: `dossier build --quiet` as a subprocess, wall time from spawn to exit, CPU time and peak RSS from wait4's rusage; peak RSS is the largest `ru_maxrss` (wait4) over the runs. "
            + "cmark-gfm alone: parse + render to HTML of every Markdown body (front matter stripped, same extensions and options, no wiki links) on one thread. "
            + "Incremental: `IncrementalBuilder` in process, editing one commentary page and rebuilding (writes included).")
        lines.append("")
        lines.append("Targets:")
        lines.append("")
        if let large = measurements.max(by: { $0.pages < $1.pages }), let limit = large.timedOut {
            lines.append("- NOT met: the \(large.pages)-page build did not finish within \(Int(limit)) s, so no target can be checked at that size")
        } else if let large = measurements.max(by: { $0.pages < $1.pages }) {
            let ratio = Statistics.median(large.builds) / Statistics.median(large.cmark)
            let cpuRatio = Statistics.median(large.buildCPU) / Statistics.median(large.cmarkCPU)
            lines.append(check(ratio <= 1.5, "full build of \(large.pages) pages ≤ 1.5× cmark-gfm alone: \(Format.ratio(ratio)) by wall time (\(Format.ratio(cpuRatio)) by CPU time)"))
            lines.append(check(large.peakRSSBytes <= 300 * 1_048_576, "peak memory ≤ 300 MB at \(large.pages) pages: \(Format.mb(large.peakRSSBytes)) MB"))
            let incremental = Statistics.median(large.incremental)
            lines.append(check(incremental <= 0.05, "incremental rebuild after one edit ≤ 50 ms at \(large.pages) pages: \(Format.ms(incremental))"))
            if let small = measurements.min(by: { $0.pages < $1.pages }), small.pages < large.pages {
                let growth = Statistics.median(large.builds) / Statistics.median(small.builds)
                let allowed = 1.1 * Double(large.pages) / Double(small.pages)
                lines.append(check(growth <= allowed, "growth \(small.pages) → \(large.pages) pages ≤ \(String(format: "%.1f", allowed))×: \(String(format: "%.1f", growth))×"))
            }
        }
        lines.append("")
        for m in measurements where m.timedOut == nil {
            lines.append("Stages of one \(m.pages)-page build (`--timings`, warm-up run):")
            lines.append("")
            lines.append("```")
            lines.append(m.stageTimings)
            lines.append("```")
            lines.append("")
            lines.append("In-process full build (IncrementalBuilder, first rebuild): \(Format.seconds(m.incrementalFull)); one-page edits: "
                + m.incremental.map { Format.ms($0) }.joined(separator: ", ") + "; pages re-rendered per edit: "
                + m.rerenderedPerEdit.map(String.init).joined(separator: ", ") + ".")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func check(_ met: Bool, _ text: String) -> String {
        "- \(met ? "met" : "NOT met"): \(text)"
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped to a log).
func say(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
