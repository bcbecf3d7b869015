import DossierCore
import Foundation

extension SiteWriter {
    /// Brings an existing output folder from `previous` to `files` in place: writes the new and changed
    /// files (each through a temporary file and a rename) and removes the files that are gone. Returns
    /// the paths written and removed, sorted. Without a previous site (or its folder) it writes the
    /// whole site with `write`, in one swap.
    public func update(to files: [String: OutputFile], from previous: [String: OutputFile]?) throws(DiagnosticError) -> (written: [String], removed: [String]) {
        let manager = FileManager.default
        guard let previous, manager.fileExists(atPath: directory) else {
            try write(files.values.sorted { $0.path < $1.path })
            return (files.keys.sorted(), [])
        }
        let changedFiles = files.values.filter { previous[$0.path]?.bytes != $0.bytes }.sorted { $0.path < $1.path }
        for file in changedFiles {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: temporary)
                // rename(2) replaces the file in one step: the preview server never reads half a page.
                guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? manager.removeItem(at: temporary)
                throw DiagnosticError(.error("cannot write '\(file.path)' in '\(directory)' (\(error.localizedDescription))", at: nil))
            }
        }
        let removed = previous.keys.filter { files[$0] == nil }.sorted()
        for path in removed {
            try? manager.removeItem(at: URL(fileURLWithPath: directory).appendingPathComponent(path))
        }
        return (changedFiles.map(\.path), removed)
    }
}
