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
        let caseDirectory = Self.directory(name)
        let builder = SiteBuilder(options: Fixtures.options(caseDirectory: caseDirectory), fileSystem: .disk(root: caseDirectory))
        try compare(builder.build(), name: name)
    }

    /// `base.case` is the base site alone, with its whole output in `base/expected/`. Every other feature
    /// site keeps in `<name>/expected/` only the files its feature changes or adds, and lists in
    /// `<name>/unchanged.txt` the files equal to the base site's; both are compared byte for byte.
    @Test(arguments: SiteCase.names(in: folder))
    func featureSiteMatchesExpected(name: String) throws {
        let result = try Fixtures.build(SiteCase.load(name, in: Self.folder))
        guard name != "base" else { return try compare(result, name: name) }
        let base = Fixtures.isRecording
            ? Dictionary(uniqueKeysWithValues: try Fixtures.build(SiteCase.load("base", in: Self.folder)).files.map { ($0.path, $0.bytes) })
            : Fixtures.tree(at: Self.directory("base") + "/expected")
        try compare(result, name: name, base: base)
    }

    @Test func everyFeatureSiteHasAnExpectedTree() {
        let names = SiteCase.names(in: Self.folder)
        #expect(names.contains("base") && names.count >= 4)
        for name in names {
            #expect(!Fixtures.tree(at: Self.directory(name) + "/expected").isEmpty, "\(name)")
        }
    }

    static func directory(_ name: String) -> String { Fixtures.root.appendingPathComponent("sites/\(name)").path }

    /// Compares a build with `<name>/expected/`, and with `base` for the paths in `<name>/unchanged.txt`.
    private func compare(_ result: BuildResult, name: String, base: [String: [UInt8]]? = nil) throws {
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let expectedDirectory = Self.directory(name) + "/expected"
        let unchangedList = Self.directory(name) + "/unchanged.txt"
        if Fixtures.isRecording {
            let unchanged = result.files.filter { base?[$0.path] == $0.bytes }
            try Fixtures.record(result.files.filter { base?[$0.path] != $0.bytes }, into: expectedDirectory)
            if base != nil { try Data(unchanged.map { $0.path + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: unchangedList)) }
            Issue.record("recorded \(expectedDirectory): review the diff, then run again without DOSSIER_RECORD")
            return
        }
        var expected = Fixtures.tree(at: expectedDirectory)
        if let base {
            let listed = (try? String(contentsOfFile: unchangedList, encoding: .utf8)) ?? ""
            for path in listed.split(separator: "\n").map(String.init) {
                #expect(expected[path] == nil && base[path] != nil, "\(name)/unchanged.txt: '\(path)' is in expected/ too, or not in the base output")
                expected[path] = base[path]
            }
        }
        let actual = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        #expect(actual.keys.sorted() == expected.keys.sorted(), "\(name)")
        for (path, bytes) in actual.sorted(by: { $0.key < $1.key }) where expected[path] != nil && expected[path] != bytes {
            Issue.record("\(name)/\(path) differs from expected:\n\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
