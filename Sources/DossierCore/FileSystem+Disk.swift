import Foundation

extension FileSystem {
    /// The real file system, through Foundation.
    public static let disk = FileSystem(
        readFile: { path in
            let handle = FileManager.default
            guard let data = handle.contents(atPath: path) else {
                var isDirectory: ObjCBool = false
                if handle.fileExists(atPath: path, isDirectory: &isDirectory) {
                    throw FileSystemError(path: path, reason: isDirectory.boolValue ? "is a folder, not a file" : "cannot be read (check its permissions)")
                }
                throw FileSystemError(path: path, reason: "cannot be read (missing, or a broken or looping symlink)")
            }
            return [UInt8](data)
        },
        listDirectory: { path in
            do {
                return try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw FileSystemError(path: path, reason: "cannot list folder (\(error.localizedDescription))")
            }
        },
        kind: { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            return isDirectory.boolValue ? .directory : .file
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
            kind: { disk.kind(absolute($0)) }
        )
    }
}
