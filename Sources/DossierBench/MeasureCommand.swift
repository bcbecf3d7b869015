import ArgumentParser
import Foundation

/// `dossier-bench measure -- COMMAND…`: runs one command and writes its wall time, CPU time, exit code
/// and peak memory to a file. The other subcommands time builds through it so that the peak memory
/// is the build's own (see `ProcessRun.spawn`).
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Run one command and write its times and peak memory (used by the other subcommands).",
        shouldDisplay: false
    )

    @Option(help: "File to write the figures to.") var result: String
    @Option(help: "File the command's output is appended to.") var log: String
    @Option(help: "Seconds before the command is killed (0: never).") var timeout: Double = 0
    @Argument(parsing: .postTerminator, help: "The command and its arguments.") var command: [String]

    func run() throws {
        guard let executable = command.first else { throw ValidationError("give the command after --") }
        let run = try ProcessRun.spawnDirect(executable, Array(command.dropFirst()), log: log, timeout: timeout)
        try run.line.write(toFile: result, atomically: true, encoding: .utf8)
    }
}
