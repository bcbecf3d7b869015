/// Watches folders recursively and reports each burst of changes once, after it settles.
///
/// It polls (modification time, size and inode of every entry) rather than using inotify:
/// the same code runs on Linux and macOS, no thread sits blocked in `read`, and saves through
/// a rename, new folders and deleted folders need no watch bookkeeping.
public struct FileWatcher: Sendable {
    /// The folders watched, recursively; reported paths start with these.
    public var directories: [String]
    /// How often the folders are scanned while nothing is happening.
    public var pollInterval: Duration
    /// How long the folders must stay unchanged before a burst is reported.
    public var debounce: Duration

    /// Creates a watcher; nothing is scanned until `changes()` is iterated.
    public init(directories: [String], pollInterval: Duration = .milliseconds(100), debounce: Duration = .milliseconds(80)) {
        self.directories = directories
        self.pollInterval = pollInterval
        self.debounce = debounce
    }

    /// Batches of changes, each the net difference across one settled burst, until cancelled.
    ///
    /// The baseline is taken when this is called, so edits made right after are not missed.
    /// A temporary file that comes and goes within a burst is not reported.
    public func changes() -> AsyncStream<[FileChange]> {
        let baseline = FileSnapshot.scan(directories)
        let (stream, continuation) = AsyncStream.makeStream(of: [FileChange].self)
        let task = Task { [self] in
            await watch(from: baseline, into: continuation)
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func watch(from baseline: FileSnapshot, into continuation: AsyncStream<[FileChange]>.Continuation) async {
        let clock = ContinuousClock()
        var reported = baseline
        var latest = baseline
        var lastChange: ContinuousClock.Instant?
        var scanCost = Duration.zero
        while !Task.isCancelled {
            // Look more often while a burst is pending so it is reported soon after it settles; on large
            // sites wait at least ten scans' time, so polling stays under a tenth of a core.
            let interval = max(lastChange == nil ? pollInterval : min(pollInterval, debounce / 2), scanCost * 10)
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let scanStart = clock.now
            let current = FileSnapshot.scan(directories)
            scanCost = clock.now - scanStart
            if current != latest {
                latest = current
                lastChange = clock.now
                continue
            }
            guard let changedAt = lastChange, clock.now - changedAt >= debounce else { continue }
            lastChange = nil
            let changes = reported.changes(to: current)
            reported = current
            if !changes.isEmpty {
                continuation.yield(changes)
            }
        }
    }
}
