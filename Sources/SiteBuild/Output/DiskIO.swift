import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few system calls the site writer needs, on raw paths, with failures said in plain words.
enum DiskIO {
    /// Creates `path` and writes `bytes` into it; the `errno` of the first failure, or nil.
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return errno }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        // A full disk may only show when the data is flushed at close.
        if close(descriptor) != 0, failure == nil, errno != EINTR { return errno }
        return failure
    }

    /// Whether `path` is a plain file (not a link) holding exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < existing.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return existing == bytes
    }

    /// What `path` is, without following a final link; nil when nothing is there.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Creates every missing folder of `relative` below `root` (which exists); the `errno` of a failure, or nil.
    static func makeFolders(_ relative: String, in root: String) -> Int32? {
        guard !relative.isEmpty else { return nil }
        let components = relative.split(separator: "/")
        func folder(_ depth: Int) -> String { root + "/" + components[..<depth].joined(separator: "/") }
        // Parents are usually there already: try the deepest folder first and walk up only past missing ones,
        // so a page folder costs one `mkdir`, not one per level.
        var depth = components.count
        while depth > 0 {
            if mkdir(folder(depth), 0o755) == 0 || errno == EEXIST { break }
            guard errno == ENOENT else { return errno }
            depth -= 1
        }
        if depth == 0 { return ENOENT }
        var next = depth + 1
        while next <= components.count {
            if mkdir(folder(next), 0o755) != 0, errno != EEXIST { return errno }
            next += 1
        }
        return nil
    }

    /// Deletes a folder tree without following links, children first; a plain walk with `unlink` is an
    /// order of magnitude faster than `FileManager.removeItem` on the 10,000-file folders of a large site.
    static func removeTree(_ path: String) {
        removeTree(bytes: Array(path.utf8))
    }

    /// Works on raw bytes so names that are not UTF-8 are removed too.
    private static func removeTree(bytes path: [UInt8]) {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(cPath)
            return
        }
        for name in names(in: cPath) { removeTree(bytes: path + [UInt8(ascii: "/")] + name) }
        rmdir(cPath)
    }

    /// The raw names inside a folder, without `.` and `..` (none when it cannot be listed).
    static func names(in path: [CChar]) -> [[UInt8]] { DiskReader.names(in: path) }

    /// The real path of `path`, resolving links; for a path that does not exist yet, its nearest
    /// existing ancestor is resolved and the rest appended.
    static func realPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let last = (existing as NSString).lastPathComponent
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return Path.normalize(absolute) }
            if last != "." { rest.append(last) }
            existing = parent
        }
    }

    /// A system error in plain words (see `SystemError`).
    static func reason(_ code: Int32) -> String { SystemError.reason(code) }
}
