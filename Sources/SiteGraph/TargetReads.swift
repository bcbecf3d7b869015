import DossierCore

/// What one body's render read of the link environment (`LinkTargets`): the targets it named and the
/// files and images it checked. A render whose reads still hold in a new environment is what a new
/// render would be, so an edit of one title re-renders only the bodies that link to that page, not
/// every body (the environment's fingerprint changes with any title, slug or route).
struct TargetReads: Sendable, Equatable {
    /// A target as a render shows or checks it. One per target (`LinkTarget.stamp`): a read holds a
    /// reference, not a copy of the brief (10,000 renders each holding copies were 60 MB).
    final class Stamp: Sendable, Equatable {
        let kind: String
        let slug: String
        let title: String
        let route: Route
        let sourcePath: String
        let brief: Brief?

        init(kind: String, slug: String, title: String, route: Route, sourcePath: String, brief: Brief?) {
            self.kind = kind
            self.slug = slug
            self.title = title
            self.route = route
            self.sourcePath = sourcePath
            self.brief = brief
        }

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs === rhs || (lhs.kind == rhs.kind && lhs.slug == rhs.slug && lhs.title == rhs.title && lhs.route == rhs.route
                && lhs.sourcePath == rhs.sourcePath && lhs.brief == rhs.brief)
        }
    }

    private(set) var slugs: [String: Stamp?] = [:]
    private(set) var sourcePaths: [String: Stamp?] = [:]
    private(set) var files: [String: Bool] = [:]
    private(set) var images: [String: ImageSize?] = [:]

    mutating func slug(_ slug: String, in targets: LinkTargets) -> LinkTarget? {
        let target = targets.bySlug[slug]
        slugs[slug] = target.map(\.stamp)
        return target
    }

    mutating func sourcePath(_ path: String, in targets: LinkTargets) -> LinkTarget? {
        let target = targets.bySourcePath[path]
        sourcePaths[path] = target.map(\.stamp)
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
        slugs.allSatisfy { targets.bySlug[$0.key]?.stamp == $0.value }
            && sourcePaths.allSatisfy { targets.bySourcePath[$0.key]?.stamp == $0.value }
            && files.allSatisfy { targets.routes.contains($0.key) == $0.value }
            && images.allSatisfy { targets.imageSizes[$0.key] == $0.value }
    }
}
