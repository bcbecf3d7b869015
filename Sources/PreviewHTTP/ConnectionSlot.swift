import Foundation

/// What the server knows of one connection: whether it is waiting for a request head, since when,
/// and whether it was told to make room for a newcomer.
///
/// A full table evicts the connection that has waited longest for a head (see `HTTPServer.register`).
final class ConnectionSlot: @unchecked Sendable {
    // Unchecked: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    private var waitingSince: ContinuousClock.Instant?
    private var evicted = false

    /// Called when the connection starts reading a head (new, or kept alive between requests).
    func beginWaiting(at instant: ContinuousClock.Instant) {
        lock.withLock { waitingSince = instant }
    }

    /// Called once a whole head has arrived: the connection is busy, and no longer evictable.
    func endWaiting() {
        lock.withLock { waitingSince = nil }
    }

    /// Since when the connection has waited for a head, nil when busy or already evicted.
    var evictableSince: ContinuousClock.Instant? {
        lock.withLock { evicted ? nil : waitingSince }
    }

    /// Whether the server asked this connection to give up its place.
    var isEvicted: Bool {
        lock.withLock { evicted }
    }

    /// Asks the connection to end at its next tick; true if it was still waiting for a head.
    func evictIfWaiting() -> Bool {
        lock.withLock {
            guard !evicted, waitingSince != nil else { return false }
            evicted = true
            return true
        }
    }
}
