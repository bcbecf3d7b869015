/// What one incremental rebuild did.
public struct RebuildReport: Sendable {
    /// The build's result; `files` is the whole site, byte-identical to a full build of the same sources.
    public var result: BuildResult
    /// Output paths of the pages rendered again, sorted.
    public var rerenderedPages: [String]
    /// Output paths written to disk (changed or new files), sorted.
    public var writtenFiles: [String]
    /// Output paths removed from disk, sorted.
    public var removedFiles: [String]
    /// Whether everything was rebuilt (first build, settings or an error in the previous build).
    public var wasFullBuild: Bool
}
