import DossierCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary folders (and the output lock) of builds in progress: removed when the process is
/// interrupted, and swept by the next build when a process died without removing them (SIGKILL, a crash).
public enum TemporaryOutput {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var active: Set<String> = []
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// On SIGINT, SIGTERM or SIGHUP: waits for a swap in progress to finish (so the output is never left
    /// half updated by an interruption), removes the temporary folders, and exits with 128 + the signal.
    public static func removeOnSignals() {
        lock.lock()
        defer { lock.unlock() }
        guard signalSources.isEmpty else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                for path in active { DiskIO.removeTree(path) }
                _exit(128 + number)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    static func register(_ path: String) {
        lock.lock()
        active.insert(path)
        lock.unlock()
    }

    static func unregister(_ path: String) {
        lock.lock()
        active.remove(path)
        lock.unlock()
    }

    /// Runs `body` (a swap into the output) with interruptions held back until it is done.
    static func uninterrupted<Value>(_ body: () throws(DiagnosticError) -> Value) throws(DiagnosticError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The name of a temporary folder beside the output `target` (`.site.tmp-PID-N`), and its kind.
    static func name(for target: String, kind: String, suffix: String) -> String {
        ".\(target).\(kind)-\(suffix)"
    }

    /// The name of the lock file beside the output `target` (`.site.lock`, see `OutputLock`).
    static func lockName(for target: String) -> String {
        ".\(target).lock"
    }

    /// Removes temporary folders beside `target` (in `parent`) left by dossier processes that are gone.
    static func sweep(parent: String, target: String) {
        let prefixes = [".\(target).tmp-", ".\(target).old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, !isAlive(pid) else { continue }
            DiskIO.removeTree(parent + "/" + name)
        }
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

