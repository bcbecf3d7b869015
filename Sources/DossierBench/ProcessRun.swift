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

    /// Runs `executable` with `arguments` through `dossier-bench measure` and returns what that saw.
    ///
    /// Linux counts in a child's `ru_maxrss` the memory of the process it was spawned from (at exec the
    /// old address space's peak is kept, and a spawned child starts in its parent's), so a build
    /// spawned from this process, which may hold hundreds of megabytes, would report at least that.
    /// The small `measure` process spawns the build and reports the build's own figures.
    static func spawn(_ executable: String, _ arguments: [String], log: String, timeout: Double = 0) throws -> ProcessRun {
        let result = NSTemporaryDirectory() + "/dossier-bench-measure-\(getpid())-\(UUID().uuidString)"
        defer { unlink(result) }
        let measure = ["measure", "--result", result, "--log", log, "--timeout", String(timeout), "--", executable] + arguments
        let outer = try spawnDirect(selfPath(), measure, log: log)
        guard let text = try? String(contentsOfFile: result, encoding: .utf8), let run = ProcessRun(line: text) else {
            throw SpawnError(description: "cannot run \(executable) (dossier-bench measure exited with \(outer.exitCode); see \(log))")
        }
        return run
    }

    /// This executable, for spawning `measure`.
    private static func selfPath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    /// The line `measure` writes: wall, CPU, exit code, peak RSS in bytes, timed out (0 or 1).
    var line: String { "\(wall) \(cpu) \(exitCode) \(peakRSSBytes) \(timedOut ? 1 : 0)\n" }

    /// Runs `executable` with `arguments`, stdout and stderr appended to `log`; waits with wait4(2) for
    /// `ru_maxrss` (kilobytes on Linux). A watchdog kills the child after `timeout` seconds.
    static func spawnDirect(_ executable: String, _ arguments: [String], log: String, timeout: Double = 0) throws -> ProcessRun {
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

extension ProcessRun {
    /// Reads the line `measure` writes (in an extension, so the memberwise initializer stays).
    init?(line: String) {
        let fields = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 5, let wall = Double(fields[0]), let cpu = Double(fields[1]), let code = Int32(fields[2]),
              let peak = Int(fields[3]) else { return nil }
        self.init(wall: wall, cpu: cpu, exitCode: code, peakRSSBytes: peak, timedOut: fields[4] == "1")
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
