import Foundation

/// Work started on another thread now and collected later with `wait()`, so a stage that needs only
/// earlier results runs beside the next one instead of after it.
public final class BackgroundTask<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    /// Starts `work` at once on a global queue.
    public init(_ work: @escaping () -> Value) {
        let box = UncheckedBox(work)
        DispatchQueue.global().async {
            self.value = box.value()
            self.done.signal()
        }
    }

    /// The work's result, waiting for it if needed; call once.
    public func wait() -> Value {
        done.wait()
        guard let value else { preconditionFailure("BackgroundTask finished without a value") }
        return value
    }
}

/// Carries a value the compiler cannot prove Sendable across one hand-over to another thread.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
