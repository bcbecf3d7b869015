import DossierCore
import Foundation
import SiteBuild
import Testing

/// Builds each `Tests/Fixtures/sites/<case>` and compares with its `expected/` folder
/// (re-record with `DOSSIER_RECORD=1 swift test`).
@Suite struct GoldenSiteTests {
    @Test(arguments: Fixtures.cases(in: "sites"))
    func siteMatchesExpected(name: String) throws {
        let caseDirectory = Fixtures.root.appendingPathComponent("sites/\(name)").path
        let builder = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: caseDirectory))
        let result = builder.build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let expectedDirectory = caseDirectory + "/expected"
        if Fixtures.isRecording {
            try Fixtures.record(result.files, into: expectedDirectory)
            return
        }
        let expected = Fixtures.tree(at: expectedDirectory)
        let actual = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        #expect(Set(actual.keys) == Set(expected.keys))
        for (path, bytes) in actual.sorted(by: { $0.key < $1.key }) where expected[path] != bytes {
            Issue.record("\(name)/\(path) differs from expected:\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}

/// Each `Tests/Fixtures/sites-invalid/<case>` must fail with exactly the diagnostics in `expected-error.txt`,
/// and must leave an existing output folder untouched.
@Suite struct InvalidSiteTests {
    @Test(arguments: Fixtures.cases(in: "sites-invalid"))
    func siteFailsWithExpectedDiagnostics(name: String) throws {
        let caseDirectory = Fixtures.root.appendingPathComponent("sites-invalid/\(name)").path
        let builder = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: caseDirectory))
        let result = builder.build()
        #expect(!result.succeeded)
        let actual = result.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") + "\n"
        let expectedPath = caseDirectory + "/expected-error.txt"
        if Fixtures.isRecording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: expectedPath))
            return
        }
        let expected = (try? String(contentsOfFile: expectedPath, encoding: .utf8)) ?? "(missing expected-error.txt)"
        #expect(actual == expected)
    }

    @Test(arguments: Fixtures.cases(in: "sites-invalid"))
    func failedBuildLeavesPreviousSiteIntact(name: String) throws {
        let caseDirectory = Fixtures.root.appendingPathComponent("sites-invalid/\(name)").path
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let output = scratch + "/site"
        let previous = [OutputFile(path: "index.html", bytes: Array("previous".utf8)), OutputFile(path: "a/b.html", bytes: [1, 2, 3])]
        try SiteWriter(directory: output).write(previous)
        let options = Fixtures.options(caseDirectory: caseDirectory, output: output)
        let result = SiteBuilder(options: options, fileSystem: .disk(root: caseDirectory)).buildAndWrite()
        #expect(!result.succeeded)
        #expect(Fixtures.tree(at: output) == Dictionary(uniqueKeysWithValues: previous.map { ($0.path, $0.bytes) }))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }
}
