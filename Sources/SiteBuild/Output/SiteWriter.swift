import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole site into a temporary sibling folder and swaps it into place only when every file is written,
/// so a failed build leaves the previous output byte for byte as it was.
public struct SiteWriter: Sendable {
    /// The output folder.
    public var directory: String

    /// Creates a writer for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `files` and swaps them in; on failure nothing changes and no temporary folder is left.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) {
        try write { (staging: inout Staging) throws(DiagnosticError) in try staging.add(files) }
    }

    /// Lets `produce` add files in batches, then swaps them in. If `produce` or a write fails, the
    /// temporary folder is removed and the previous output stays as it was.
    public func write(_ produce: (inout Staging) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkReplaceable(target)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let stagingURL = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(suffix)")
        do {
            try manager.createDirectory(at: stagingURL, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output folder's parent '\(parent.path)' or write in it (\(error.localizedDescription))")
        }
        do {
            var staging = Staging(root: stagingURL.path)
            try produce(&staging)
            try swap(stagingURL, into: target, parent: parent, suffix: suffix)
        } catch {
            Self.removeTree(stagingURL.path)
            throw error
        }
    }

    /// The temporary folder a new site is written into.
    public struct Staging {
        let root: String
        private var folders: Set<String> = [""]

        init(root: String) {
            self.root = root
        }

        /// Writes `files` (on all cores), creating their folders first.
        public mutating func add(_ files: [OutputFile]) throws(DiagnosticError) {
            for folder in Set(files.map { Path.parent(of: $0.path) }).subtracting(folders).sorted() {
                do {
                    try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
                } catch {
                    throw DiagnosticError(.error("cannot create '\(folder)' in the output (\(error.localizedDescription))", at: nil))
                }
                folders.insert(folder)
            }
            let root = self.root
            let failed = Parallel.map(count: files.count) { index in
                Self.writeFile(root + "/" + files[index].path, files[index].bytes) ? nil : files[index].path
            }
            if let path = failed.compactMap({ $0 }).first {
                throw DiagnosticError(.error("cannot write '\(path)' in the output folder", at: nil))
            }
        }

        /// A plain create-and-write: the folder is private until the swap, so no per-file rename is needed.
        private static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            return bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return true }
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
        }
    }

    /// Replaces `target` with `staging`: one atomic exchange where the kernel offers it.
    private func swap(_ staging: URL, into target: URL, parent: URL, suffix: String) throws(DiagnosticError) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            do {
                try manager.moveItem(at: staging, to: target)
                return
            } catch {
                throw failure("cannot move the new site into '\(directory)' (\(error.localizedDescription))")
            }
        }
        if Self.exchange(staging.path, target.path) {
            Self.removeTree(staging.path)
            return
        }
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
        do {
            try manager.moveItem(at: target, to: old)
        } catch {
            throw failure("cannot replace '\(directory)' (\(error.localizedDescription))")
        }
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.moveItem(at: old, to: target)
            throw failure("cannot replace '\(directory)' (\(error.localizedDescription))")
        }
        Self.removeTree(old.path)
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
        var children: [[UInt8]] = []
        if let folder = opendir(cPath) {
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] {
                    children.append(path + [UInt8(ascii: "/")] + name)
                }
            }
            closedir(folder)
        }
        for child in children { removeTree(bytes: child) }
        rmdir(cPath)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2(RENAME_EXCHANGE)` swaps two names in one step, so readers (the preview server)
    /// never see a missing site; looked up at run time because Swift's Glibc module does not export it.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Refuses to replace a folder that does not look like a built site, so a wrong `--output` cannot wipe sources.
    private func checkReplaceable(_ target: URL) throws(DiagnosticError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw failure("output '\(directory)' exists and is not a folder") }
        let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if !contents.isEmpty, !contents.contains("index.html") {
            throw failure("output folder '\(directory)' is not empty and holds no index.html; refusing to replace it (is --output right?)")
        }
    }

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(message, at: nil))
    }
}
