import DossierCore
import Foundation
import SiteBuild
import Testing
@testable import PreviewServer

/// The preview with the real incremental builder behind it: edit, save, see.
@Suite(.timeLimit(.minutes(10)))
struct RealBuildPreviewTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func makeProject() throws -> (PreviewFixture, IncrementalBuilder) {
        let fixture = try PreviewFixture.make()
        try FileManager.default.removeItem(atPath: fixture.content)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("sites/basic/content").path, toPath: fixture.content)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("templates-minimal").path, toPath: fixture.root + "/templates")
        let options = BuildOptions(contentDirectory: fixture.content, templatesDirectory: fixture.root + "/templates", outputDirectory: fixture.site)
        return (fixture, IncrementalBuilder(options: options))
    }

    private func rebuild(_ builder: IncrementalBuilder) -> @Sendable ([String]) async -> RebuildOutcome {
        { changed in
            let report = builder.rebuild(changedPaths: changed)
            guard report.result.succeeded else { return .failure(report.result.diagnostics.filter { $0.severity == .error }) }
            return .success(summary: "re-rendered \(report.rerenderedPages.count)")
        }
    }

    private func waitForFirstBuild(_ fixture: PreviewFixture) async throws {
        try await Waiting.until("the first build") { (try? fixture.read("site/index.html")) != nil }
    }

    @Test func anEditReloadsWithTheNewContent() async throws {
        let (fixture, builder) = try makeProject()
        defer { fixture.remove() }
        try await fixture.withSession(rebuild: rebuild(builder)) { session, port in
            try await waitForFirstBuild(fixture)
            let events = try await EventStreamClient.connect(port: port)
            defer { events.close() }
            let path = "content/commentary/later-note.md"
            let old = String(decoding: try fixture.read(path), as: UTF8.self)
            try fixture.write(path, old + "\nA sentence written during the test.\n")
            _ = try await events.next(containing: "event: reload")
            // Under load the reload seen may be an earlier one (the first build's, or a save caught
            // half-written): the edit's own rebuild follows, and the page must show it.
            var page = try await RawHTTP.get("/commentary/later-note/", port: port)
            try await Waiting.until("the page to show the edit") {
                page = try await RawHTTP.get("/commentary/later-note/", port: port)
                return page.text.contains("A sentence written during the test.")
            }
            #expect(page.status == 200)
            #expect(page.text.contains("/_dossier/reload.js"))
            // The script is injected by the server only; the built file never carries it.
            let onDisk = String(decoding: try fixture.read("site/commentary/later-note/index.html"), as: UTF8.self)
            #expect(!onDisk.contains("_dossier"))
            _ = session
        }
    }

    @Test func deletingAReferencedTopicShowsTheErrorUntilItIsBack() async throws {
        let (fixture, builder) = try makeProject()
        defer { fixture.remove() }
        try await fixture.withSession(rebuild: rebuild(builder)) { session, port in
            try await waitForFirstBuild(fixture)
            let events = try await EventStreamClient.connect(port: port)
            defer { events.close() }
            let topic = String(decoding: try fixture.read("content/topics/tariffs.md"), as: UTF8.self)
            try FileManager.default.removeItem(atPath: fixture.content + "/topics/tariffs.md")
            let data = try await events.next(containing: "unknown page")
            #expect(data.contains("content/index.md:4:"))
            let page = try await RawHTTP.get("/topics/tariffs/", port: port)
            #expect(page.status == 200)  // the last good site is still served
            #expect(page.text.contains("dossier-build-errors"))
            try fixture.write("content/topics/tariffs.md", topic)
            _ = try await events.next(containing: "event: reload")
            #expect(await session.status == .ok)
        }
    }
}
