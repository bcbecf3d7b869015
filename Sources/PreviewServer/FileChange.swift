/// One path that differs between two scans of the watched folders.
public struct FileChange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How the path changed.
    public enum Kind: String, Hashable, Sendable {
        /// The path appeared.
        case added
        /// The file's content, size or identity (inode) changed, as after a save through a rename.
        case modified
        /// The path disappeared.
        case deleted
    }

    /// The path as the watcher sees it: the watched folder joined with the path inside it.
    public var path: String
    /// How it changed.
    public var kind: Kind

    /// Creates a change.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `added content/x.md`.
    public var description: String { "\(kind.rawValue) \(path)" }

    public static func < (lhs: FileChange, rhs: FileChange) -> Bool {
        (lhs.path, lhs.kind.rawValue) < (rhs.path, rhs.kind.rawValue)
    }
}
