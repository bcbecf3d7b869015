import ArgumentParser
import BriefImport
import DossierCore
import Foundation
import PDFImport

/// `dossier import`: brings a brief (a PDF, or its plain text) into `content/briefs/` with a sidecar to review.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a brief (PDF or plain text) into content/briefs/ and write a sidecar from what the importer detects.",
        discussion: """
        A PDF is read through poppler: type sizes and weights give the title, headings and notes, positions give \
        columns, running heads and feet and page numbers. The PDF is kept beside the text as content/briefs/<slug>.pdf.
        """
    )

    @Argument(help: "The brief: a PDF, or plain text (such as pdftotext output).")
    var file: String

    @Option(name: .long, help: "The brief's slug (its URL); defaults to one made from the file name.")
    var slug: String?

    @Option(name: .long, help: "Folder of content.")
    var content = "content"

    @Flag(name: .long, help: "Replace an existing brief and sidecar of the same slug.")
    var force = false

    @Flag(name: .long, help: "Say why each line was classified as it was.")
    var explain = false

    @Flag(name: .long, help: "Re-import even when cited paragraphs would get other numbers (then fix those citations).")
    var renumber = false

    func run() throws {
        let briefSlug = slug ?? Slug.make(from: Path.stem(of: file))
        guard Slug.isValid(briefSlug) else { throw ValidationError("'\(briefSlug)' is not a valid slug; pass --slug") }
        let folder = Path.join(content, "briefs")
        let textPath = Path.join(folder, briefSlug + ".txt")
        let sidecarPath = Path.join(folder, briefSlug + ".yml")
        let pdfPath = Path.join(folder, briefSlug + ".pdf")
        if !force, [textPath, sidecarPath, pdfPath].contains(where: FileManager.default.fileExists(atPath:)) {
            throw ValidationError("\(textPath) or its sidecar already exists; pass --force to replace them")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file): check the path and that the file is readable")
        }
        let isPDF = data.starts(with: Array("%PDF-".utf8))
        let text: String
        let sidecar: BriefSidecar?
        var pageCount: Int?
        if isPDF {
            let read: PDFBriefImport
            do { read = try PDFBriefReader.read(path: file) } catch { throw ValidationError("\(error)") }
            text = read.text
            sidecar = read.sidecar
            pageCount = read.pageCount
        } else {
            switch SourceText.decode([UInt8](data), path: file) {
            case .success(let decoded): text = decoded
            case .failure(let diagnostic): throw ValidationError(diagnostic.description)
            }
            sidecar = nil
        }
        let analysis = BriefImporter.analyze(text: text, slug: briefSlug, sourcePath: textPath, sidecar: sidecar)
        DiagnosticPrinter.print(analysis.diagnostics)
        if analysis.diagnostics.containsErrors { throw ExitCode(1) }
        let keepsSidecar = FileManager.default.fileExists(atPath: sidecarPath)
        if FileManager.default.fileExists(atPath: textPath) {
            try checkCitations(slug: briefSlug, folder: folder, newText: text, sidecarPath: sidecarPath, fallback: analysis.brief)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if isPDF {
            // The PDF stays beside the text as provenance; the text is what the build reads.
            try Data(text.utf8).write(to: URL(fileURLWithPath: textPath))
            try data.write(to: URL(fileURLWithPath: pdfPath))
        } else {
            // Plain text is copied byte for byte: the importer cleans it at every build.
            try data.write(to: URL(fileURLWithPath: textPath))
        }
        if keepsSidecar {
            // A re-import keeps the sidecar the editor has corrected.
            print("kept \(sidecarPath) as it is (delete it to have a new one written)")
        } else {
            let skeleton = SidecarSkeleton.yaml(
                for: analysis.brief, detectedFurniture: analysis.detectedFurniture,
                headings: sidecar?.headings ?? [], notHeadings: sidecar?.notHeadings ?? []
            )
            try Data(skeleton.utf8).write(to: URL(fileURLWithPath: sidecarPath))
        }
        let report = ImportReport(result: analysis, pdfPages: pageCount)
        print(report.summary(path: textPath))
        for line in ImportTopics.lines(slug: briefSlug, content: content) { print(line) }
        for warning in report.warnings { print(warning) }
        if explain { for line in ImportExplainer.explain(text: text, result: analysis) { print(line) } }
        print("review \(sidecarPath): title, authors, date and the furniture patterns detected")
    }

    /// Refuses (unless `--renumber`) when the new text would give cited paragraphs other numbers.
    /// The new brief is read as the build will read it: the new text with the sidecar that stays.
    private func checkCitations(slug: String, folder: String, newText: String, sidecarPath: String, fallback: Brief) throws {
        guard let old = ReimportCheck.builtBrief(slug: slug, folder: folder) else { return }
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data(newText.utf8).write(to: URL(fileURLWithPath: Path.join(staging, slug + ".txt")))
        if FileManager.default.fileExists(atPath: sidecarPath) {
            try FileManager.default.copyItem(atPath: sidecarPath, toPath: Path.join(staging, slug + ".yml"))
        }
        let new = ReimportCheck.builtBrief(slug: slug, folder: staging) ?? fallback
        let mapping = ReimportCheck.renumbering(old: old.paragraphs, new: new.paragraphs)
        let moved = ReimportCheck.movedCitations(slug: slug, content: content, mapping: mapping)
        guard !moved.isEmpty else { return }
        for line in moved { print(line) }
        if !renumber {
            throw ValidationError("\(moved.count) citation(s) would point at other paragraphs; nothing was written. Pass --renumber to import anyway, then fix them")
        }
    }
}
