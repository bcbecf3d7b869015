import DossierCore

/// Every output file of the last good build, kept between rebuilds so that an edit costs in proportion
/// to the files it touched: unchanged files are never compared byte by byte (they share their buffers
/// with the last build's), and the sorted list is patched in place.
struct SiteFiles {
    private(set) var byPath: [String: OutputFile] = [:]
    /// The files sorted by path, as `BuildResult.files` lists them.
    private(set) var sorted: [OutputFile] = []

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

    /// Brings the files up to date: `candidates` are the files made again (re-rendered pages, the extra
    /// files); every other file is as it was. `count` is how many files the site has now (a mismatch
    /// means some are gone); `isPresent` tells, for a path, whether the site still has it.
    mutating func update(candidates: [OutputFile], count: Int, isPresent: (String) -> Bool) -> Changes {
        var changes = Changes()
        for file in candidates {
            let old = byPath.updateValue(file, forKey: file.path)
            // Equal buffers compare without reading their bytes.
            if old?.bytes != file.bytes { changes.changed.append(file) }
            if old == nil { changes.added = true }
        }
        if count != byPath.count {
            changes.removed = byPath.keys.filter { !isPresent($0) }.sorted()
            for path in changes.removed { byPath[path] = nil }
        }
        changes.changed.sort { $0.path < $1.path }
        if sorted.isEmpty {
            sorted = changes.changed
            return changes
        }
        for path in changes.removed {
            let place = Self.place(of: path, in: sorted)
            if place < sorted.count, sorted[place].path == path { sorted.remove(at: place) }
        }
        for file in changes.changed {
            let place = Self.place(of: file.path, in: sorted)
            if place < sorted.count, sorted[place].path == file.path {
                sorted[place] = file
            } else {
                sorted.insert(file, at: place)
            }
        }
        return changes
    }

    /// Where `path` is or would go in `files`, sorted by path.
    private static func place(of path: String, in files: [OutputFile]) -> Int {
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
