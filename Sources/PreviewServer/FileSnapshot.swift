import DossierCore
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// The state of every file under some folders at one moment, enough to tell what changed.
struct FileSnapshot: Equatable, Sendable {
    /// What identifies one version of a path: a change to any field is a modification.
    struct Fingerprint: Equatable, Sendable {
        var isDirectory: Bool
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// Path → fingerprint for every file and folder found.
    var entries: [String: Fingerprint] = [:]

    /// Scans folders recursively; missing folders are simply empty (they may appear later).
    static func scan(_ directories: [String]) -> FileSnapshot {
        var snapshot = FileSnapshot()
        for directory in directories {
            snapshot.collect(directory, depth: 0)
        }
        return snapshot
    }

    /// The paths added, modified or deleted going from `self` to `newer`, sorted.
    func changes(to newer: FileSnapshot) -> [FileChange] {
        var result: [FileChange] = []
        for (path, fingerprint) in newer.entries {
            guard let old = entries[path] else {
                result.append(FileChange(path: path, kind: .added))
                continue
            }
            // A folder's own times change whenever its entries do; those entries are reported instead.
            let changed = old.isDirectory && fingerprint.isDirectory ? false : old != fingerprint
            if changed {
                result.append(FileChange(path: path, kind: .modified))
            }
        }
        for path in entries.keys where newer.entries[path] == nil {
            result.append(FileChange(path: path, kind: .deleted))
        }
        return result.sorted()
    }

    private mutating func collect(_ directory: String, depth: Int) {
        // Symlinked folders are not followed, so a loop cannot make the scan endless; depth is a backstop.
        guard depth < 64, let names = Self.names(in: directory) else { return }
        for name in names where !IgnoredFiles.contains(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            if isLink {
                // A link to a file counts as that file; a dangling link counts as itself.
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFDIR {
                    info = target
                }
            }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            entries[path] = Fingerprint(
                isDirectory: isDirectory,
                inode: UInt64(info.st_ino),
                size: Int64(info.st_size),
                modifiedSeconds: Int(Self.modificationTime(of: info).tv_sec),
                modifiedNanoseconds: Int(Self.modificationTime(of: info).tv_nsec)
            )
            if isDirectory, !isLink {
                collect(path, depth: depth + 1)
            }
        }
    }

    private static func modificationTime(of info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_mtimespec
        #else
        info.st_mtim
        #endif
    }

    private static func names(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." {
                names.append(name)
            }
        }
        return names
    }
}
