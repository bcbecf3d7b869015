import DossierCore
import SiteGraph

/// Everything read from `content/`: what the graph is built from, as one value, plus what only the
/// output needs.
public struct LoadedContent: Sendable {
    /// Settings, briefs, documents and tag overrides, handed to `SiteGraph.build` as they are.
    public var site: SiteGraphInput
    /// The raw text of each brief by slug, republished beside its page.
    public var briefSources: [String: String]
    /// Problems found while loading.
    public var diagnostics: [Diagnostic]

    /// Creates loaded content.
    public init(site: SiteGraphInput, briefSources: [String: String], diagnostics: [Diagnostic]) {
        self.site = site
        self.briefSources = briefSources
        self.diagnostics = diagnostics
    }
}
