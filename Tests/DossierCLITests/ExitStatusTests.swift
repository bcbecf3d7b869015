import Foundation
import Testing

/// The `dossier` executable on every invalid fixture, as CI would run it: exit status 1, the expected
/// `path:line:col: error:` lines on standard error, and the previous output folder untouched.
@Suite struct ExitStatusTests {
    static let fixtures = CommandTests.projectRoot + "/Tests/Fixtures/sites-invalid"

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
    }

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
        let caseDirectory = Self.fixtures + "/" + name
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch + "/site", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Data("previous".utf8).write(to: URL(fileURLWithPath: scratch + "/site/index.html"))

        let manager = FileManager.default
        var templates = "templates"
        if !manager.fileExists(atPath: caseDirectory + "/templates"), !manager.fileExists(atPath: caseDirectory + "/no-templates") {
            templates = CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"
        }
        let run = try await DossierRun.run(
            ["build", "--content", "content", "--templates", templates, "--output", scratch + "/site", "--quiet"], in: caseDirectory
        )

        #expect(run.exited)
        #expect(run.status == 1)
        let expected = try String(contentsOfFile: caseDirectory + "/expected-error.txt", encoding: .utf8)
        #expect(run.errorLines == expected.split(separator: "\n").map(String.init))
        #expect(try manager.contentsOfDirectory(atPath: scratch + "/site") == ["index.html"])
        #expect(try String(contentsOfFile: scratch + "/site/index.html", encoding: .utf8) == "previous")
        #expect(try manager.contentsOfDirectory(atPath: scratch) == ["site"])
    }
}
