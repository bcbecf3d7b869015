import Foundation

/// One test site: a shared base site with one case file's changes laid over it (see
/// `Tests/Fixtures/README.md` for the case format). Built in memory, or written to disk when a
/// case needs what memory cannot hold (symlinks) or a real process runs on it.
public struct SiteCase: Sendable {
    /// The case's name (its file name without `.case`).
    public var name: String
    /// The free text before the first section: what the case checks.
    public var summary: String
    /// Every file of the site, by relative path (`content/…`, `templates/…`).
    public var files: [String: [UInt8]]
    /// Symbolic links: path → target, exactly as written.
    public var links: [String: String]
    /// The exit status `dossier build` must end with, when the case names one.
    public var expectedExit: Int32?
    /// The error lines the build must report (each ending in a newline), when the case names them.
    public var expectedErrors: String?

    /// Whether the case must be written to disk to be built (memory holds no symlinks).
    public var needsDisk: Bool { !links.isEmpty }

    /// Writes the site under `directory` (created if missing).
    public func write(to directory: String) throws {
        let manager = FileManager.default
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        for (path, target) in links {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
    }
}

extension SiteCase {
    /// `Tests/Fixtures`.
    public static let fixturesRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The shared base: `Tests/Fixtures/base-site/content` as `content/`, the minimal templates as `templates/`.
    public static func baseFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (prefix, folder) in [("content/", "base-site/content"), ("templates/", "templates-minimal")] {
            for (relative, bytes) in try FolderTree.read(fixturesRoot.appendingPathComponent(folder).path) {
                files[prefix + relative] = bytes
            }
        }
        return files
    }

    /// The base site alone.
    public static func base() throws -> SiteCase {
        SiteCase(name: "base", summary: "", files: try baseFiles(), links: [:])
    }

    /// The names of the `.case` files in a folder of `Tests/Fixtures`, sorted.
    public static func names(in folder: String) -> [String] {
        let path = fixturesRoot.appendingPathComponent(folder).path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.filter { $0.hasSuffix(".case") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Reads `Tests/Fixtures/<folder>/<name>.case` over the base site.
    public static func load(_ name: String, in folder: String) throws -> SiteCase {
        let path = fixturesRoot.appendingPathComponent(folder).appendingPathComponent(name + ".case").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CaseFormatError(file: path, line: 0, reason: "cannot be read")
        }
        return try CaseArchive.parse([UInt8](data), name: name, file: path).apply(to: baseFiles())
    }
}

/// A case file that does not follow the format.
public struct CaseFormatError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Reading every file under a folder.
enum FolderTree {
    static func read(_ directory: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + relative
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = manager.contents(atPath: path) else {
                throw CaseFormatError(file: path, line: 0, reason: "cannot be read")
            }
            files[relative] = [UInt8](data)
        }
        return files
    }
}
