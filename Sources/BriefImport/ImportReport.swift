import DossierCore

/// What an import found, and warnings (with source lines) when the result looks wrong.
public struct ImportReport {
    public var result: BriefImportResult
    /// Pages of the PDF, when the brief came from one.
    public var pdfPages: Int?

    public init(result: BriefImportResult, pdfPages: Int? = nil) {
        self.result = result
        self.pdfPages = pdfPages
    }

    /// Title, authors, date, pages, ¶, headings, notes, tables, furniture dropped.
    public func summary(path: String) -> String {
        let brief = result.brief
        let metadata = brief.metadata
        let headings = brief.sections.compactMap(\.heading).count
        let pages = pdfPages ?? brief.pageCount
        var lines = ["imported \(path)"]
        lines.append("  title:     \(metadata.title)")
        if let subtitle = metadata.subtitle { lines.append("  subtitle:  \(subtitle)") }
        lines.append("  authors:   \(metadata.authors.isEmpty ? "(none found)" : metadata.authors.joined(separator: "; "))")
        lines.append("  date:      \(metadata.date ?? "(none found)")")
        lines.append("  pages:     \(pages.map(String.init) ?? "unknown")")
        let tables = brief.paragraphs.filter { if case .table = $0.kind { true } else { false } }.count
        lines.append("  found:     \(brief.paragraphCount) ¶, \(headings) headings, \(brief.notes.count) notes, \(tables) tables, "
            + "\(result.detectedFurniture.count) furniture lines dropped")
        return lines.joined(separator: "\n")
    }

    /// Signs of a bad import: one-line fragments, ¶ that stop mid-sentence, more headings than ¶,
    /// no sentence ends at all. Each names the source lines to look at.
    public var warnings: [String] {
        let path = result.brief.sourcePath
        let paragraphs = result.brief.paragraphs
        guard !paragraphs.isEmpty else { return [] }
        var warnings: [String] = []
        let unfinished = paragraphs.filter { $0.kind == .prose && !LineShape.endsWithTerminator($0.fullText) }
        if unfinished.count * 5 > paragraphs.count || unfinished.count >= 3 {
            warnings.append("warning: \(unfinished.count) of \(paragraphs.count) ¶ end mid-sentence (columns interleaved or a page-split ¶ not rejoined?) at "
                + Self.lineList(unfinished, path: path))
        }
        let fragments = paragraphs.filter { $0.kind == .prose && LineShape.words($0.fullText).count < 8 }
        if fragments.count * 4 > paragraphs.count, fragments.count >= 3 {
            warnings.append("warning: \(fragments.count) of \(paragraphs.count) ¶ are fragments under 8 words (hard-wrapped text read line by line?) at "
                + Self.lineList(fragments, path: path))
        }
        let headings = result.brief.sections.compactMap(\.heading).count
        if headings > paragraphs.count {
            warnings.append("warning: \(headings) headings but only \(paragraphs.count) ¶: short lines were taken for headings; list real ones under 'not_headings:' in the sidecar")
        }
        let sideBySide = result.sideBySideLines
        if sideBySide.count >= 3 {
            let shown = sideBySide.prefix(5).map { "\(path):\($0)" }.joined(separator: ", ")
            warnings.append("warning: \(sideBySide.count) lines hold two runs of text side by side (columns interleaved?) at \(shown)"
                + (sideBySide.count > 5 ? " and \(sideBySide.count - 5) more" : "") + "; check those ¶ read in order")
        }
        if !paragraphs.contains(where: { LineShape.endsWithTerminator($0.fullText) }) {
            warnings.append("warning: no ¶ ends a sentence: is this the brief's text? (\(path):\(paragraphs[0].lines.lowerBound))")
        }
        return warnings
    }

    /// `path:12, path:40 and 3 more`.
    static func lineList(_ paragraphs: [Paragraph], path: String) -> String {
        let shown = paragraphs.prefix(5).map { "\(path):\($0.lines.upperBound) (¶\($0.number))" }
        let more = paragraphs.count > 5 ? " and \(paragraphs.count - 5) more" : ""
        return shown.joined(separator: ", ") + more
    }
}

/// `dossier import --explain`: each source line with what the importer made of it.
public enum ImportExplainer {
    public static func explain(text: String, result: BriefImportResult) -> [String] {
        var role: [Int: String] = [:]
        for section in result.brief.sections {
            guard let heading = section.heading else { continue }
            role[section.line] = "heading: a line on its own with heading shape (short, capitals, no closing punctuation) or named in the sidecar — \"\(heading)\""
        }
        for paragraph in result.brief.paragraphs {
            let kind: String
            switch paragraph.kind {
            case .prose: kind = "prose"
            case .bulletItem: kind = "bullet item (opens with a bullet glyph)"
            case .numberedItem(let number): kind = "numbered item \(number)"
            case .table(let rows): kind = "table of \(rows.count) rows (lines of cells between bars)"
            case .caption: kind = "caption (opens with Table/Figure and a number)"
            }
            role[paragraph.lines.lowerBound] = "¶\(paragraph.number) starts: \(kind)" + (paragraph.leadIn.map { ", lead-in \"\($0)\"" } ?? "")
            if paragraph.lines.count > 1 {
                for line in paragraph.lines.dropFirst() { role[line] = "¶\(paragraph.number) continues (a wrapped or page-split line)" }
            }
        }
        for note in result.brief.notes {
            role[note.line] = "note \(note.number): under a Notes heading, opens with its number" + (note.paragraph.map { ", marked in ¶\($0)" } ?? ", marked in no ¶")
        }
        let furniture = Set(result.detectedFurniture)
        let masthead = Set(result.mastheadLines)
        var output: [String] = []
        for line in SourceLine.split(text) where !line.isBlank {
            let why: String
            if let known = role[line.number] {
                why = known
            } else if masthead.contains(line.text) {
                why = "masthead: title, byline, date or label before the body"
            } else if let reason = result.dropped[line.number] {
                why = reason
            } else if furniture.contains(line.text) {
                why = "furniture: page number, running head/foot repeated on pages, or contact line"
            } else {
                why = "dropped (furniture or glued page number)"
            }
            output.append("\(result.brief.sourcePath):\(line.number): \(why)  | \(line.text.prefix(60))")
        }
        return output
    }
}
