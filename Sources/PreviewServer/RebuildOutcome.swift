import DossierCore

/// What one rebuild of the site produced, as reported by the injected build closure.
public enum RebuildOutcome: Sendable, Hashable {
    /// The site folder now holds a fresh site; the summary is for the caller to print.
    case success(summary: String)
    /// The build failed; the previous site is still in place.
    case failure([Diagnostic])
}

/// Whether the last rebuild succeeded, which decides if pages carry the error overlay.
public enum BuildStatus: Sendable, Hashable {
    /// The last rebuild succeeded (or none has failed yet).
    case ok
    /// The last rebuild failed with these diagnostics.
    case failed([Diagnostic])

    /// The status a rebuild outcome leaves behind.
    public init(_ outcome: RebuildOutcome) {
        switch outcome {
        case .success: self = .ok
        case .failure(let diagnostics): self = .failed(diagnostics)
        }
    }
}
