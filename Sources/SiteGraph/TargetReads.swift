import DossierCore

/// What one body's render read of the link environment (`LinkTargets`): the targets it named and the
/// files and images it checked. A render whose reads still hold in a new environment is what a new
/// render would be, so an edit of one title re-renders only the bodies that link to that page, not
/// every body (the environment's fingerprint changes with any title, slug or route).
struct TargetReads: Sendable, Equatable {
    /// A target as a render shows or checks it.
    struct Stamp: Sendable, Equatable {
        var kind: String
        var slug: String
        var title: String
        var route: Route
        var sourcePath: String
        var brief: Brief?

        init(_ target: LinkTarget) {
            kind = target.kindName
            slug = target.slug
            title = target.title
            route = target.route
            sourcePath = target.sourcePath
            brief = target.brief
        }
    }

    private(set) var slugs: [String: Stamp?] = [:]
    private(set) var sourcePaths: [String: Stamp?] = [:]
    private(set) var files: [String: Bool] = [:]
    private(set) var images: [String: ImageSize?] = [:]

    mutating func slug(_ slug: String, in targets: LinkTargets) -> LinkTarget? {
        let target = targets.bySlug[slug]
        slugs[slug] = target.map(Stamp.init)
        return target
    }

    mutating func sourcePath(_ path: String, in targets: LinkTargets) -> LinkTarget? {
        let target = targets.bySourcePath[path]
        sourcePaths[path] = target.map(Stamp.init)
        return target
    }

    mutating func contains(_ path: String, in targets: LinkTargets) -> Bool {
        let found = targets.routes.contains(path)
        files[path] = found
        return found
    }

    mutating func imageSize(_ path: String, in targets: LinkTargets) -> ImageSize? {
        let size = targets.imageSizes[path]
        images[path] = size
        return size
    }

    /// Adds what `other` read.
    mutating func merge(_ other: TargetReads) {
        slugs.merge(other.slugs) { first, _ in first }
        sourcePaths.merge(other.sourcePaths) { first, _ in first }
        files.merge(other.files) { first, _ in first }
        images.merge(other.images) { first, _ in first }
    }

    /// Whether every read gives the same answer in `targets`.
    func hold(in targets: LinkTargets) -> Bool {
        slugs.allSatisfy { targets.bySlug[$0.key].map(Stamp.init) == $0.value }
            && sourcePaths.allSatisfy { targets.bySourcePath[$0.key].map(Stamp.init) == $0.value }
            && files.allSatisfy { targets.routes.contains($0.key) == $0.value }
            && images.allSatisfy { targets.imageSizes[$0.key] == $0.value }
    }
}
