import Foundation
import Testing

/// `check --strict` on a site without base_url: the warning is shown once and the check passes;
/// any other warning still fails it.
@Suite struct StrictBaseURLTests {
    private func check(_ files: [String: String]) async throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-strict-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try await DossierProcess.run(["check", "--strict", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"], in: folder)
    }

    @Test func missingBaseURLAloneDoesNotFailStrict() async throws {
        let site = [
            "content/site.yml": "title: Anywhere\ndescription: A site hosted at any address.\n",
            "content/index.md": "---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n",
        ]
        let passing = try await check(site)
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.components(separatedBy: "no base URL").count == 2)
        var withTypo = site
        withTypo["content/pages/about.md"] = "---\ntitle: About\nsummary: S\ndescripton: x\n---\nText.\n"
        #expect(try await check(withTypo).status == 1)
    }
}

/// A character XML forbids in site.yml's title is left out of the feeds and located by `check` where
/// the file writes it.
@Suite struct SiteSettingsXMLCharacterTests {
    @Test func checkLocatesTheCharacterInSiteYml() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-xmlchar-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        let settings = "description: A site.\ntitle: \"Water \\x01 policy\"\nbase_url: https://example.org/\n"
        try Data(settings.utf8).write(to: URL(fileURLWithPath: folder + "/content/site.yml"))
        try Data("---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n".utf8).write(to: URL(fileURLWithPath: folder + "/content/index.md"))
        let run = try await DossierProcess.run(["check", "--strict", "--templates", CommandTests.projectRoot + "/Tests/Fixtures/templates-minimal"], in: folder)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init).filter { $0.contains("XML") }
        #expect(lines == [
            "content/site.yml:2:15: warning: the title holds a character XML does not allow (U+0001); feeds leave it out: remove it from the source",
        ])
    }
}
