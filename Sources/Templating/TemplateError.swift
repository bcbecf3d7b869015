import DossierCore

/// A template problem found while building the library or rendering, with its place in the template.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is (1-based line and column).
    public var location: SourceLocation
    /// What is wrong, in one sentence without a trailing period.
    public var message: String

    /// Creates an error at a location.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// The same problem as a build diagnostic.
    public var diagnostic: Diagnostic { .error(message, at: location) }

    /// `path:line:col: error: message`.
    public var description: String { diagnostic.description }
}
