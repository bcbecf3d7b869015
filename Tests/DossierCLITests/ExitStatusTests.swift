import Foundation
import SiteFixtures
import Testing

/// The `dossier` executable on every invalid fixture (`Tests/Fixtures/sites-invalid/*.case` over the
/// base site, written to a temporary folder), as CI would run it: the case's exit status, its
/// `path:line:col: error:` lines on standard error, and the previous output folder untouched.
@Suite struct ExitStatusTests {
    static let cases = SiteCase.names(in: "sites-invalid")

    /// The executable built beside the test bundle (`swift build --build-tests` builds both).
    static var executable: String {
        let besideTests = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return CommandTests.projectRoot + "/.build/debug/dossier"
    }

    @Test func everyInvalidFixtureIsCovered() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func buildExitsWithStatusOneAndTheExpectedErrors(name: String) async throws {
        let site = try SiteCase.load(name, in: "sites-invalid")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exit-\(UUID().uuidString)").path
        let caseDirectory = scratch + "/case"
        try site.write(to: caseDirectory)
        try FileManager.default.createDirectory(atPath: scratch + "/site", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Data("previous".utf8).write(to: URL(fileURLWithPath: scratch + "/site/index.html"))

        let manager = FileManager.default
        let run = try await DossierRun.run(
            ["build", "--content", "content", "--templates", "templates", "--output", scratch + "/site", "--quiet"], in: caseDirectory
        )

        #expect(run.exited)
        #expect(run.status == site.expectedExit)
        let expected = try #require(site.expectedErrors)
        #expect(run.errorLines == expected.split(separator: "\n").map(String.init))
        #expect(try manager.contentsOfDirectory(atPath: scratch + "/site") == ["index.html"])
        #expect(try String(contentsOfFile: scratch + "/site/index.html", encoding: .utf8) == "previous")
        #expect(try manager.contentsOfDirectory(atPath: scratch).sorted() == ["case", "site"])
    }
}
