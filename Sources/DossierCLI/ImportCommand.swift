import ArgumentParser
import BriefImport
import DossierCore
import Foundation

/// `dossier import`: copies a brief's text into `content/briefs/` with a sidecar skeleton to review.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Copy a brief's plain text into content/briefs/ and write a sidecar skeleton from what the importer detects."
    )

    @Argument(help: "The plain-text brief (text extracted from a PDF).")
    var file: String

    @Option(name: .long, help: "The brief's slug (its URL); defaults to one made from the file name.")
    var slug: String?

    @Option(name: .long, help: "Folder of content.")
    var content = "content"

    @Flag(name: .long, help: "Replace an existing brief and sidecar of the same slug.")
    var force = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let bytes = [UInt8](data)
        let text: String
        switch SourceText.decode(bytes, path: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): throw ValidationError(diagnostic.description)
        }
        let briefSlug = slug ?? Slug.make(from: Path.stem(of: file))
        guard Slug.isValid(briefSlug) else { throw ValidationError("'\(briefSlug)' is not a valid slug; pass --slug") }
        let folder = Path.join(content, "briefs")
        let textPath = Path.join(folder, briefSlug + ".txt")
        let sidecarPath = Path.join(folder, briefSlug + ".yml")
        if !force, FileManager.default.fileExists(atPath: textPath) || FileManager.default.fileExists(atPath: sidecarPath) {
            throw ValidationError("\(textPath) or its sidecar already exists; pass --force to replace them")
        }
        let analysis = BriefImporter.analyze(text: text, slug: briefSlug, sourcePath: textPath, sidecar: nil)
        DiagnosticPrinter.print(analysis.diagnostics)
        if analysis.diagnostics.containsErrors { throw ExitCode(1) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The text is copied byte for byte: the importer cleans it at every build, so it is never edited by hand.
        try data.write(to: URL(fileURLWithPath: textPath))
        let skeleton = SidecarSkeleton.yaml(for: analysis.brief, detectedFurniture: analysis.detectedFurniture)
        try Data(skeleton.utf8).write(to: URL(fileURLWithPath: sidecarPath))
        let brief = analysis.brief
        print("imported \(textPath): \(brief.paragraphCount) paragraphs in \(brief.sections.count) sections\(brief.pageCount.map { ", \($0) pages" } ?? "")")
        print("review \(sidecarPath): title, authors, date and the furniture patterns detected")
    }
}
