#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import Foundation
import Testing
@testable import PreviewServer

/// The watcher reports each settled burst once, as the net change across it.
///
/// A burst is judged only when no gap inside it reached the debounce (see `Waiting.burst`); a burst
/// the machine's load stretched that far is tried again on a fresh folder, so load never decides.
@Suite(.timeLimit(.minutes(10)))
struct FileWatcherTests {
    private static let debounce = Duration.milliseconds(500)

    private func makeWatcher(_ fixture: PreviewFixture) -> FileWatcher {
        FileWatcher(directories: [fixture.content], pollInterval: .milliseconds(20), debounce: Self.debounce)
    }

    /// Runs `attempt` on fresh folders until one of its bursts was judged (it returns true).
    private func untilJudged(_ attempt: (PreviewFixture) async throws -> Bool) async throws {
        for _ in 0..<5 {
            let fixture = try PreviewFixture.make()
            defer { fixture.remove() }
            if try await attempt(fixture) { return }
        }
        Issue.record("five bursts in a row were stretched past the debounce by load; none could be judged")
    }

    @Test func reportsAddedModifiedAndDeletedFilesAndNewFolders() async throws {
        try await untilJudged { fixture in
            try fixture.write("content/keep.md", "one")
            try fixture.write("content/old.md", "old")
            let batches = BatchCollector(makeWatcher(fixture).changes())
            defer { batches.stop() }

            let gap = try Waiting.burst([
                { try fixture.write("content/keep.md", "two, longer") },
                { try FileManager.default.removeItem(atPath: fixture.content + "/old.md") },
                { try fixture.write("content/topics/new.md", "new") },
            ])
            let batch = try #require(await batches.next())
            guard gap < Self.debounce else { return false }
            #expect(batch == [
                FileChange(path: fixture.content + "/keep.md", kind: .modified),
                FileChange(path: fixture.content + "/old.md", kind: .deleted),
                FileChange(path: fixture.content + "/topics", kind: .added),
                FileChange(path: fixture.content + "/topics/new.md", kind: .added),
            ])
            return true
        }
    }

    @Test func aSaveThroughARenameIsOneModification() async throws {
        try await untilJudged { fixture in
            try fixture.write("content/page.md", "draft")
            let batches = BatchCollector(makeWatcher(fixture).changes())
            defer { batches.stop() }

            let gap = try Waiting.burst([
                { try fixture.write("content/page.md.tmp-4913", "saved") },
                // Long enough for a scan to see the temporary file, so its coming and going is in the burst.
                { usleep(60_000) },
                { #expect(rename(fixture.content + "/page.md.tmp-4913", fixture.content + "/page.md") == 0) },
            ])
            let batch = try #require(await batches.next())
            guard gap < Self.debounce else { return false }
            #expect(batch == [FileChange(path: fixture.content + "/page.md", kind: .modified)])
            return true
        }
    }

    @Test func aBurstOfSavesIsOneBatch() async throws {
        try await untilJudged { fixture in
            let batches = BatchCollector(makeWatcher(fixture).changes())
            defer { batches.stop() }

            var steps: [() throws -> Void] = []
            for index in 0..<6 {
                steps.append { try fixture.write("content/a.md", "version \(index)") }
                steps.append { try fixture.write("content/b-\(index).md", "file \(index)") }
                steps.append { usleep(10_000) }
            }
            let gap = try Waiting.burst(steps)
            let batch = try #require(await batches.next())
            guard gap < Self.debounce else { return false }
            #expect(batch.count == 7)
            #expect(batch.allSatisfy { $0.kind == .added })
            // Nothing else is pending: a second batch could only come from a burst split in two.
            #expect(await batches.next(timeout: Self.debounce * 3) == nil)
            try fixture.write("content/a.md", "one more")
            let second = try #require(await batches.next())
            #expect(second == [FileChange(path: fixture.content + "/a.md", kind: .modified)])
            return true
        }
    }

    @Test func editorScratchFilesAreIgnored() async throws {
        try await untilJudged { fixture in
            let batches = BatchCollector(makeWatcher(fixture).changes())
            defer { batches.stop() }

            let gap = try Waiting.burst([
                { try fixture.write("content/.page.md.swp", "swap") },
                { try fixture.write("content/page.md~", "backup") },
                { try fixture.write("content/page.md", "real") },
            ])
            let batch = try #require(await batches.next())
            guard gap < Self.debounce else { return false }
            #expect(batch == [FileChange(path: fixture.content + "/page.md", kind: .added)])
            return true
        }
    }
}
