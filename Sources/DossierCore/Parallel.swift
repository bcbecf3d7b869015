import Foundation

/// Independent pieces of work spread over the cores, with results kept in index order so the
/// outcome never depends on the thread count.
public enum Parallel {
    /// `transform(index)` for every index of `0..<count` on up to `jobs` threads (0: one per core).
    public static func map<Value>(count: Int, jobs: Int = 0, _ transform: @Sendable (Int) -> Value) -> [Value] {
        let slots = ResultSlots<Value>(count: count)
        let workers = max(1, jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount)
        // A few chunks per worker: even load without a lock round-trip per item.
        let chunk = max(1, (count + workers * 4 - 1) / (workers * 4))
        let chunkCount = (count + chunk - 1) / chunk
        withoutActuallyEscaping(transform) { transform in
            let work: @Sendable (Int) -> Void = { chunkIndex in
                for index in (chunkIndex * chunk)..<min(count, (chunkIndex + 1) * chunk) {
                    slots.set(index, transform(index))
                }
            }
            if workers == 1 {
                for chunkIndex in 0..<chunkCount { work(chunkIndex) }
            } else {
                DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
            }
        }
        return slots.values.compactMap { $0 }
    }
}

/// Fixed slots that worker threads fill, one slot per index.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    public init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    public var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
