import DossierCore
import Foundation
import SiteBuild
import SiteFixtures
import Testing

/// Each `Tests/Fixtures/sites-invalid/<case>.case` (the base site with that case's changes) must fail
/// with exactly its expected error lines, and must leave an existing output folder untouched.
@Suite struct InvalidSiteTests {
    static let folder = "sites-invalid"

    @Test func everyCaseExpectsErrors() throws {
        let names = SiteCase.names(in: Self.folder)
        #expect(names.count >= 60)
        for name in names {
            let site = try SiteCase.load(name, in: Self.folder)
            #expect(site.expectedErrors?.isEmpty == false && site.expectedExit == 1, "\(name)")
        }
    }

    /// A case written as a folder would never run: every entry must be a `.case` file.
    @Test func everyEntryIsACaseFile() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: SiteCase.fixturesRoot.appendingPathComponent(Self.folder).path)
        for entry in entries where !entry.hasSuffix(".case") {
            Issue.record("sites-invalid/\(entry) is not a .case file: write it as one (Tests/Fixtures/README.md)")
        }
    }

    @Test(arguments: SiteCase.names(in: folder))
    func siteFailsWithExpectedDiagnostics(name: String) throws {
        let site = try SiteCase.load(name, in: Self.folder)
        let result = try Fixtures.build(site)
        #expect(!result.succeeded)
        let actual = result.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") + "\n"
        #expect(actual == site.expectedErrors)
    }

    @Test(arguments: SiteCase.names(in: folder))
    func failedBuildLeavesPreviousSiteIntact(name: String) throws {
        let site = try SiteCase.load(name, in: Self.folder)
        let scratch = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let output = scratch + "/site"
        let previous = [OutputFile(path: "index.html", bytes: Array("previous".utf8)), OutputFile(path: "a/b.html", bytes: [1, 2, 3])]
        try SiteWriter(directory: output).write(previous)
        let result = try Fixtures.build(site, writingTo: output)
        #expect(!result.succeeded)
        #expect(Fixtures.tree(at: output) == Dictionary(uniqueKeysWithValues: previous.map { ($0.path, $0.bytes) }))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["site"])
    }
}
