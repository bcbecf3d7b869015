import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One child process, timed from spawn to exit, with its peak memory as the kernel counted it.
struct ProcessRun {
    var wall: Double
    /// User plus system CPU seconds of the child: steadier than wall time on a shared machine.
    var cpu: Double
    var exitCode: Int32
    var peakRSSBytes: Int
    var timedOut: Bool

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with `arguments`, stdout and stderr appended to `log`; waits with wait4(2) for
    /// `ru_maxrss` (kilobytes on Linux). A watchdog kills the child after `timeout` seconds.
    static func spawn(_ executable: String, _ arguments: [String], log: String, timeout: Double = 0) throws -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { throw SpawnError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))") }

        let finished = Atomic()
        let killed = Atomic()
        if timeout > 0 {
            let child = pid
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if !finished.value {
                    killed.value = true
                    kill(child, SIGKILL)
                }
            }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        finished.value = true
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = status & 0x7f == 0
        let code: Int32 = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ProcessRun(wall: wall, cpu: cpu, exitCode: code, peakRSSBytes: Int(usage.ru_maxrss) * 1024, timedOut: killed.value)
    }
}

/// A flag shared with the watchdog.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
