/// Where a generated file lives in `site/`, and how other pages link to it relatively.
public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path inside the output folder, e.g. `topics/china/index.html`.
    public let outputPath: String

    /// A clean-URL page: `topics/china` → `topics/china/index.html`; `""` is the home page.
    public init(page directory: String) {
        let dir = Path.normalize(directory)
        outputPath = dir.isEmpty ? "index.html" : dir + "/index.html"
    }

    /// A plain file at `path` inside the output folder (feed, asset, 404 page).
    public init(file path: String) {
        outputPath = Path.normalize(path)
    }

    /// The home page.
    public static let home = Route(page: "")

    /// The folder part of the output path (`""` at the root).
    public var directory: String { Path.parent(of: outputPath) }

    /// The URL of `target` relative to this page; ends in `index.html` so links also work from disk.
    public func relativeURL(to target: Route, fragment: String? = nil) -> String {
        let url = Route.relativePath(from: directory, to: target.outputPath)
        guard let fragment, !fragment.isEmpty else { return url }
        return url + "#" + fragment
    }

    /// The URL of this page's own fragment, for links within a page.
    public func selfURL(fragment: String) -> String { "#" + fragment }

    /// The absolute URL under `baseURL` (which ends in `/`); `index.html` is dropped for clean URLs.
    public func absoluteURL(base baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        if outputPath == "index.html" { return base }
        if outputPath.hasSuffix("/index.html") { return base + outputPath.dropLast("index.html".count) }
        return base + outputPath
    }

    /// The relative path from a folder to a file, both relative to the output root.
    public static func relativePath(from directory: String, to file: String) -> String {
        let fromParts = directory.split(separator: "/").map(String.init)
        let toParts = file.split(separator: "/").map(String.init)
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...]).joined(separator: "/")
    }

    public var description: String { outputPath }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.outputPath < rhs.outputPath }
}
