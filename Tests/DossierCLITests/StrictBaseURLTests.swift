import Foundation
import Testing

/// `check --strict` on a site without base_url: the warning is shown once and the check passes;
/// any other warning still fails it.
@Suite struct StrictBaseURLTests {
    private func check(_ files: [String: String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-strict-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try DossierProcess.run(["check", "--strict", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"], in: folder)
    }

    @Test func missingBaseURLAloneDoesNotFailStrict() throws {
        let site = [
            "content/site.yml": "title: Anywhere\ndescription: A site hosted at any address.\n",
            "content/index.md": "---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n",
        ]
        let passing = try check(site)
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.components(separatedBy: "no base URL").count == 2)
        var withTypo = site
        withTypo["content/pages/about.md"] = "---\ntitle: About\nsummary: S\ndescripton: x\n---\nText.\n"
        #expect(try check(withTypo).status == 1)
    }
}
