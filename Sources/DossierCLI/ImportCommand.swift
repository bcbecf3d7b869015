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
        var notes: [(number: Int, text: String)] = []
        var pageCount: Int?
        if isPDF {
            let read: PDFBriefImport
            do { read = try PDFBriefReader.read(path: file) } catch { throw ValidationError("\(error)") }
            text = read.text
            sidecar = read.sidecar
            notes = read.notes
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
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if isPDF {
            // The PDF stays beside the text as provenance; the text is what the build reads.
            try Data(text.utf8).write(to: URL(fileURLWithPath: textPath))
            try data.write(to: URL(fileURLWithPath: pdfPath))
        } else {
            // Plain text is copied byte for byte: the importer cleans it at every build.
            try data.write(to: URL(fileURLWithPath: textPath))
        }
        let skeleton = SidecarSkeleton.yaml(
            for: analysis.brief, detectedFurniture: analysis.detectedFurniture,
            headings: sidecar?.headings ?? [], notHeadings: sidecar?.notHeadings ?? []
        )
        try Data(skeleton.utf8).write(to: URL(fileURLWithPath: sidecarPath))
        let report = ImportReport(result: analysis, notes: notes.count, pdfPages: pageCount)
        print(report.summary(path: textPath))
        for warning in report.warnings { print(warning) }
        if explain { for line in ImportExplainer.explain(text: text, result: analysis) { print(line) } }
        print("review \(sidecarPath): title, authors, date and the furniture patterns detected")
    }
}
