import DossierCore

/// Which backlink lists an incremental build must gather again: those of the targets that changed or
/// removed documents link to, before or after the edit. Every other list is the previous build's.
struct BacklinkReuse {
    /// Targets whose lists are gathered again; nil means all (no previous build).
    let dirtyTargets: Set<ReferenceTarget>?

    /// `renders` are this build's, in `ordered` order; `reused[i]` says whether render `i` came from `previous`.
    init(ordered: [ContentDocument], renders: [DocumentRender], reused: [Bool], previous: SiteGraph?) {
        guard let previous else {
            dirtyTargets = nil
            return
        }
        var dirty: Set<ReferenceTarget> = []
        var kept = 0
        for (index, document) in ordered.enumerated() {
            let old = previous.renders[document.sourcePath]
            if old != nil { kept += 1 }
            // A backlink shows its source's title and kind: a reused body with a new title is a change too.
            guard !reused[index] || old?.source != renders[index].source else { continue }
            dirty.formUnion(renders[index].linkTargets)
            if let old { dirty.formUnion(old.linkTargets) }
        }
        if kept < previous.renders.count {
            let current = Set(ordered.map(\.sourcePath))
            for (path, old) in previous.renders where !current.contains(path) {
                dirty.formUnion(old.linkTargets)
            }
        }
        dirtyTargets = dirty
    }

    /// Whether the list of `target` must be gathered again.
    func isDirty(_ target: ReferenceTarget) -> Bool {
        dirtyTargets?.contains(target) ?? true
    }
}
