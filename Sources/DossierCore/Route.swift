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

    /// The relative path from a folder to a file, both relative to the output root (and normalized).
    /// Works on bytes: it runs for every link of every page.
    public static func relativePath(from directory: String, to file: String) -> String {
        let from = Array(directory.utf8)
        let to = Array(file.utf8)
        // Length of the shared leading folders, ending just after a `/` in `to` (or 0).
        var shared = 0
        var index = 0
        while index < from.count, index < to.count, from[index] == to[index] {
            index += 1
            if to[index - 1] == UInt8(ascii: "/") { shared = index }
        }
        if index == from.count, index < to.count, to[index] == UInt8(ascii: "/") { shared = index + 1 }
        let consumedFrom = shared == 0 ? 0 : shared - 1  // `from` has no trailing slash
        var ups = 0
        if consumedFrom < from.count {
            ups = 1 + from[consumedFrom...].reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            if shared > 0 { ups -= 1 }
        }
        var result = [UInt8]()
        result.reserveCapacity(ups * 3 + to.count - shared)
        for _ in 0..<ups { result.append(contentsOf: "../".utf8) }
        result.append(contentsOf: to[shared...])
        return String(decoding: result, as: UTF8.self)
    }

    public var description: String { outputPath }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.outputPath < rhs.outputPath }
}
