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
