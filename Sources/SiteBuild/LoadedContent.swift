import DossierCore
import SiteGraph

/// Everything read from `content/`, before linking.
public struct LoadedContent: Sendable {
    /// Site settings.
    public var config: SiteConfig
    /// Imported briefs.
    public var briefs: [Brief]
    /// The raw text of each brief by slug, republished beside its page.
    public var briefSources: [String: String]
    /// Authored documents (drafts removed unless asked for).
    public var documents: [ContentDocument]
    /// Files published as they are (`content/static/`, bundles' files).
    public var files: [CopiedFile]
    /// Tag overrides from brief sidecars.
    public var tagAdjustments: [TagAdjustment]
    /// Problems found while loading.
    public var diagnostics: [Diagnostic]
}
