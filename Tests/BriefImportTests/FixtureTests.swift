import BriefImport
import Foundation
import Testing

/// Golden fixtures: `Tests/Fixtures/briefs/<case>/input.txt` (+ optional `sidecar.yml`) → `expected.txt`.
/// Run with `DOSSIER_RECORD=1` to re-record the expected dumps.
@Suite struct FixtureTests {
    static let root = "Tests/Fixtures/briefs"
    static let cases = TestFiles.folders(in: root)

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let folder = "\(Self.root)/\(name)"
        var sidecar: BriefSidecar?
        if TestFiles.exists("\(folder)/sidecar.yml") {
            // Through the decoder the build uses; its own findings (a bad pattern) are the importer's input too.
            sidecar = BriefSidecar.decode(TestFiles.text("\(folder)/sidecar.yml"), path: "content/briefs/\(name).yml").sidecar
            #expect(sidecar != nil, "\(folder)/sidecar.yml does not parse")
        }
        let result = BriefImporter.analyze(
            text: TestFiles.text("\(folder)/input.txt"), slug: name,
            sourcePath: "content/briefs/\(name).txt", sidecar: sidecar
        )
        let actual = BriefDump.dump(result)
        let expectedURL = TestFiles.packageRoot.appendingPathComponent("\(folder)/expected.txt")
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = TestFiles.text("\(folder)/expected.txt")
        #expect(actual == expected, "fixture \(name) differs; re-record with DOSSIER_RECORD=1 after checking")
    }
}
