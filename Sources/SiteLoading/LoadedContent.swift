import DossierCore
import SiteGraph

/// Everything read from `content/`: what the graph is built from, as one value, plus what only the
/// output needs.
public struct LoadedContent: Sendable {
    /// Settings, briefs, documents and tag overrides, handed to `SiteGraph.build` as they are.
    public var site: SiteGraphInput
    /// The raw text of each brief by slug, republished beside its page.
    public var briefSources: [String: String]
    /// The original PDF of each brief that has one, by slug, republished beside its page.
    public var briefPDFs: [String: [UInt8]]
    /// Files published as they are (`content/static/`, bundles' files).
    public var files: [CopiedFile]
    /// Problems found while loading.
    public var diagnostics: [Diagnostic]

    /// Creates loaded content; the images among `files` give `site` their sizes.
    public init(site: SiteGraphInput, briefSources: [String: String], briefPDFs: [String: [UInt8]] = [:], files: [CopiedFile] = [],
                diagnostics: [Diagnostic]) {
        self.site = site
        self.site.imageSizes = Dictionary(files.compactMap { file in file.imageSize.map { (file.outputPath, $0) } }, uniquingKeysWith: { first, _ in first })
        self.briefSources = briefSources
        self.briefPDFs = briefPDFs
        self.files = files
        self.diagnostics = diagnostics
    }
}
