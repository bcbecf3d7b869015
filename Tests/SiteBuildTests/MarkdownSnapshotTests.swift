import DossierCore
import Foundation
import SiteFixtures
import Testing

/// Each `Tests/Fixtures/markdown/**/<name>.md` is a commentary piece added to the base site (so wiki
/// links and citations resolve against its topic, brief and note); its rendered body must equal
/// `<name>.html` byte for byte. Pieces under `raw-html-allowed/` are built with `allow_raw_html: true`.
/// Re-record with `DOSSIER_RECORD=1 swift test --filter MarkdownSnapshotTests` (a recording run fails,
/// so it cannot pass unnoticed), then read the diff.
@Suite struct MarkdownSnapshotTests {
    static let folder = SiteCase.fixturesRoot.appendingPathComponent("markdown").path

    /// Input paths relative to the folder, sorted.
    static var inputs: [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func everyFeatureHasASnapshot() {
        #expect(Self.inputs.count >= 8)
        for input in Self.inputs {
            #expect(FileManager.default.fileExists(atPath: Self.folder + "/" + input.dropLast(3) + ".html"), "\(input)")
        }
    }

    @Test(arguments: inputs)
    func bodyMatchesSnapshot(input: String) throws {
        let source = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        let slug = String((input as NSString).lastPathComponent.dropLast(3))
        var site = try SiteCase.base()
        site.files["content/commentary/\(slug).md"] = [UInt8](source)
        if input.hasPrefix("raw-html-allowed/") {
            site.files["content/site.yml", default: []] += Array("allow_raw_html: true\n".utf8)
        }
        let result = try Fixtures.build(site)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let body = try #require(result.graph?.bodies[RouteTable.document(.commentary, slug: slug)])
        let snapshotPath = Self.folder + "/" + input.dropLast(3) + ".html"
        if Fixtures.isRecording {
            try Data(body.html.utf8).write(to: URL(fileURLWithPath: snapshotPath))
            Issue.record("recorded \(snapshotPath): review the diff, then run again without DOSSIER_RECORD")
            return
        }
        let expected = FileManager.default.contents(atPath: snapshotPath).map { String(decoding: $0, as: UTF8.self) }
        #expect(body.html == expected, "\(input): run with DOSSIER_RECORD=1 to re-record, then read the diff")
    }
}
