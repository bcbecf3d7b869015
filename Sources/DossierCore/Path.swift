/// Pure helpers for `/`-separated relative paths (no file-system access).
public enum Path {
    /// Joins components with `/`, skipping empty ones.
    public static func join(_ components: String...) -> String {
        join(components)
    }

    /// Joins components with `/`, skipping empty ones.
    public static func join(_ components: [String]) -> String {
        normalize(components.filter { !$0.isEmpty }.joined(separator: "/"))
    }

    /// Removes `.` components, duplicate and trailing slashes; keeps a leading `/`.
    public static func normalize(_ path: String) -> String {
        if isNormalized(path) { return path }
        let isAbsolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : joined
    }

    /// True when `normalize` would return `path` unchanged: no empty or `.` segment and no trailing
    /// `/`. Routes are built for every link, so the common case skips splitting and joining.
    static func isNormalized(_ path: String) -> Bool {
        var segmentLength = 0
        var segmentIsDot = false
        var offset = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if offset > 0 && (segmentLength == 0 || segmentIsDot) { return false }
                segmentLength = 0
            } else {
                segmentIsDot = segmentLength == 0 && byte == UInt8(ascii: ".")
                segmentLength += 1
            }
            offset += 1
        }
        if segmentLength == 0 { return path.isEmpty || path == "/" }
        return !segmentIsDot
    }

    /// The folder holding `path` (empty for a top-level name).
    public static func parent(of path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return "" }
        if slash == normalized.startIndex { return "/" }
        return String(normalized[..<slash])
    }

    /// The last component of `path`.
    public static func lastComponent(of path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return normalized }
        return String(normalized[normalized.index(after: slash)...])
    }

    /// The file name without its last extension (`a/b.md` → `b`).
    public static func stem(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The last extension without its dot (`b.md` → `md`), empty when none.
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}

extension Path {
    /// Resolves `relative` (which may use `..`) against `directory`; nil when it climbs above the root.
    public static func resolve(_ relative: String, from directory: String) -> String? {
        // A `/`-relative URL starts from the root; an absolute directory keeps its leading slash.
        let fromRoot = relative.hasPrefix("/")
        let prefix = !fromRoot && directory.hasPrefix("/") ? "/" : ""
        var parts = fromRoot ? [] : directory.split(separator: "/").map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return prefix + parts.joined(separator: "/")
    }
}
