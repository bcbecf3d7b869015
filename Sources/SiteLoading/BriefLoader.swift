import BriefImport
import DossierCore
import SiteGraph

/// Reads `content/briefs/*.txt` and their `.yml` sidecars and imports them.
public struct BriefLoader: Sendable {
    /// The `content/briefs` folder.
    public var directory: String
    /// The file system to read.
    public var fileSystem: FileSystem
    /// Briefs imported at once (0: one per core).
    public var jobs: Int

    /// Creates a loader.
    public init(directory: String, fileSystem: FileSystem, jobs: Int = 0) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.jobs = jobs
    }

    /// The imported briefs, their raw text by slug, their sidecars' tag overrides, and problems.
    public struct Result: Sendable {
        public var briefs: [Brief] = []
        public var sources: [String: String] = [:]
        /// Original PDFs kept beside their text, by slug.
        public var pdfs: [String: [UInt8]] = [:]
        public var tagAdjustments: [TagAdjustment] = []
        public var diagnostics: [Diagnostic] = []

        mutating func merge(_ other: Result) {
            briefs += other.briefs
            sources.merge(other.sources) { first, _ in first }
            pdfs.merge(other.pdfs) { first, _ in first }
            tagAdjustments += other.tagAdjustments
            diagnostics += other.diagnostics
        }
    }

    /// Imports every brief in the folder.
    public func load() -> Result {
        var result = Result()
        guard fileSystem.kind(directory) == .directory else { return result }
        let names: [String]
        do {
            names = try fileSystem.listDirectory(directory).sorted()
        } catch {
            result.diagnostics.append(.unreadable(error, at: directory))
            return result
        }
        let visible = names.filter { !IgnoredFiles.contains($0) }
        // Briefs are imported in parallel, then merged in name order (the same result at any job count).
        let texts = visible.filter { Path.pathExtension(of: $0) == "txt" }
        let imported = Parallel.map(count: texts.count, jobs: jobs) { index in
            var one = Result()
            loadBrief(at: Path.join(directory, texts[index]), into: &one)
            return one
        }
        var importedByName = Dictionary(zip(texts, imported), uniquingKeysWith: { first, _ in first })
        for name in visible {
            let path = Path.join(directory, name)
            switch Path.pathExtension(of: name) {
            case "txt":
                if let one = importedByName.removeValue(forKey: name) { result.merge(one) }
            case "pdf":
                if !visible.contains(Path.stem(of: name) + ".txt") {
                    result.diagnostics.append(.warning("a PDF without its brief's text: run 'dossier import \(path)' to add \(Path.stem(of: name)).txt", at: SourceLocation(path: path, line: 1, column: 1)))
                }
            case "yml":
                if !visible.contains(Path.stem(of: name) + ".txt") {
                    result.diagnostics.append(.error("sidecar without a brief: add \(Path.stem(of: name)).txt beside it", at: SourceLocation(path: path, line: 1, column: 1)))
                }
            default:
                result.diagnostics.append(.warning("ignored: briefs are .txt files with optional .yml sidecars", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        return result
    }

    private func loadBrief(at path: String, into result: inout Result) {
        let slug = Path.stem(of: path)
        guard Slug.isValid(slug) else {
            result.diagnostics.append(.error("'\(slug)' is not a valid brief slug: rename the file with lower-case letters, digits and '-'", at: SourceLocation(path: path, line: 1, column: 1)))
            return
        }
        guard let text = fileSystem.readText(path, diagnostics: &result.diagnostics) else { return }
        let sidecarPath = Path.join(directory, slug + ".yml")
        var sidecar: BriefSidecar?
        if fileSystem.kind(sidecarPath) == .file {
            guard let yaml = fileSystem.readText(sidecarPath, diagnostics: &result.diagnostics) else { return }
            let decoded = BriefSidecar.decode(yaml, path: sidecarPath)
            result.diagnostics += decoded.diagnostics
            guard var read = decoded.sidecar, !decoded.diagnostics.containsErrors else { return }
            result.tagAdjustments += read.tagOverrides.map { override in
                TagAdjustment(briefSlug: slug, paragraph: override.paragraph, add: override.add, remove: override.remove,
                              location: override.location ?? SourceLocation(path: sidecarPath, line: 1, column: 1))
            }
            // The linking stage applies tag overrides and checks their paragraphs (BriefTagger).
            read.tagOverrides = []
            sidecar = read
        }
        let imported = BriefImporter.importBrief(text: text, slug: slug, sourcePath: path, sidecar: sidecar)
        result.diagnostics += imported.diagnostics.map { diagnostic in
            var fixed = diagnostic
            // The importer names the sidecar by convention; point at the real file.
            if fixed.location?.path == Path.join(directory, slug + ".yml") { fixed.location?.path = sidecarPath }
            return fixed
        }
        guard !imported.diagnostics.containsErrors else { return }
        var brief = imported.brief
        let pdfPath = Path.join(directory, slug + ".pdf")
        if fileSystem.kind(pdfPath) == .file {
            do {
                result.pdfs[slug] = try fileSystem.readFile(pdfPath)
                brief.originalPDF = pdfPath
            } catch {
                result.diagnostics.append(.unreadable(error, at: pdfPath))
            }
        }
        result.briefs.append(brief)
        result.sources[slug] = text
    }
}
