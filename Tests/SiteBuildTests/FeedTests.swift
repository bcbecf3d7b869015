import DossierCore
import Foundation
import SiteBuild
import Testing

/// Atom feeds list the newest commentary, as many entries as `feed_entries` allows.
@Suite struct FeedTests {
    private let fixture = Fixtures.root.appendingPathComponent("sites/basic").path

    /// Builds a copy of the basic fixture with extra lines appended to its `site.yml`.
    private func build(siteSettings extra: String) throws -> BuildResult {
        let directory = try Fixtures.temporaryDirectory() + "/site-case"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        try FileManager.default.copyItem(atPath: fixture, toPath: directory)
        let settings = URL(fileURLWithPath: directory + "/content/site.yml")
        try (try String(contentsOf: settings, encoding: .utf8) + extra).write(to: settings, atomically: true, encoding: .utf8)
        return SiteBuilder(options: Fixtures.options(caseDirectory: directory), fileSystem: .disk(root: directory)).build()
    }

    private func entryTitles(_ result: BuildResult, _ path: String) -> [String] {
        guard let file = result.files.first(where: { $0.path == path }) else { return [] }
        let text = String(decoding: file.bytes, as: UTF8.self)
        return text.components(separatedBy: "<entry>\n    <title>").dropFirst().compactMap { $0.components(separatedBy: "</title>").first }
    }

    @Test func feedsListEveryPieceUpToTheDefault() throws {
        let result = try build(siteSettings: "")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(entryTitles(result, "feed.xml").count == 2)
    }

    @Test func feedEntriesKeepsTheNewestPieces() throws {
        let result = try build(siteSettings: "feed_entries: 1\n")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let all = try build(siteSettings: "")
        let newest = try #require(entryTitles(all, "feed.xml").first)
        #expect(entryTitles(result, "feed.xml") == [newest])
        let feed = String(decoding: result.files.first { $0.path == "feed.xml" }?.bytes ?? [], as: UTF8.self)
        #expect(feed.contains("<updated>2024-12-01T00:00:00Z</updated>"))
        for topicFeed in result.files.map(\.path) where topicFeed.hasPrefix("topics/") && topicFeed.hasSuffix("/feed.xml") {
            #expect(entryTitles(result, topicFeed).count <= 1, "\(topicFeed)")
        }
    }

    @Test(arguments: [
        ("feed_entries: 0\n", "content/site.yml:6:15: error: 'feed_entries' must be at least 1, found 0"),
        ("feed_entries: many\n", "content/site.yml:6:15: error: 'feed_entries' must be a whole number"),
    ])
    func aFeedLengthThatIsNotAPositiveNumberIsAnError(line: String, expected: String) throws {
        let result = try build(siteSettings: line)
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix(expected) }, "\(result.diagnostics.map(\.description))")
    }
}
