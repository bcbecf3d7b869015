/// Why the preview could not start, in words fit for the command line.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Whether the port is taken by another program (the command line can suggest another).
    public var isPortInUse: Bool

    /// Creates an error with a message.
    public init(_ message: String, isPortInUse: Bool = false) {
        self.message = message
        self.isPortInUse = isPortInUse
    }

    public var description: String { message }
}
