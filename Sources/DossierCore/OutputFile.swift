/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    /// Path inside the output folder.
    public var path: String
    /// Exact bytes.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
