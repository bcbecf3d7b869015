import Foundation
import PreviewHTTP

/// Holds the build status and fans build events out to every open event stream.
///
/// A lock rather than an actor: event streams are read by blocking connection threads.
final class LiveReloadHub: @unchecked Sendable {
    // Unchecked: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    private var currentStatus: BuildStatus = .ok
    private var subscriptions: [Int: EventSubscription] = [:]
    private var nextID = 0
    private var isFinished = false

    /// The outcome of the last rebuild, rendered into pages loaded while it is failing.
    var status: BuildStatus {
        lock.withLock { currentStatus }
    }

    /// How many event streams are open (tests wait on this before triggering a build).
    var subscriberCount: Int {
        lock.withLock { subscriptions.count }
    }

    /// Opens a stream of Server-Sent Events bytes; it starts with a comment so clients know it is live.
    func subscribe() -> EventSubscription {
        lock.withLock {
            nextID += 1
            let subscription = EventSubscription(id: nextID, hub: self)
            guard !isFinished else {
                subscription.finish()
                return subscription
            }
            subscription.deliver(Array("retry: 1000\n: connected\n\n".utf8))
            subscriptions[nextID] = subscription
            return subscription
        }
    }

    /// Forgets a stream whose connection is gone.
    func unsubscribe(_ id: Int) {
        lock.withLock { subscriptions.removeValue(forKey: id) }?.finish()
    }

    /// Records a rebuild's outcome and tells open pages: `reload` on success, `error` with diagnostics on failure.
    func publish(_ outcome: RebuildOutcome) {
        let event: [UInt8]
        switch outcome {
        case .success:
            event = Self.event("reload", data: "reload")
        case .failure(let diagnostics):
            event = Self.event("error", data: LiveReload.errorEventData(for: diagnostics))
        }
        lock.withLock {
            currentStatus = BuildStatus(outcome)
            broadcast(event)
        }
    }

    /// Sends a comment line so idle connections stay open and dead ones are noticed.
    func sendKeepAlive() {
        lock.withLock { broadcast(Array(": keep-alive\n\n".utf8)) }
    }

    /// Ends every stream, and any opened later (the server is stopping).
    func finishAll() {
        let ended = lock.withLock {
            isFinished = true
            defer { subscriptions.removeAll() }
            return subscriptions.values
        }
        for subscription in ended {
            subscription.finish()
        }
    }

    private func broadcast(_ bytes: [UInt8]) {
        for subscription in subscriptions.values {
            subscription.deliver(bytes)
        }
    }

    /// One event in the `text/event-stream` format; every data line gets its own `data:` prefix.
    private static func event(_ name: String, data: String) -> [UInt8] {
        var text = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        text += "\n"
        return Array(text.utf8)
    }
}

/// One open `/_dossier/events` response: the hub delivers, the connection thread waits and writes.
final class EventSubscription: HTTPBodyStream, @unchecked Sendable {
    // Unchecked: `pending` and `isFinished` are guarded by `condition`.
    private let id: Int
    private weak var hub: LiveReloadHub?
    private let condition = NSCondition()
    private var pending: [[UInt8]] = []
    private var isFinished = false

    /// Events a client has not yet taken; beyond this a slow client loses the oldest, never holds anyone up.
    static let bufferLimit = 32

    fileprivate init(id: Int, hub: LiveReloadHub) {
        self.id = id
        self.hub = hub
    }

    fileprivate func deliver(_ bytes: [UInt8]) {
        condition.withLock {
            guard !isFinished else { return }
            pending.append(bytes)
            if pending.count > Self.bufferLimit { pending.removeFirst() }
            condition.signal()
        }
    }

    fileprivate func finish() {
        condition.withLock {
            isFinished = true
            condition.signal()
        }
    }

    func nextChunk() -> [UInt8]? {
        condition.withLock {
            while pending.isEmpty, !isFinished {
                condition.wait()
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }
    }

    func close() {
        hub?.unsubscribe(id)
        finish()
    }
}
