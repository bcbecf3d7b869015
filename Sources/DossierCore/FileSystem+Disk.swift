import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FileSystem {
    /// The real file system. Only ordinary files are read (a named pipe would block and a device never
    /// end), and names that are not UTF-8 are reported rather than silently mangled.
    public static let disk = FileSystem(
        readFile: { path in try DiskReader.read(path) },
        listDirectory: { path in try DiskReader.list(path) },
        kind: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return info.st_mode & S_IFMT == S_IFDIR ? .directory : .file
        },
        resolveLinks: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    )
}

extension FileSystem {
    /// The real file system with relative paths taken from `root` (diagnostics keep the relative paths).
    public static func disk(root: String) -> FileSystem {
        let base = root.hasSuffix("/") ? root : root + "/"
        let absolute: @Sendable (String) -> String = { $0.hasPrefix("/") ? $0 : base + $0 }
        let disk = FileSystem.disk
        return FileSystem(
            readFile: { path in
                do { return try disk.readFile(absolute(path)) } catch let error as FileSystemError {
                    throw FileSystemError(path: path, reason: error.reason)
                }
            },
            listDirectory: { path in
                do { return try disk.listDirectory(absolute(path)) } catch let error as FileSystemError {
                    throw FileSystemError(path: path, reason: error.reason)
                }
            },
            kind: { disk.kind(absolute($0)) },
            resolveLinks: { disk.resolveLinks?(absolute($0)) }
        )
    }

    /// This file system, refusing to read or list anything under one of `roots` whose real path (links
    /// resolved) is outside that root: a link to `/etc/passwd` in `content/` would otherwise be published.
    /// Links that stay inside their root are followed as usual.
    public func confined(to roots: [String]) -> FileSystem {
        guard let resolve = resolveLinks else { return self }
        let roots = roots.map { (given: Path.normalize($0), real: resolve(Path.normalize($0))) }
        let check: @Sendable (String) throws -> Void = { path in
            let lexical = Path.normalize(path)
            guard let root = roots.first(where: { lexical == $0.given || lexical.hasPrefix($0.given + "/") || $0.given.isEmpty }),
                  let rootReal = root.real, let real = resolve(lexical) else { return }
            guard real != rootReal, !real.hasPrefix(rootReal == "/" ? "/" : rootReal + "/") else { return }
            throw FileSystemError(
                path: path,
                reason: "leads outside the '\(root.given)' folder through a symlink: dossier publishes only files inside the project, so copy the file in instead of linking to it"
            )
        }
        let inner = self
        return FileSystem(
            readFile: { path in
                try check(path)
                return try inner.readFile(path)
            },
            listDirectory: { path in
                try check(path)
                return try inner.listDirectory(path)
            },
            kind: inner.kind,
            resolveLinks: resolve
        )
    }
}

extension Diagnostic {
    /// A file that could not be read or listed, located at the file, said once.
    public static func unreadable(_ error: any Error, at path: String) -> Diagnostic {
        let reason = (error as? FileSystemError)?.reason ?? "\(error)"
        return .error(reason, at: SourceLocation(path: path, line: 1, column: 1))
    }
}

/// Reads files and folders with plain system calls, saying in words why one cannot be read.
public enum DiskReader {
    static func read(_ path: String) throws -> [UInt8] {
        // Non-blocking, so opening a named pipe returns at once instead of waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: cannotOpen(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError(path: path, reason: "cannot be read: \(SystemError.reason(errno))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileSystemError(path: path, reason: "is a folder, not a file")
        case S_IFIFO: throw FileSystemError(path: path, reason: "is a named pipe (FIFO), not a file: dossier reads only ordinary files; remove it")
        case S_IFCHR, S_IFBLK: throw FileSystemError(path: path, reason: "is a device, not a file: dossier reads only ordinary files; remove it")
        default: throw FileSystemError(path: path, reason: "is not an ordinary file (a socket?): dossier reads only ordinary files; remove it")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 64 * 1024)) }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR || errno == EAGAIN { continue }
            guard got >= 0 else { throw FileSystemError(path: path, reason: "cannot be read: \(SystemError.reason(errno))") }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    private static func cannotOpen(_ code: Int32) -> String {
        switch code {
        case ENOENT: "cannot be read: it is missing, or a symlink to a missing file"
        case ELOOP: "cannot be read: it is a symlink loop (it points back to itself)"
        case EACCES, EPERM: "cannot be read: permission denied (check its permissions)"
        default: "cannot be read: \(SystemError.reason(code))"
        }
    }

    static func list(_ path: String) throws -> [String] {
        guard let folder = opendir(path) else { throw FileSystemError(path: path, reason: "cannot list folder: \(SystemError.reason(errno))") }
        closedir(folder)
        var names: [String] = []
        for raw in Self.names(in: Array(path.utf8CString)) {
            guard let name = String(validating: raw, as: UTF8.self) else {
                let shown = String(decoding: raw, as: UTF8.self)
                throw FileSystemError(path: path, reason: "holds a file whose name is not UTF-8 ('\(shown)'): rename it (web addresses need UTF-8 names)")
            }
            names.append(name)
        }
        return names
    }

    /// The raw names inside a folder, without `.` and `..` (none when it cannot be listed).
    public static func names(in path: [CChar]) -> [[UInt8]] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var children: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { children.append(name) }
        }
        return children
    }
}
