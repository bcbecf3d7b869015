/// How tests wait: for an event, with a bound far beyond any machine's load that only stops a hang.
/// No test decides pass or fail by how long something took.
///
/// Why so far: the whole suite shares one concurrency pool as wide as the machine has cores (two here),
/// and tests that compute or wait for a child process hold its threads; a full run under load has kept
/// a waiting test from being scheduled for over three minutes. A waiter therefore looks for its event
/// before it looks at the clock, and the bound is longer than a whole suite run.
enum Waiting {
    /// The hang guard for one awaited event.
    static let hangGuard = Duration.seconds(300)

    /// Why a wait gave up.
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    /// Returns once `condition` holds; throws (naming `what`) if it still does not after `timeout`.
    static func until(
        _ what: String, timeout: Duration = hangGuard, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "gave up after \(timeout) waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Runs `steps` one after the other as one burst of edits and returns the longest gap between two
    /// of them. A watcher may rightly report a burst in two parts when a gap reached its debounce (a
    /// test thread held off the CPU that long), so tests judge a burst only when every gap was shorter.
    static func burst(_ steps: [() throws -> Void]) throws -> Duration {
        var longest = Duration.zero
        var last = ContinuousClock.now
        for step in steps {
            try step()
            let now = ContinuousClock.now
            longest = max(longest, now - last)
            last = now
        }
        return longest
    }
}
