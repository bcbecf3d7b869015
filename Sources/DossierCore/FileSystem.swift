import Foundation

/// What a path names in a file system.
public enum FileKind: Sendable, Hashable {
    case file
    case directory
}

/// The file-system reads the pipeline needs, injected so tests run in memory.
public struct FileSystem: Sendable {
    /// Reads a whole file's bytes.
    public var readFile: @Sendable (_ path: String) throws -> [UInt8]
    /// Lists the names directly inside a directory (any order; callers sort).
    public var listDirectory: @Sendable (_ path: String) throws -> [String]
    /// What the path names, following symlinks; nil when nothing is there.
    public var kind: @Sendable (_ path: String) -> FileKind?
    /// The absolute path with every symlink resolved (nil when it cannot be resolved); nil for a file
    /// system without links (in memory).
    public var resolveLinks: (@Sendable (_ path: String) -> String?)?

    /// Creates a file system from its operations.
    public init(
        readFile: @escaping @Sendable (String) throws -> [UInt8],
        listDirectory: @escaping @Sendable (String) throws -> [String],
        kind: @escaping @Sendable (String) -> FileKind?,
        resolveLinks: (@Sendable (String) -> String?)? = nil
    ) {
        self.readFile = readFile
        self.listDirectory = listDirectory
        self.kind = kind
        self.resolveLinks = resolveLinks
    }
}

extension FileSystem {
    /// A source file's text (see `SourceText.decode`), or nil after adding a diagnostic at the file
    /// when it cannot be read or is not UTF-8 text.
    public func readText(_ path: String, diagnostics: inout [Diagnostic]) -> String? {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            // The location names the file already; the message need not repeat it.
            var message = String(describing: error)
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        switch SourceText.decode(bytes, path: path) {
        case .success(let text): return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}

/// Why a file-system operation failed, in words fit for a diagnostic.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    /// The path that failed.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an error for a path.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension FileSystem {
    /// A file system over a dictionary of path → contents; directories are implied by paths.
    public static func inMemory(_ files: [String: String]) -> FileSystem {
        inMemory(bytes: files.mapValues { Array($0.utf8) })
    }

    /// A file system over a dictionary of path → bytes; directories are implied by paths.
    public static func inMemory(bytes files: [String: [UInt8]]) -> FileSystem {
        let normalized = Dictionary(uniqueKeysWithValues: files.map { (Path.normalize($0.key), $0.value) })
        var directories: Set<String> = [""]
        for path in normalized.keys {
            var parent = Path.parent(of: path)
            while !parent.isEmpty, directories.insert(parent).inserted {
                parent = Path.parent(of: parent)
            }
        }
        let dirs = directories
        return FileSystem(
            readFile: { path in
                guard let bytes = normalized[Path.normalize(path)] else {
                    throw FileSystemError(path: path, reason: "no such file")
                }
                return bytes
            },
            listDirectory: { path in
                let dir = Path.normalize(path)
                guard dirs.contains(dir) else { throw FileSystemError(path: path, reason: "no such directory") }
                let children = normalized.keys.map { $0 } + dirs.filter { !$0.isEmpty }
                return Array(Set(children.compactMap { child -> String? in
                    guard Path.parent(of: child) == dir else { return nil }
                    return Path.lastComponent(of: child)
                }))
            },
            kind: { path in
                let key = Path.normalize(path)
                if normalized[key] != nil { return .file }
                return dirs.contains(key) ? .directory : nil
            }
        )
    }
}
