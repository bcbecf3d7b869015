import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a built site into the output folder. Everything is first written into a temporary sibling
/// folder, so a failed build leaves the previous output byte for byte as it was. Into a missing or empty
/// folder the whole tree is swapped in at once; over an existing site only the files whose bytes changed
/// are moved in and the files that are gone removed, so a rebuild costs no more than a first build.
/// A manifest (`OutputManifest`) lists what dossier wrote: anything else in the folder stops the build.
/// One process writes an output folder at a time (`OutputLock`).
public struct SiteWriter: Sendable {
    /// The output folder.
    public var directory: String
    /// Folders the output must be neither inside nor around (the content and templates folders).
    public var inputs: [String]

    /// Creates a writer for `directory`.
    public init(directory: String, inputs: [String] = []) {
        self.directory = directory
        self.inputs = inputs
    }

    /// Creates a writer for a build's output folder, which must stay clear of its content and templates.
    public init(options: BuildOptions) {
        self.init(directory: options.outputDirectory, inputs: [options.contentDirectory, options.templatesDirectory])
    }

    /// Writes `files` and puts them in place; on failure nothing changes and no temporary folder is left.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) {
        try write { (staging: inout Staging) throws(DiagnosticError) in try staging.add(files) }
    }

    /// Lets `produce` add files in batches, then puts them in place. If `produce` or a write fails, the
    /// temporary folder is removed and the previous output stays as it was.
    public func write(_ produce: (inout Staging) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let (target, lock) = try prepare()
        defer { lock.release() }
        let existing = try inspect(target)
        try withStaging(target, mode: existing.isSite ? .update(target: target, compares: true) : .tree) { (staging: inout Staging) throws(DiagnosticError) in
            try produce(&staging)
            try staging.checkPaths()
            try TemporaryOutput.uninterrupted { () throws(DiagnosticError) in
                switch existing {
                case .absent, .empty: try swapIn(staging, target: target, replacing: existing == .empty)
                case .site(let written, let contents):
                    // With no manifest (a site from before manifests), accept only what this build writes.
                    let known = written ?? contents.files
                    if written == nil {
                        let foreign = contents.foreign(allowed: staging.paths)
                        if !foreign.isEmpty { throw OutputContents.refusal(foreign, directory: directory) }
                    }
                    try commit(staging, previous: known, target: target)
                }
            }
        }
    }

    /// Updates an output folder this process wrote before, knowing which files changed (the preview's
    /// incremental rebuilds): `changed` files are moved in, files in `previous` but not in `paths` removed.
    public func update(writing changed: [OutputFile], paths: Set<String>, previous: Set<String>) throws(DiagnosticError) {
        let (target, lock) = try prepare()
        defer { lock.release() }
        try withStaging(target, mode: .update(target: target, compares: false)) { (staging: inout Staging) throws(DiagnosticError) in
            try staging.add(changed)
            staging.keep(paths)
            try TemporaryOutput.uninterrupted { () throws(DiagnosticError) in try commit(staging, previous: previous, target: target) }
        }
    }

    /// `update` for a caller that knows which files are gone and whether any is new (the preview's
    /// rebuild): the manifest is written only when the set of paths changed (then `sortedPaths`, the new
    /// site's paths in order, is asked for), so an edit of a page touches only the changed files.
    public func update(writing changed: [OutputFile], removing gone: [String], added: Bool, sortedPaths: @autoclosure () -> [String]) throws(DiagnosticError) {
        let (target, lock) = try prepare()
        defer { lock.release() }
        try withStaging(target, mode: .update(target: target, compares: false)) { (staging: inout Staging) throws(DiagnosticError) in
            try staging.add(changed)
            try TemporaryOutput.uninterrupted { () throws(DiagnosticError) in
                // As in `commit`: the manifest names old and new files until the end.
                let paths = added || !gone.isEmpty ? sortedPaths() : []
                if added { try OutputManifest.write(sorted: gone.isEmpty ? paths : (paths + gone).sorted(), in: target) }
                remove(gone, target: target)
                try moveIn(staging, target: target)
                if !gone.isEmpty { try OutputManifest.write(sorted: paths, in: target) }
            }
        }
    }

    /// The real output path, once it is known not to overlap an input, and its lock (refused while
    /// another process writes there); sweeps what crashed builds left.
    private func prepare() throws(DiagnosticError) -> (target: String, lock: OutputLock) {
        let target = DiskIO.realPath(directory)
        for input in inputs {
            let source = DiskIO.realPath(input)
            if target == source || target.hasPrefix(source + "/") {
                throw failure("output folder '\(directory)' is inside the input folder '\(input)'; every build would read its own output: choose an output folder outside the content and templates folders (the default is 'site')")
            }
            if source.hasPrefix(target == "/" ? "/" : target + "/") {
                throw failure("output folder '\(directory)' holds the input folder '\(input)'; building into it would replace your sources: choose another --output")
            }
        }
        let parent = Self.parent(of: target)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output folder's parent '\(parent)' (\(error.localizedDescription))")
        }
        let lock = try OutputLock.acquire(parent: parent, name: Self.name(of: target), directory: directory)
        TemporaryOutput.sweep(parent: parent, target: Self.name(of: target))
        return (target, lock)
    }

    /// What the output folder holds now.
    private enum Existing: Equatable {
        case absent
        case empty
        case site(written: Set<String>?, contents: OutputContents)

        var isSite: Bool { if case .site = self { true } else { false } }

        static func == (lhs: Existing, rhs: Existing) -> Bool {
            switch (lhs, rhs) {
            case (.absent, .absent), (.empty, .empty): true
            default: false
            }
        }
    }

    private func inspect(_ target: String) throws(DiagnosticError) -> Existing {
        guard let kind = DiskIO.kind(target) else { return .absent }
        guard kind == S_IFDIR else { throw failure("output '\(directory)' exists and is not a folder") }
        let contents = OutputContents(root: target)
        let written = OutputManifest.read(in: target)
        if let written {
            let foreign = contents.foreign(allowed: written)
            if !foreign.isEmpty { throw OutputContents.refusal(foreign, directory: directory) }
        } else if contents.isEmpty {
            return .empty
        } else if !contents.files.contains("index.html") {
            throw OutputContents.refusal(contents.foreign(allowed: []), directory: directory)
        }
        return .site(written: written, contents: contents)
    }

    /// Runs `body` with a new temporary folder beside `target`, removed afterwards whatever happens
    /// (and on SIGINT or SIGTERM, by `TemporaryOutput`).
    private func withStaging(_ target: String, mode: Staging.Mode, _ body: (inout Staging) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let parent = Self.parent(of: target)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let path = parent + "/" + TemporaryOutput.name(for: Self.name(of: target), kind: "tmp", suffix: suffix)
        TemporaryOutput.register(path)
        defer {
            DiskIO.removeTree(path)
            TemporaryOutput.unregister(path)
        }
        guard mkdir(path, 0o755) == 0 else { throw failure("cannot write beside '\(directory)' in '\(parent)': \(DiskIO.reason(errno))") }
        var staging = Staging(root: path, mode: mode)
        try body(&staging)
    }

    /// Puts a whole new tree in place of a missing or empty folder.
    private func swapIn(_ staging: Staging, target: String, replacing: Bool) throws(DiagnosticError) {
        try OutputManifest.write(staging.paths, in: staging.root)
        if replacing {
            // One step where the kernel offers it (the old, empty folder then goes with the temporary name).
            if Self.exchange(staging.root, target) { return }
            rmdir(target)
        }
        guard rename(staging.root, target) == 0 else {
            throw failure("cannot move the new site into '\(directory)': \(DiskIO.reason(errno))")
        }
    }

    /// Moves the changed files in and removes those that are gone. The manifest names old and new files
    /// until the end, so a process killed part way leaves nothing the next build would refuse.
    private func commit(_ staging: Staging, previous: Set<String>, target: String) throws(DiagnosticError) {
        let paths = staging.paths
        try OutputManifest.write(previous.union(paths), in: target)
        remove(previous.subtracting(paths), target: target)
        try moveIn(staging, target: target)
        try OutputManifest.write(paths, in: target)
    }

    /// Deletes the files that are gone, and the folders that leaves empty.
    private func remove(_ gone: some Collection<String>, target: String) {
        for path in gone where DiskIO.kind(target + "/" + path) != S_IFDIR {
            unlink(target + "/" + path)
        }
        var emptied: Set<String> = []
        for path in gone {
            var parent = Path.parent(of: path)
            while !parent.isEmpty, emptied.insert(parent).inserted { parent = Path.parent(of: parent) }
        }
        for folder in emptied.sorted(by: { $0.count > $1.count }) { rmdir(target + "/" + folder) }
    }

    /// Renames the staged files into place.
    private func moveIn(_ staging: Staging, target: String) throws(DiagnosticError) {
        var made: Set<String> = [""]
        for (name, path) in staging.staged {
            // One mkdir per folder, not one per file in it.
            if made.insert(Path.parent(of: path)).inserted, let code = DiskIO.makeFolders(Path.parent(of: path), in: target) {
                throw failure("cannot create '\(Path.parent(of: path))' in '\(directory)': \(DiskIO.reason(code)); the output now mixes old and new files: build again")
            }
            guard rename(staging.root + "/" + name, target + "/" + path) == 0 else {
                throw failure("cannot move the new '\(path)' into '\(directory)': \(DiskIO.reason(errno)); the output now mixes old and new files: build again")
            }
        }
    }

    private static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }

    private static func name(of path: String) -> String {
        (path as NSString).lastPathComponent
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

    private func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(message, at: nil))
    }
}
