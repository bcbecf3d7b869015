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

    /// The folder part of the output path (`""` at the root); the path is normalized already.
    public var directory: String {
        guard let slash = outputPath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == outputPath.utf8.startIndex ? "/" : String(outputPath[..<slash])
    }

    /// The URL of `target` relative to this page; ends in `index.html` so links also work from disk.
    /// Works on the paths' bytes: it runs for every link of every page.
    public func relativeURL(to target: Route, fragment: String? = nil) -> String {
        Self.withBytes(outputPath) { own in
            // As `directory`: the root of an absolute path is "/".
            let slash = own.lastIndex(of: UInt8(ascii: "/")) ?? 0
            let folderEnd = slash == 0 && own.first == UInt8(ascii: "/") ? 1 : slash
            return Self.withBytes(target.outputPath) { file in
                Self.relativePath(from: UnsafeBufferPointer(rebasing: own[..<folderEnd]), to: file, fragment: fragment)
            }
        }
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
    public static func relativePath(from directory: String, to file: String) -> String {
        withBytes(directory) { from in withBytes(file) { to in relativePath(from: from, to: to, fragment: nil) } }
    }

    private static func relativePath(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>, fragment: String?) -> String {
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
        let fragment = fragment ?? ""
        var result = [UInt8]()
        result.reserveCapacity(ups * 3 + to.count - shared + fragment.utf8.count + 1)
        for _ in 0..<ups { result.append(contentsOf: "../".utf8) }
        result.append(contentsOf: to[shared...])
        if !fragment.isEmpty {
            result.append(UInt8(ascii: "#"))
            result.append(contentsOf: fragment.utf8)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `body` over the UTF-8 bytes of `text`, without a copy when the string is native.
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    public var description: String { outputPath }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.outputPath < rhs.outputPath }
}
