@testable import PreviewServer

/// Drains a watcher's stream in the background so tests can wait for batches with a timeout.
final class BatchCollector: Sendable {
    private let storage = Storage()
    private let task: Task<Void, Never>

    private actor Storage {
        var batches: [[FileChange]] = []
        func append(_ batch: [FileChange]) { batches.append(batch) }
        func takeFirst() -> [FileChange]? { batches.isEmpty ? nil : batches.removeFirst() }
    }

    init(_ stream: AsyncStream<[FileChange]>) {
        task = Task { [storage] in
            for await batch in stream {
                await storage.append(batch)
            }
        }
    }

    /// The next batch not yet taken, waiting up to `timeout`; nil when none came.
    func next(timeout: Duration = Waiting.hangGuard) async -> [FileChange]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let batch = await storage.takeFirst() { return batch }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Stops watching.
    func stop() {
        task.cancel()
    }
}
