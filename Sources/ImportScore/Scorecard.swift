import BriefImport
import DossierCore

/// How one import of one corpus brief compares with its truth.
struct Scorecard {
    var metadataRight = 0
    var metadataTotal = 4
    var wrongFields: [String] = []
    var paragraphsExact = 0
    var paragraphsTotal = 0
    /// Truth paragraphs missed only because `pdftotext` dropped a line-end hyphen before dossier saw the text.
    var lostToExtractorHyphens = 0
    /// Output ¶ that match no truth paragraph.
    var extraParagraphs = 0
    /// Running heads, feet and page numbers that survived as ¶ or headings.
    var furnitureLeaks = 0
    /// Notes and back matter (bios, disclaimers, addresses) numbered as body ¶.
    var backMatterLeaks = 0
    var listItemsRight = 0
    var listItemsTotal = 0
    var headingsMissed = 0
    var headingsInvented = 0
    /// Truth notes found as notes (same number, exact text) and how many the truth has.
    var notesRight = 0
    var notesTotal = 0
    /// Truth tables found as one table ¶ with the same cells, and how many the truth has.
    var tablesRight = 0
    var tablesTotal = 0
    var missedParagraphs: [String] = []
    var inventedParagraphs: [String] = []

    init(truth: CorpusTruth, brief: Brief) {
        scoreMetadata(truth: truth, metadata: brief.metadata)
        let output = brief.paragraphs
        var unmatched = Array(output.indices)
        let expected = truth.paragraphs
        paragraphsTotal = expected.count
        for block in expected {
            if block.kind == "table" {
                let cells = (block.rows ?? []).flatMap { $0 }
                let holders = unmatched.filter { index in Self.containsInOrder(Self.normal(output[index].fullText), cells) }
                if holders.count == 1, !unmatched.contains(where: { cells.contains(Self.normal(output[$0].fullText)) }) {
                    paragraphsExact += 1
                    unmatched.removeAll { $0 == holders[0] }
                } else {
                    missedParagraphs.append("[table] " + cells.prefix(4).joined(separator: " | "))
                }
                continue
            }
            let text = Self.normal(block.text ?? "")
            if let found = unmatched.first(where: { Self.normal(output[$0].fullText) == text }) {
                paragraphsExact += 1
                unmatched.removeAll { $0 == found }
                if block.kind == "bullet" || block.kind == "numbered" {
                    listItemsTotal += 1
                    if Self.kindName(output[found].kind) == block.kind { listItemsRight += 1 }
                }
                continue
            }
            if block.kind == "bullet" || block.kind == "numbered" { listItemsTotal += 1 }
            let dehyphenated = Self.withoutCompoundHyphens(text)
            if dehyphenated != text, unmatched.contains(where: { Self.withoutCompoundHyphens(Self.normal(output[$0].fullText)) == dehyphenated }) {
                lostToExtractorHyphens += 1
            }
            missedParagraphs.append(text)
        }
        notesTotal = truth.notes.count
        notesRight = truth.notes.filter { note in
            brief.notes.contains { $0.number == note.number && Self.normal($0.text) == Self.normal(note.text) }
        }.count
        for block in expected where block.kind == "table" {
            tablesTotal += 1
            let rows = (block.rows ?? []).map { $0.map(Self.normal) }
            if output.contains(where: { if case .table(let found) = $0.kind { return found.map { $0.map(Self.normal) } == rows } else { return false } }) {
                tablesRight += 1
            }
        }
        let leakTexts = truth.notes.map { Self.normal($0.text) } + truth.backMatter.map(Self.normal)
        for index in unmatched {
            let text = Self.normal(output[index].fullText)
            if Self.isFurniture(text, truth: truth) { furnitureLeaks += 1 }
            if leakTexts.contains(where: { !$0.isEmpty && (text.contains($0) || $0.contains(text)) }) { backMatterLeaks += 1 }
            inventedParagraphs.append(text)
        }
        extraParagraphs = unmatched.count
        let found = brief.sections.compactMap(\.heading).map { Self.normal($0).lowercased() }
        let wanted = truth.headings.map { Self.normal($0).lowercased() }
        headingsMissed = wanted.filter { !found.contains($0) }.count
        headingsInvented = found.filter { !wanted.contains($0) }.count
        furnitureLeaks += brief.sections.compactMap(\.heading).filter { Self.isFurniture(Self.normal($0), truth: truth) }.count
    }

    private mutating func scoreMetadata(truth: CorpusTruth, metadata: BriefMetadata) {
        func check(_ name: String, _ right: Bool) {
            if right { metadataRight += 1 } else { wrongFields.append(name) }
        }
        check("title", Self.normal(metadata.title) == Self.normal(truth.title))
        check("subtitle", metadata.subtitle.map(Self.normal) == truth.subtitle.map(Self.normal))
        check("authors", metadata.authors.map(Self.normal) == truth.authors.map(Self.normal))
        check("date", metadata.date.flatMap(DateReader.iso) == truth.dateISO)
    }

    static func isFurniture(_ text: String, truth: CorpusTruth) -> Bool {
        if truth.furniture.contains(where: { text.contains(normal($0)) }) { return true }
        return text.wholeMatch(of: /(?i:page\s+)?[0-9]{1,3}/) != nil
    }

    static func kindName(_ kind: Paragraph.Kind) -> String {
        switch kind {
        case .prose: return "prose"
        case .bulletItem: return "bullet"
        case .numberedItem: return "numbered"
        case .table: return "table"
        case .caption: return "caption"
        }
    }

    /// Whitespace collapsed; nothing else is forgiven.
    static func normal(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func containsInOrder(_ text: String, _ parts: [String]) -> Bool {
        var rest = Substring(text)
        for part in parts {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// `long-range` → `longrange`, what `pdftotext`'s default mode makes of a compound broken at a line end.
    static func withoutCompoundHyphens(_ text: String) -> String {
        text.replacing(/(\p{Ll})-(\p{Ll})/) { "\($0.output.1)\($0.output.2)" }
    }
}
