import DossierCore
import Foundation
import SiteBuild
import SiteFixtures
import Testing

/// Golden sites in `Tests/Fixtures/sites`, each built and compared byte for byte with its `expected/`
/// tree: a whole site in `<name>/content`, or one feature as `<name>.case` over the base site.
/// Re-record with `DOSSIER_RECORD=1 swift test --filter GoldenSiteTests` (a recording run fails, so it
/// cannot pass unnoticed), then read the diff.
@Suite struct GoldenSiteTests {
    static let folder = "sites"

    @Test(arguments: Fixtures.cases(in: folder))
    func siteMatchesExpected(name: String) throws {
        let caseDirectory = Fixtures.root.appendingPathComponent("sites/\(name)").path
        let builder = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: caseDirectory))
        try compare(builder.build(), name: name)
    }

    @Test(arguments: SiteCase.names(in: folder))
    func featureSiteMatchesExpected(name: String) throws {
        try compare(Fixtures.build(SiteCase.load(name, in: Self.folder)), name: name)
    }

    @Test func everyFeatureSiteHasAnExpectedTree() {
        let names = SiteCase.names(in: Self.folder)
        #expect(names.count >= 3)
        for name in names {
            #expect(!Fixtures.tree(at: Fixtures.root.appendingPathComponent("sites/\(name)/expected").path).isEmpty, "\(name)")
        }
    }

    private func compare(_ result: BuildResult, name: String) throws {
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let expectedDirectory = Fixtures.root.appendingPathComponent("sites/\(name)/expected").path
        if Fixtures.isRecording {
            try Fixtures.record(result.files, into: expectedDirectory)
            Issue.record("recorded \(expectedDirectory): review the diff, then run again without DOSSIER_RECORD")
            return
        }
        let expected = Fixtures.tree(at: expectedDirectory)
        let actual = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        #expect(actual.keys.sorted() == expected.keys.sorted(), "\(name)")
        for (path, bytes) in actual.sorted(by: { $0.key < $1.key }) where expected[path] != nil && expected[path] != bytes {
            Issue.record("\(name)/\(path) differs from expected:\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
