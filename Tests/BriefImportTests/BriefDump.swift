import BriefImport
import DossierCore

/// A stable, readable text dump of an import result, one line per fact, for golden fixtures.
enum BriefDump {
    /// Metadata, detected furniture and masthead, then each section and paragraph, then diagnostics.
    static func dump(_ result: BriefImportResult) -> String {
        let brief = result.brief
        let metadata = brief.metadata
        var lines = [
            "title: \(metadata.title)",
            "editorial: \(metadata.isEditorialTitle)",
            "subtitle: \(metadata.subtitle ?? "-")",
            "authors: \(metadata.authors.isEmpty ? "-" : metadata.authors.joined(separator: "; "))",
            "program: \(metadata.program ?? "-")",
            "date: \(metadata.date ?? "-")",
            "cite: \(metadata.citationLabel)",
            "pages: \(brief.pageCount.map(String.init) ?? "-")",
        ]
        lines += result.mastheadLines.map { "masthead: \($0)" }
        lines += result.detectedFurniture.map { "furniture: \($0)" }
        for section in brief.sections {
            lines.append("== [\(section.slug)] \(section.heading ?? "(no heading)") (line \(section.line))")
            for paragraph in section.paragraphs {
                let page = paragraph.page.map { "p\($0)" } ?? "p-"
                let range = "L\(paragraph.lines.lowerBound)-\(paragraph.lines.upperBound)"
                lines.append("¶\(paragraph.number) \(page) \(range) \(kind(paragraph.kind))")
                if let leadIn = paragraph.leadIn { lines.append("  lead: \(leadIn)") }
                lines.append("  text: \(paragraph.text)")
            }
        }
        lines += result.diagnostics.map { "diagnostic: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func kind(_ kind: Paragraph.Kind) -> String {
        switch kind {
        case .prose: return "prose"
        case .bulletItem: return "bullet"
        case .numberedItem(let number): return "numbered(\(number))"
        case .table(let rows): return "table(\(rows.count) rows)"
        case .caption: return "caption"
        }
    }
}
