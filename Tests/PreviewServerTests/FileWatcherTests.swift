#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import Foundation
import Testing
@testable import PreviewServer

/// The watcher reports each settled burst once, as the net change across it.
@Suite(.timeLimit(.minutes(1)))
struct FileWatcherTests {
    private func makeWatcher(_ fixture: PreviewFixture, debounce: Duration = .milliseconds(60)) -> FileWatcher {
        FileWatcher(directories: [fixture.content], pollInterval: .milliseconds(20), debounce: debounce)
    }

    @Test func reportsAddedModifiedAndDeletedFilesAndNewFolders() async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        try fixture.write("content/keep.md", "one")
        try fixture.write("content/old.md", "old")
        let batches = BatchCollector(makeWatcher(fixture).changes())
        defer { batches.stop() }

        try fixture.write("content/keep.md", "two, longer")
        try FileManager.default.removeItem(atPath: fixture.content + "/old.md")
        try fixture.write("content/topics/new.md", "new")
        let batch = try #require(await batches.next())
        #expect(batch == [
            FileChange(path: fixture.content + "/keep.md", kind: .modified),
            FileChange(path: fixture.content + "/old.md", kind: .deleted),
            FileChange(path: fixture.content + "/topics", kind: .added),
            FileChange(path: fixture.content + "/topics/new.md", kind: .added),
        ])
    }

    @Test func aSaveThroughARenameIsOneModification() async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        try fixture.write("content/page.md", "draft")
        let batches = BatchCollector(makeWatcher(fixture).changes())
        defer { batches.stop() }

        try fixture.write("content/page.md.tmp-4913", "saved")
        try await Task.sleep(for: .milliseconds(30))
        #expect(rename(fixture.content + "/page.md.tmp-4913", fixture.content + "/page.md") == 0)
        let batch = try #require(await batches.next())
        #expect(batch == [FileChange(path: fixture.content + "/page.md", kind: .modified)])
    }

    @Test func aBurstOfSavesIsOneBatch() async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        // A long debounce against 10 ms gaps keeps the burst whole on a loaded machine.
        let batches = BatchCollector(makeWatcher(fixture, debounce: .milliseconds(250)).changes())
        defer { batches.stop() }

        for index in 0..<6 {
            try fixture.write("content/a.md", "version \(index)")
            try fixture.write("content/b-\(index).md", "file \(index)")
            try await Task.sleep(for: .milliseconds(10))
        }
        let batch = try #require(await batches.next())
        #expect(batch.count == 7)
        #expect(batch.allSatisfy { $0.kind == .added })
        #expect(await batches.next(timeout: .milliseconds(400)) == nil)
        try fixture.write("content/a.md", "one more")
        let second = try #require(await batches.next())
        #expect(second == [FileChange(path: fixture.content + "/a.md", kind: .modified)])
    }

    @Test func editorScratchFilesAreIgnored() async throws {
        let fixture = try PreviewFixture.make()
        defer { fixture.remove() }
        let batches = BatchCollector(makeWatcher(fixture).changes())
        defer { batches.stop() }

        try fixture.write("content/.page.md.swp", "swap")
        try fixture.write("content/page.md~", "backup")
        try fixture.write("content/page.md", "real")
        let batch = try #require(await batches.next())
        #expect(batch == [FileChange(path: fixture.content + "/page.md", kind: .added)])
    }
}
