import DossierCore
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// The temporary folder a new site is written into before it is put in place.
    public struct Staging {
        enum Mode {
            /// The whole site as a tree, to be renamed into place.
            case tree
            /// Only files that differ from those in `target`, under numbered names, to be moved in one by one
            /// (`compares`: whether to compare with the files in `target`, or take every file as changed).
            case update(target: String, compares: Bool)
        }

        let root: String
        let mode: Mode
        /// Every file of the new site, written or unchanged.
        private(set) var paths: Set<String> = []
        /// In update mode, the files to move in: numbered name in `root`, path in the site.
        private(set) var staged: [(name: String, path: String)] = []
        private var folders: Set<String> = [""]
        /// Files handed to `add` so far, numbering the staged ones.
        private var added = 0

        init(root: String, mode: Mode) {
            self.root = root
            self.mode = mode
        }

        /// Writes `files` (on all cores); in update mode, only those whose bytes differ from the output's.
        public mutating func add(_ files: [OutputFile]) throws(DiagnosticError) {
            paths.formUnion(files.map(\.path))
            switch mode {
            case .tree:
                for folder in Set(files.map { Path.parent(of: $0.path) }).subtracting(folders).sorted() {
                    if let code = DiskIO.makeFolders(folder, in: root) {
                        throw DiagnosticError(.error("cannot create '\(folder)' in the output: \(DiskIO.reason(code))", at: nil))
                    }
                    folders.insert(folder)
                }
                let root = self.root
                let failures = Parallel.map(count: files.count) { index in
                    DiskIO.writeNewFile(root + "/" + files[index].path, files[index].bytes).map { (files[index].path, $0) }
                }
                if let (path, code) = failures.compactMap({ $0 }).first {
                    throw DiagnosticError(.error("cannot write '\(path)' in the output: \(DiskIO.reason(code))", at: nil))
                }
            case .update(let target, let compares):
                let root = self.root
                let first = added
                added += files.count
                let outcomes = Parallel.map(count: files.count) { index -> (changed: Bool, failure: Int32?) in
                    if compares, DiskIO.holds(target + "/" + files[index].path, files[index].bytes) { return (false, nil) }
                    return (true, DiskIO.writeNewFile(root + "/\(first + index)", files[index].bytes))
                }
                for (index, outcome) in outcomes.enumerated() where outcome.changed {
                    if let code = outcome.failure {
                        throw DiagnosticError(.error("cannot write '\(files[index].path)' in the output: \(DiskIO.reason(code))", at: nil))
                    }
                    staged.append(("\(first + index)", files[index].path))
                }
            }
        }

        /// Counts `paths` as part of the new site, unchanged.
        mutating func keep(_ kept: Set<String>) {
            paths.formUnion(kept)
        }

        /// Refuses a set of paths that cannot all exist at once (a name both a file and a folder), before
        /// anything in the output is touched.
        func checkPaths() throws(DiagnosticError) {
            for path in paths {
                var parent = Path.parent(of: path)
                while !parent.isEmpty {
                    if paths.contains(parent) {
                        throw DiagnosticError(.error("the site would hold '\(parent)' both as a file and as a folder (of '\(path)')", at: nil))
                    }
                    parent = Path.parent(of: parent)
                }
            }
        }
    }
}
