#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// The built site on disk, looked up so that nothing outside its root is ever read.
struct SiteDirectory: Sendable {
    /// The site folder as configured (it may be replaced by a rename at any time).
    var root: String

    /// What a request path names in the site.
    enum Lookup: Hashable, Sendable {
        /// A file, read in full, with the path it was read from (for its content type).
        case file(path: String, bytes: [UInt8])
        /// A folder asked for without its trailing slash.
        case folderWithoutSlash
        /// Nothing there.
        case notFound
        /// Something there whose resolved path leaves the site root.
        case forbidden
    }

    /// Resolves and reads a path; a second attempt covers a site swapped mid-read.
    func lookup(_ path: RequestPath) -> Lookup {
        let first = attemptLookup(path)
        guard first == .notFound else { return first }
        return attemptLookup(path)
    }

    private func attemptLookup(_ path: RequestPath) -> Lookup {
        guard let rootReal = Self.realPath(root) else { return .notFound }
        let candidate = ([rootReal] + path.segments).joined(separator: "/")
        guard let resolved = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(resolved, root: rootReal) else { return .forbidden }
        switch Self.kind(of: resolved) {
        case .directory:
            guard path.hasTrailingSlash || path.segments.isEmpty else { return .folderWithoutSlash }
            guard let index = Self.realPath(resolved + "/index.html") else { return .notFound }
            guard Self.isInside(index, root: rootReal) else { return .forbidden }
            return Self.readFile(index)
        case .regular:
            return path.hasTrailingSlash ? .notFound : Self.readFile(resolved)
        case .other:
            return .notFound
        }
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case regular, directory, other }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Reads the whole file through one descriptor, so the answer is one consistent version.
    private static func readFile(_ path: String) -> Lookup {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .notFound }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .notFound }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .file(path: path, bytes: bytes)
    }
}
