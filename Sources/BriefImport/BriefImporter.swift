import DossierCore
import Foundation

/// Everything one import produces: the brief, its problems, and what the heuristics detected.
public struct BriefImportResult: Sendable {
    /// The imported brief.
    public var brief: Brief
    /// Problems found, in source order.
    public var diagnostics: [Diagnostic]
    /// Distinct furniture lines removed, in order of first appearance (for a sidecar skeleton).
    public var detectedFurniture: [String]
    /// The masthead lines moved into metadata, as written.
    public var mastheadLines: [String]
    /// Back matter kept out of the body: notes headings, author bios, disclaimers, copyright lines.
    public var backMatter: [String] = []
    /// Why each line left out of the body was left out, by source line number (for `--explain`).
    public var dropped: [Int: String] = [:]
    /// Lines that still hold two runs of text side by side after column reading (interleaved columns?).
    public var sideBySideLines: [Int] = []
}

/// Turns the plain text of a policy brief into a `Brief` (pure: text in, brief out).
public enum BriefImporter {
    /// Imports a brief; `sourcePath` is relative to the project root and used in diagnostics.
    public static func importBrief(
        text: String, slug: String, sourcePath: String, sidecar: BriefSidecar?
    ) -> (brief: Brief, diagnostics: [Diagnostic]) {
        let result = analyze(text: text, slug: slug, sourcePath: sourcePath, sidecar: sidecar)
        return (result.brief, result.diagnostics)
    }

    /// Imports a brief and also reports what was detected (furniture, masthead).
    public static func analyze(text: String, slug: String, sourcePath: String, sidecar: BriefSidecar?) -> BriefImportResult {
        let hints = sidecar ?? BriefSidecar()
        var diagnostics: [Diagnostic] = []
        let sidecarLocation = SourceLocation(path: sidecarPath(for: sourcePath), line: 1, column: 1)
        var patterns: [NSRegularExpression] = []
        for pattern in hints.furniturePatterns {
            switch FurniturePattern.compile(pattern) {
            case .success(let compiled): patterns.append(compiled)
            case .failure(let error): diagnostics.append(.error(error.message, at: sidecarLocation))
            }
        }

        var lines = ColumnReader.readingOrder(SourceLine.split(text))
        // Hard-wrapped text (pdftotext's) whose masthead the unit reader below cannot see: its lines
        // are read first and kept out of the body.
        let lineMasthead = Masthead.needsLineReader(lines) ? TextMasthead(lines: lines) : nil
        let unread = lines
        BlockOrder.repair(&lines, from: (lineMasthead?.lineIndices.max()).map { $0 + 1 } ?? 0)
        for index in lineMasthead?.lineIndices ?? [] { lines[index].text = "" }
        let forcedHeadings = Set(hints.headings.map { SourceLine.normalize($0) })
        let detector = FurnitureDetector(patterns: patterns, protectedLines: forcedHeadings)
        var furniture = detector.detect(in: lines)
        let bodyStart = (lineMasthead?.lineIndices.max()).map { $0 + 1 } ?? 0
        for index in FurnitureDetector.echoes(in: lines, original: unread, furniture: furniture) { furniture[index] = Furniture(reason: .echo) }
        let backMatter = BackMatter(lines: lines, furniture: furniture, bodyStart: bodyStart)
        for index in FurnitureDetector.pageFeet(in: lines, furniture: furniture, excluding: backMatter.lineIndices) {
            furniture[index] = Furniture(reason: .pageFoot)
        }
        for index in FurnitureDetector.strayLines(in: lines, furniture: furniture, excluding: backMatter.lineIndices, from: bodyStart) {
            furniture[index] = Furniture(reason: .stray)
        }
        let authorsAtEnd = TextMasthead.authorsAtEnd(lines)
        for index in backMatter.lineIndices { lines[index].text = "" }
        for (index, text) in backMatter.unmarked { lines[index].text = text }
        // Cells repeat (`Yes`, `No`), so lines taken for running heads only by repetition may be cells.
        let tableLines = TableReader.mark(
            &lines, skipping: { $0 < bodyStart || ![nil, .repeated].contains(furniture[$0]?.reason) },
            mayBeCell: { $0 >= bodyStart && furniture[$0]?.reason == .pageNumber }
        )
        for index in tableLines { furniture[index] = nil }
        let words = WordList(texts: lines.map(\.text))
        for index in lines.indices where index >= bodyStart && !lines[index].isBlank && !lines[index].isTable {
            lines[index].text = words.restoringHyphens(lines[index].text)
        }
        var stream = ContentStream(lines: lines, furniture: furniture)
        let gluedNumber = stream.stripGluedPageNumber()

        let notHeadings = Set(hints.notHeadings.map { SourceLine.normalize($0) })
        let builder = UnitBuilder(layout: Layout(stream: stream), forcedHeadings: forcedHeadings, notHeadings: notHeadings)
        let units = builder.units(of: stream)
        var masthead = Masthead(units: units, notHeadings: notHeadings, isHeading: builder.isHeading)
        if let lineMasthead { masthead.adopt(lineMasthead) }
        if masthead.authors.isEmpty, masthead.title != nil { masthead.authors = authorsAtEnd }
        let pageMap = PageMap.resolve(runs: stream.runs, segmentCount: stream.segmentCount)
        let (sections, notes) = makeSections(
            units: Array(units.dropFirst(masthead.unitCount)), builder: builder, pageMap: pageMap, notes: backMatter.notes, words: words
        )

        let metadata = makeMetadata(hints: hints, masthead: masthead, slug: slug)
        var brief = Brief(
            slug: slug, sourcePath: sourcePath, metadata: metadata, sections: sections, pageCount: pageMap?.pageCount
        )
        brief.notes = notes
        let paragraphCount = brief.paragraphCount
        if paragraphCount == 0 {
            diagnostics.append(.error("brief has no body text", at: SourceLocation(path: sourcePath, line: 1, column: 1)))
        }
        for override in hints.tagOverrides where !(1...max(1, paragraphCount)).contains(override.paragraph) || paragraphCount == 0 {
            diagnostics.append(.error(
                "tag override for ¶\(override.paragraph), but the brief has \(paragraphCount) paragraphs",
                at: override.location ?? sidecarLocation
            ))
        }

        var detected: [String] = []
        for index in lines.indices where furniture[index] != nil && !detected.contains(lines[index].text) {
            detected.append(lines[index].text)
        }
        if let gluedNumber { detected.append(String(gluedNumber)) }
        var dropped: [Int: String] = [:]
        for (index, found) in furniture { dropped[lines[index].number] = "furniture (\(found.reason.rawValue))" }
        for index in backMatter.lineIndices {
            dropped[lines[index].number] = backMatter.notes.isEmpty ? "back matter (after a back-matter heading, or copyright/disclaimer)"
                : "notes or back matter (under a notes heading, footnotes closing a page, bios, copyright, disclaimer)"
        }
        let sideBySide = lines.filter(Self.mayBeSideBySide).map(\.number)
        return BriefImportResult(
            brief: brief, diagnostics: diagnostics, detectedFurniture: detected, mastheadLines: masthead.lines,
            backMatter: backMatter.lines, dropped: dropped, sideBySideLines: sideBySide
        )
    }

    /// `content/briefs/x.txt` → `content/briefs/x.yml`.
    static func sidecarPath(for sourcePath: String) -> String {
        sourcePath.hasSuffix(".txt") ? String(sourcePath.dropLast(4)) + ".yml" : sourcePath + ".yml"
    }

    /// Sections with numbered paragraphs, pages and lead-ins; the notes (`NoteText`) apart, linked to their markers.
    private static func makeSections(
        units: [TextUnit], builder: UnitBuilder, pageMap: PageMap?, notes found: [BriefNote], words: WordList
    ) -> ([BriefSection], [BriefNote]) {
        var sections: [BriefSection] = []
        var notes = NoteCollector()
        var slugger = HeadingSlugger()
        var number = 0
        let units = TableText.mergingRows(units)
        for (position, unit) in units.enumerated() {
            let next = units.indices.contains(position + 1) ? units[position + 1] : nil
            if builder.isHeading(unit) || (next.map { UnitBuilder.isLabelOverList(unit, next: $0) } ?? false) {
                // A numbered heading keeps its number (`1. Introduction`).
                let heading = TextJoiner.join(unit.lines.map(\.text), words: words)
                if notes.opens(heading: heading) { continue }
                sections.append(BriefSection(heading: heading, slug: slugger.slug(for: heading), paragraphs: [], line: unit.lines[0].number))
                continue
            }
            if notes.take(unit) { continue }
            if sections.isEmpty {
                sections.append(BriefSection(heading: nil, slug: slugger.slug(for: nil), paragraphs: [], line: unit.lines[0].number))
            }
            number += 1
            var kind: Paragraph.Kind
            var text = unit.joinedText(words: words)
            switch unit.listMarker {
            case .bullet: kind = .bulletItem
            case .number(let value): kind = .numberedItem(value)
            case nil: kind = TableText.isCaption(text) ? .caption : .prose
            }
            if let rows = TableText.rows(of: unit) {
                kind = .table(rows: rows)
                text = rows.map { $0.joined(separator: " | ") }.joined(separator: "\n")
            }
            let paragraph = Paragraph(
                number: number, text: text, kind: kind,
                page: pageMap?.page(ofSegment: unit.lines[0].segment),
                lines: (unit.lines.map(\.number).min() ?? 1)...(unit.lines.map(\.number).max() ?? 1)
            )
            sections[sections.count - 1].paragraphs.append(paragraph)
        }
        var found = found + notes.notes.filter { note in !found.contains { $0.number == note.number } }
        found.sort { $0.number < $1.number }
        NoteText.link(&sections, notes: &found)
        let detector = LeadInDetector(texts: sections.flatMap { $0.paragraphs.map(\.text) })
        for index in sections.indices {
            let found = detector.leadIns(
                for: sections[index].paragraphs.map(\.text),
                inRecommendationSection: LeadInDetector.isRecommendationHeading(sections[index].heading)
            )
            for (position, leadIn) in found.enumerated() {
                guard let leadIn else { continue }
                sections[index].paragraphs[position].leadIn = leadIn.leadIn
                sections[index].paragraphs[position].text = leadIn.rest
            }
        }
        return (sections, found)
    }

    /// Metadata from the masthead, overridden field by field by the sidecar.
    private static func makeMetadata(hints: BriefSidecar, masthead: Masthead, slug: String) -> BriefMetadata {
        let title = hints.title ?? masthead.title ?? humanize(slug)
        let authors = hints.authors.isEmpty ? masthead.authors : hints.authors
        let date = hints.date ?? masthead.date
        return BriefMetadata(
            title: title, isEditorialTitle: hints.editorialTitle, subtitle: hints.subtitle ?? masthead.subtitle,
            authors: authors, publisher: hints.publisher, program: hints.program ?? masthead.program, date: date,
            sourceURL: hints.sourceURL,
            citationLabel: hints.citeAs ?? citationLabel(authors: authors, date: date) ?? title
        )
    }

    /// `Tatsumi 2024` from the first author's surname and the year in the date.
    public static func citationLabel(authors: [String], date: String?) -> String? {
        let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd"]
        guard let author = authors.first,
              let year = date?.firstMatch(of: /(?:19|20)[0-9]{2}/) else { return nil }
        let names = author.split(separator: " ").map { String($0.filter { $0 != "," }) }
        guard let surname = names.last(where: { !suffixes.contains($0.lowercased().filter(\.isLetter)) }) else {
            return nil
        }
        return "\(surname) \(year.output)"
    }

    /// `japan-alliance` → `Japan alliance`, a last-resort title.
    private static func humanize(_ slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A long line with a wide gap inside: two columns `pdftotext` set side by side. The cheap tests
    /// come first; the pattern is compiled once.
    private static func mayBeSideBySide(_ line: SourceLine) -> Bool {
        guard !line.isTable, !line.isBlank, line.raw.utf8.count > 60, line.raw.count > 60 else { return false }
        return line.raw.contains(wideGap)
    }

    nonisolated(unsafe) private static let wideGap = /\S {3,}\S/
}
