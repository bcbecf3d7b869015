import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two dossier processes from writing one output folder at once. A build holds `.site.lock`
/// (beside the output) with flock(2) while it writes, and puts its process id in it for the message the
/// other one gets. The kernel lets go of the lock when its process ends, however it ends, so a lock file
/// a killed build left behind is simply taken over.
final class OutputLock {
    /// The lock file.
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock of the output folder `name` in `parent`, or refuses (naming the holder) when another
    /// process holds it. `directory` is the output as the user named it, for messages.
    static func acquire(parent: String, name: String, directory: String) throws(DiagnosticError) -> OutputLock {
        let path = parent + "/" + TemporaryOutput.lockName(for: name)
        // A holder finishing removes the file; one opened just before that is stale, so open again.
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw failure("cannot create the lock file '\(path)' beside the output folder: \(SystemError.reason(errno))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                let holder = readHolder(descriptor)
                close(descriptor)
                guard code == EWOULDBLOCK else { throw failure("cannot lock '\(path)': \(SystemError.reason(code))") }
                let who = holder.map { "another dossier process (process id \($0))" } ?? "another dossier process"
                throw failure("output folder '\(directory)' is being written by \(who); wait until it has finished, or build into another --output")
            }
            var opened = stat()
            var named = stat()
            guard fstat(descriptor, &opened) == 0, stat(path, &named) == 0,
                  opened.st_ino == named.st_ino, opened.st_dev == named.st_dev else {
                close(descriptor)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            TemporaryOutput.register(path)
            return OutputLock(path: path, descriptor: descriptor)
        }
        throw failure("cannot lock '\(path)': it keeps being replaced; is another program removing it?")
    }

    /// Removes the file, then lets go of the lock (in that order, so nobody can hold a lock on a file
    /// that is gone without noticing: they check the name still leads to what they locked).
    func release() {
        TemporaryOutput.unregister(path)
        unlink(path)
        close(descriptor)
    }

    /// The process id written in a lock file, if it holds one.
    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(message, at: nil))
    }
}
