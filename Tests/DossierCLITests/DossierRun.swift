import Foundation

/// The `dossier` executable run as a user runs it, awaited without holding a thread of the concurrency
/// pool: the suite shares that pool (two threads on a two-core machine), and a test blocked on a child
/// process would keep every other test, and the servers some of them drive, from being scheduled.
final class DossierRun: @unchecked Sendable {
    // Unchecked: `process` is only started, signalled and waited for; the files are read after its exit.
    let process: Process
    private let outputPath: String
    private let errorsPath: String

    /// Starts `dossier arguments…` in `folder`; standard output and error go to files, so neither can
    /// fill up and stall the child while nobody reads it.
    init(_ arguments: [String], in folder: String) throws {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-run-\(UUID().uuidString)").path
        outputPath = logs + ".out"
        errorsPath = logs + ".err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: ExitStatusTests.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
        try process.run()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorsPath)
    }

    /// Runs to the end and returns the finished run.
    static func run(_ arguments: [String], in folder: String) async throws -> DossierRun {
        let run = try DossierRun(arguments, in: folder)
        await run.exit()
        return run
    }

    /// Waits for the process to end, on a thread of its own.
    func exit() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread { [process] in
                process.waitUntilExit()
                done.resume()
            }.start()
        }
    }

    /// Sends `signal` as soon as `condition` holds, watching from a thread of its own (a test task can
    /// wait long for the pool, and the moment would pass); false when the process ended first.
    func send(_ signal: Int32, when condition: @escaping @Sendable () -> Bool) async -> Bool {
        await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            Thread { [process] in
                while process.isRunning, !condition() { usleep(500) }
                guard process.isRunning else { return done.resume(returning: false) }
                kill(process.processIdentifier, signal)
                done.resume(returning: true)
            }.start()
        }
    }

    /// The exit status (after `exit()`).
    var status: Int32 { process.terminationStatus }
    /// Whether it exited rather than died of a signal (after `exit()`).
    var exited: Bool { process.terminationReason == .exit }
    /// Standard output so far.
    var output: String { Self.read(outputPath) }
    /// Standard error so far.
    var errors: String { Self.read(errorsPath) }
    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// The lines of standard error that report an error.
    var errorLines: [String] { errors.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init) }
}
