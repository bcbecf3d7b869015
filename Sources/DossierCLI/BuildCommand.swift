import ArgumentParser
import DossierCore
import Foundation
import SiteBuild

/// `dossier build`: builds the site and replaces the output folder only on success.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (atomically; a failed build changes nothing)."
    )

    @OptionGroup var location: SiteLocationOptions

    @Flag(name: .long, help: "Print only warnings and errors.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let start = ContinuousClock.now
        TemporaryOutput.removeOnSignals()
        let result = SiteBuilder(options: location.buildOptions).buildAndWrite()
        Self.keepUntilExit(result)
        DiagnosticPrinter.print(result.diagnostics)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            DiagnosticPrinter.printSummary(errors: errors, warnings: result.diagnostics.count - errors)
            throw ExitCode(1)
        }
        if timings {
            for (stage, duration) in result.timings {
                print(String(format: "%8.1f ms  %@", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15, stage))
            }
        }
        if !quiet {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            print("built \(result.pageCount) pages (\(result.fileCount) files) into \(location.output)/ in \(String(format: "%.0f", milliseconds)) ms")
        }
    }

    /// Freeing the site graph of a 10,000-page site took a quarter of a second after the site was
    /// written, just before the process ends: the result is left for the system to reclaim.
    private static func keepUntilExit(_ result: BuildResult) {
        _ = Unmanaged.passRetained(KeptResult(result))
    }
}

/// A build result held until the process exits (see `BuildCommand.keepUntilExit`).
private final class KeptResult {
    let result: BuildResult
    init(_ result: BuildResult) { self.result = result }
}
