import BriefImport
import DossierCore
import FrontMatter
import SiteGraph

/// Reads `content/briefs/*.txt` and their `.yml` sidecars and imports them.
public struct BriefLoader: Sendable {
    static let sidecarKeys: Set<String> = [
        "title", "editorial_title", "subtitle", "authors", "publisher", "program", "date", "source_url", "cite_as",
        "furniture", "headings", "not_headings", "tags",
    ]

    /// The `content/briefs` folder.
    public var directory: String
    /// The file system to read.
    public var fileSystem: FileSystem

    /// Creates a loader.
    public init(directory: String, fileSystem: FileSystem) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    /// The imported briefs, their raw text by slug, their sidecars' tag overrides, and problems.
    public struct Result: Sendable {
        public var briefs: [Brief] = []
        public var sources: [String: String] = [:]
        /// Original PDFs kept beside their text, by slug.
        public var pdfs: [String: [UInt8]] = [:]
        public var tagAdjustments: [TagAdjustment] = []
        public var diagnostics: [Diagnostic] = []
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
        let visible = names.filter { !ContentLoader.isIgnored($0) }
        for name in visible {
            let path = Path.join(directory, name)
            switch Path.pathExtension(of: name) {
            case "txt":
                loadBrief(at: path, into: &result)
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
            var problems: [Diagnostic] = []
            sidecar = decodeSidecar(yaml, path: sidecarPath, briefSlug: slug, adjustments: &result.tagAdjustments, diagnostics: &problems)
            result.diagnostics += problems
            if problems.containsErrors { return }
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

    private func decodeSidecar(
        _ yaml: String, path: String, briefSlug: String, adjustments: inout [TagAdjustment], diagnostics: inout [Diagnostic]
    ) -> BriefSidecar? {
        let value: YAMLValue?
        switch YAMLValue.parse(yaml, firstLine: 1) {
        case .success(let parsed): value = parsed
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: path))
            return nil
        }
        var fields = FieldReader(value, path: path)
        fields.warnAboutUnknownKeys(known: Self.sidecarKeys)
        var sidecar = BriefSidecar()
        sidecar.title = fields.string("title")
        sidecar.editorialTitle = fields.bool("editorial_title") ?? false
        sidecar.subtitle = fields.string("subtitle")
        sidecar.authors = fields.stringList("authors") ?? []
        sidecar.publisher = fields.string("publisher")
        sidecar.program = fields.string("program")
        sidecar.date = fields.string("date")
        sidecar.sourceURL = fields.string("source_url")
        sidecar.citeAs = fields.string("cite_as")
        sidecar.furniturePatterns = fields.stringList("furniture") ?? []
        sidecar.headings = fields.stringList("headings") ?? []
        sidecar.notHeadings = fields.stringList("not_headings") ?? []
        for pattern in fields.positionedList("furniture") {
            if case .failure(let error) = FurniturePattern.compile(pattern.text) { fields.report(error.message, at: pattern.location.textPosition) }
        }
        if let date = sidecar.date, !Self.isPartialDate(date) {
            fields.report("'date' must be written YYYY-MM or YYYY-MM-DD, found '\(date)'", at: fields.position(of: "date").textPosition)
        }
        if let url = sidecar.sourceURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            fields.report("'source_url' must be an http(s) URL", at: fields.position(of: "source_url").textPosition)
        }
        adjustments += decodeTags(fields.value("tags"), path: path, briefSlug: briefSlug, fields: &fields)
        diagnostics += fields.diagnostics
        return sidecar
    }

    /// `tags: [{paragraph: 12, add: [topic], remove: [topic]}]`.
    private func decodeTags(_ value: YAMLValue?, path: String, briefSlug: String, fields: inout FieldReader) -> [TagAdjustment] {
        guard let value, !value.isNull else { return [] }
        guard case .sequence(let items, _) = value else {
            fields.report("'tags' must be a list of {paragraph, add, remove} entries", at: value.position)
            return []
        }
        var result: [TagAdjustment] = []
        for item in items {
            var entry = FieldReader(item, path: path, documentPosition: item.position)
            entry.warnAboutUnknownKeys(known: ["paragraph", "add", "remove"])
            let paragraph = entry.int("paragraph")
            if paragraph == nil, entry.value("paragraph") == nil {
                entry.report("tag override needs 'paragraph: N'", at: item.position)
            }
            let add = entry.stringList("add") ?? []
            let remove = entry.stringList("remove") ?? []
            for diagnostic in entry.diagnostics { fields.report(diagnostic.message, at: diagnostic.location?.textPosition ?? item.position) }
            if let paragraph {
                result.append(TagAdjustment(briefSlug: briefSlug, paragraph: paragraph, add: add, remove: remove, location: item.position.located(in: path)))
            }
        }
        return result
    }

    static func isPartialDate(_ text: String) -> Bool {
        if ISODate.isValid(text) { return true }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil, let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }
}
