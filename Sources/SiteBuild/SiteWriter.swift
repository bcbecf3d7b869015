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
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkReplaceable(target)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output folder's parent '\(parent.path)' or write in it (\(error.localizedDescription))")
        }
        do {
            try writeAll(files, into: staging)
            try swap(staging, into: target, parent: parent, suffix: suffix)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    private func writeAll(_ files: [OutputFile], into staging: URL) throws(DiagnosticError) {
        let manager = FileManager.default
        let folders = Set(files.map { Path.parent(of: $0.path) }).filter { !$0.isEmpty }.sorted()
        for folder in folders {
            do {
                try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw failure("cannot create '\(folder)' in the output (\(error.localizedDescription))")
            }
        }
        let errors = ResultSlots<String>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let url = staging.appendingPathComponent(file.path)
            if !manager.createFile(atPath: url.path, contents: Data(file.bytes)) {
                errors.set(index, "cannot write '\(file.path)' in the output folder")
            }
        }
        if let message = errors.values.compactMap({ $0 }).first { throw failure(message) }
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
            try? manager.removeItem(at: staging)
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
        try? manager.removeItem(at: old)
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
