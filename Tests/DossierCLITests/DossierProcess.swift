import Foundation

/// The built `dossier` run as a user runs it, in a folder of the test's, with its output (standard
/// output, then standard error) and exit status; awaited off the concurrency pool (see `DossierRun`).
enum DossierProcess {
    static func run(_ arguments: [String], in folder: String) async throws -> (status: Int32, output: String) {
        let run = try await DossierRun.run(arguments, in: folder)
        return (run.status, run.output + run.errors)
    }
}
