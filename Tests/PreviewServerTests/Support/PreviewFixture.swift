import DossierCore
import Foundation
@testable import PreviewServer

/// A temporary project folder (`site/`, `content/`) for one test, removed by `remove()`.
struct PreviewFixture: Sendable {
    /// The temporary folder.
    let root: String

    var site: String { root + "/site" }
    var content: String { root + "/content" }

    /// Creates an empty project folder with `site/` and `content/`.
    static func make() throws -> PreviewFixture {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-preview-\(UUID().uuidString)").path
        let fixture = PreviewFixture(root: root)
        try FileManager.default.createDirectory(atPath: fixture.site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fixture.content, withIntermediateDirectories: true)
        return fixture
    }

    /// Writes a file below the root, creating folders.
    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Reads a file below the root.
    func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }

    /// Deletes the folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Runs a preview session over this folder on an ephemeral port for the duration of `body`.
    func withSession<T: Sendable>(
        keepAlive: Duration = .seconds(15),
        debounce: Duration = .milliseconds(50),
        rebuild: @escaping @Sendable ([String]) async -> RebuildOutcome = { _ in .success(summary: "ok") },
        _ body: (PreviewSession, UInt16) async throws -> T
    ) async throws -> T {
        let options = PreviewOptions(
            port: 0,
            siteDirectory: site,
            watchedDirectories: [content],
            debounce: debounce,
            pollInterval: .milliseconds(25),
            keepAliveInterval: keepAlive
        )
        let session = PreviewSession(options: options, rebuild: rebuild)
        let task = Task { try await session.run() }
        let port = await session.port
        guard port != 0 else {
            task.cancel()
            throw LoopbackSocketError(description: "the preview never listened")
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(session, port))
        } catch {
            result = .failure(error)
        }
        // Cancelling is the documented way to stop; it must end run() without an error.
        task.cancel()
        try await task.value
        return try result.get()
    }
}

/// A stand-in for SiteBuild: renders `content/title.txt` into `site/index.html`; a title starting with `!` fails.
actor FakeBuilder {
    /// The changed paths of every rebuild so far, in order.
    private(set) var calls: [[String]] = []
    let fixture: PreviewFixture

    init(fixture: PreviewFixture) {
        self.fixture = fixture
    }

    /// The rebuild closure handed to the session.
    nonisolated var rebuild: @Sendable ([String]) async -> RebuildOutcome {
        { [self] paths in await self.build(paths) }
    }

    private func build(_ paths: [String]) -> RebuildOutcome {
        calls.append(paths)
        let title = (try? fixture.read("content/title.txt")).map { String(decoding: $0, as: UTF8.self) } ?? "untitled"
        if title.hasPrefix("!") {
            let location = SourceLocation(path: "content/title.txt", line: 1, column: 2)
            return .failure([.error("unknown topic <\(title.dropFirst())> & more", at: location)])
        }
        do {
            try fixture.write("site/index.html", "<html><body><h1>\(title)</h1></body></html>")
            return .success(summary: "built")
        } catch {
            return .failure([.error("cannot write: \(error)", at: nil)])
        }
    }

    /// Waits until at least `count` rebuilds happened (bounded).
    func waitForCalls(_ count: Int, timeout: Duration = Waiting.hangGuard) async throws {
        let deadline = ContinuousClock.now + timeout
        while calls.count < count {
            guard ContinuousClock.now < deadline else {
                throw LoopbackSocketError(description: "only \(calls.count) rebuilds, expected \(count)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
