import DossierCore
import Foundation
import SiteBuild
import Testing

/// The route table decides what a build writes, so links are checked against exactly what is written.
@Suite struct RouteTableTests {
    /// A small site in memory: one topic and a commentary piece linking to `link`.
    private func build(baseURL: String?, link: String) throws -> BuildResult {
        var files = try Fixtures.inMemoryTemplates()
        files["content/site.yml"] = "title: T\n" + (baseURL.map { "base_url: \($0)\n" } ?? "")
        files["content/topics/harbours.md"] = "---\ntitle: Harbours\nsummary: Ports.\n---\nText.\n"
        files["content/commentary/note.md"] = "---\ntitle: Note\ndate: 2024-01-01\ntopics: [harbours]\n---\nSee [this](\(link)).\n"
        let options = BuildOptions(templatesDirectory: "templates", jobs: 1)
        return SiteBuilder(options: options, fileSystem: .inMemory(files)).build()
    }

    private func errors(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aLinkToATopicFeedPassesWhenTheFeedIsWritten() throws {
        let result = try build(baseURL: "https://example.org/", link: "/topics/harbours/feed.xml")
        #expect(errors(result) == [])
        #expect(result.files.contains { $0.path == "topics/harbours/feed.xml" })
        let page = String(decoding: result.files.first { $0.path == "commentary/note/index.html" }?.bytes ?? [], as: UTF8.self)
        #expect(page.contains("href=\"../../topics/harbours/feed.xml\""))
    }

    @Test func aLinkToTheFeedFailsWhenNoFeedIsWritten() throws {
        let result = try build(baseURL: nil, link: "/feed.xml")
        #expect(errors(result) == [
            "content/commentary/note.md:6:5: error: link '/feed.xml' points to 'feed.xml', which the site does not contain",
        ])
        let written = try build(baseURL: nil, link: "/search-index.js")
        #expect(errors(written) == [])
        #expect(!written.files.contains { $0.path == "feed.xml" })
    }

    @Test(arguments: [nil, "https://example.org/sub/"])
    func aBuildWritesExactlyTheTablesFiles(baseURL: String?) throws {
        let result = try build(baseURL: baseURL, link: "/topics/harbours/")
        #expect(errors(result) == [])
        let table = try #require(result.graph?.routes)
        #expect(result.files.map(\.path) == (table.pages + table.files).map(\.outputPath).sorted())
    }
}
