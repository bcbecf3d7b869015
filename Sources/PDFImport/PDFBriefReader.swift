import Foundation
import BriefImport
import DossierCore
import PDFText

/// A PDF brief read for import: the text dossier keeps (one block per line, headings on their own
/// lines, page numbers between pages) and the sidecar that pins down what the PDF's type showed.
public struct PDFBriefImport: Sendable {
    /// The brief's text as `content/briefs/<slug>.txt` keeps it.
    public var text: String
    /// Metadata and headings read from sizes and weights, for the sidecar.
    public var sidecar: BriefSidecar
    /// Notes by number (footnotes at page feet and endnotes).
    public var notes: [(number: Int, text: String)]
    /// Running heads and feet and page numbers dropped.
    public var furniture: [String]
    /// Author notes, disclaimers, copyright and address lines kept out of the body.
    public var backMatter: [String]
    /// Pages in the PDF.
    public var pageCount: Int

    /// The brief the build will make of the text and sidecar.
    public func analyze(slug: String, sourcePath: String) -> BriefImportResult {
        BriefImporter.analyze(text: text, slug: slug, sourcePath: sourcePath, sidecar: sidecar)
    }
}

/// Reads a brief from the positioned, typed lines of its PDF pages.
public enum PDFBriefReader {
    /// Reads the PDF at `path` through poppler.
    /// `usingTags: false` reads by layout alone, as for an untagged PDF.
    public static func read(path: String, usingTags: Bool = true) throws -> PDFBriefImport {
        read(pages: try PDFDocumentReader.read(path: path), blockTexts: usingTags ? PDFStructureReader.blockTexts(path: path) : [])
    }

    /// Reads pages already extracted (also how tests feed it lines), with the block texts of a tagged PDF.
    public static func read(pages: [PDFPage], blockTexts: [String] = []) -> PDFBriefImport {
        let layout = PageLayout(pages: pages)
        let masthead = PDFMasthead(lines: layout.lines, bodySize: layout.bodySize)
        let bodyLines = Array(layout.lines.dropFirst(masthead.lineCount))
        let reader = PDFBlockReader(
            bodySize: layout.bodySize, wholeWords: TextGlue.words(of: layout.lines.map(\.text)), tagged: TaggedBlocks(blockTexts: blockTexts)
        )
        let blocks = reader.blocks(bodyLines)
        var authors = masthead.authors
        var notes = layout.footnotes.map { (number: $0.key, text: $0.value) }
        var backMatter: [String] = []
        var headings: [String] = []
        var notHeadings: [String] = []
        var lines: [String] = []
        var page = bodyLines.first?.page ?? 1
        for (block, blockPage) in blocks {
            while page < blockPage {
                lines.append(String(page))
                page += 1
            }
            switch block {
            case .heading(let text):
                headings.append(text)
                lines.append(text)
            case .paragraph(let text):
                // Only lines the text importer could take for a heading need pinning down.
                if text.split(separator: " ").count <= 16, let last = text.last, !".,;!?\"”’)".contains(last) {
                    notHeadings.append(text)
                }
                lines.append(text)
            case .table(let rows):
                // One block of `| a | b |` lines: the text importer keeps it as one table (TableText).
                lines.append(rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |" }.joined(separator: "\n"))
            case .note(let number, let text):
                notes.append((number, text))
            case .backMatter(let text):
                backMatter.append(text)
            }
        }
        if authors.isEmpty { authors = authorsFromBackMatter(backMatter) }
        var seen: Set<Int> = []
        notes = notes.filter { seen.insert($0.number).inserted }.sorted { $0.number < $1.number }
        if !notes.isEmpty {
            // Footnotes and endnotes alike end the text under one heading (NoteText reads them back).
            lines.append("Notes")
            lines += notes.map { "\($0.number). \($0.text)" }
        }
        lines.append(String(max(page, pages.count)))
        let sidecar = BriefSidecar(
            title: masthead.title, subtitle: masthead.subtitle, authors: authors, program: masthead.series,
            date: masthead.date.flatMap(DateReader.iso), headings: headings + (notes.isEmpty ? [] : ["Notes"]), notHeadings: notHeadings
        )
        return PDFBriefImport(
            text: lines.joined(separator: "\n\n") + "\n", sidecar: sidecar,
            notes: notes, furniture: layout.furniture, backMatter: backMatter,
            pageCount: pages.count
        )
    }

    /// `Dana R. Whitfield, Analyst in Asian Affairs` lines under "Author Information".
    static func authorsFromBackMatter(_ backMatter: [String]) -> [String] {
        guard let start = backMatter.firstIndex(where: { ["author information", "about the authors", "about the author"].contains($0.lowercased()) }) else {
            return []
        }
        var names: [String] = []
        for entry in backMatter[(start + 1)...] {
            guard let comma = entry.firstIndex(of: ","), let found = PDFMasthead.names(String(entry[..<comma])), found.count == 1 else { break }
            names += found
        }
        return names
    }
}
