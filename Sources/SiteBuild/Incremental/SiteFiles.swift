import DossierCore

/// Every output file of the last good build, kept between rebuilds so that an edit costs in proportion
/// to the files it touched: unchanged files are never compared byte by byte (they share their buffers
/// with the last build's), and the sorted list is patched in place unless a file was added or removed.
struct SiteFiles {
    private(set) var byPath: [String: OutputFile] = [:]
    /// The files sorted by path (as `BuildResult.files` lists them), and each path's place in it.
    private(set) var sorted: [OutputFile] = []
    private var position: [String: Int] = [:]

    /// What one rebuild changed.
    struct Changes {
        /// Files whose bytes differ from the last build's (new files included), sorted by path.
        var changed: [OutputFile] = []
        /// Paths the last build had and this one does not, sorted.
        var removed: [String] = []
        /// Whether a path was added (the set of paths changed, so the manifest must be written again).
        var added = false
    }

    init() {}

    /// The site made of `files`, all of them new.
    init(_ files: [OutputFile]) {
        var site = SiteFiles()
        _ = site.update(candidates: files, count: nil, isPresent: { _ in true })
        self = site
    }

    /// Brings the files up to date: `candidates` are the files made again (re-rendered pages, the extra
    /// files); every other file is as it was. `count` is how many files the site has now when known
    /// (a mismatch, or nil, means some may be gone); `isPresent` tells, for a path, whether the site
    /// still has it.
    mutating func update(candidates: [OutputFile], count: Int?, isPresent: (String) -> Bool) -> Changes {
        var changes = Changes()
        for file in candidates {
            guard let old = byPath[file.path] else {
                changes.added = true
                changes.changed.append(file)
                byPath[file.path] = file
                continue
            }
            // Equal buffers compare without reading their bytes.
            if old.bytes != file.bytes {
                changes.changed.append(file)
                byPath[file.path] = file
            }
        }
        if count != byPath.count {
            changes.removed = byPath.keys.filter { !isPresent($0) }.sorted()
            for path in changes.removed { byPath[path] = nil }
        }
        changes.changed.sort { $0.path < $1.path }
        if changes.added || !changes.removed.isEmpty {
            sorted = byPath.values.sorted { $0.path < $1.path }
            position = Dictionary(uniqueKeysWithValues: sorted.indices.map { (sorted[$0].path, $0) })
        } else {
            for file in changes.changed { if let index = position[file.path] { sorted[index] = file } }
        }
        return changes
    }
}
