import DossierCore

/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable, Hashable {
    /// The `content/` folder.
    public var contentDirectory: String
    /// The `templates/` folder.
    public var templatesDirectory: String
    /// The output folder, replaced as a whole on success.
    public var outputDirectory: String
    /// Whether drafts are built.
    public var includesDrafts: Bool
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Worker threads for rendering; 0 means one per core.
    public var jobs: Int

    /// Creates options with the usual folder names.
    public init(
        contentDirectory: String = "content", templatesDirectory: String = "templates", outputDirectory: String = "site",
        includesDrafts: Bool = false, baseURL: String? = nil, jobs: Int = 0
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.includesDrafts = includesDrafts
        self.baseURL = baseURL
        self.jobs = jobs
    }
}
