/// The body of a PDF brief as blocks: headings, paragraphs (prose, list items, captions, tables)
/// and back matter (notes, author notes, disclaimers, addresses), which never join the body.
enum PDFBlock: Equatable {
    case heading(String)
    case paragraph(String)
    case table([[String]])
    case note(Int, String)
    case backMatter(String)
}

/// Groups placed lines into blocks from sizes, weights, indents, gaps and the "next word would
/// have fitted" test that tells a paragraph's last line from a wrapped one.
struct PDFBlockReader {
    var bodySize: Double
    /// Words the document writes, for mending line-end hyphens.
    var wholeWords: Set<String>
    /// Where a tagged PDF's structure says blocks begin (empty for an untagged one).
    var tagged = TaggedBlocks()

    static let backMatterHeadings: Set<String> = [
        "notes", "endnotes", "footnotes", "references", "about the author", "about the authors",
        "author information", "disclaimer", "acknowledgments", "acknowledgements",
    ]

    /// The blocks, each with the page its first line is on.
    func blocks(_ lines: [PlacedLine]) -> [(block: PDFBlock, page: Int)] {
        var blocks: [(block: PDFBlock, page: Int)] = []
        var paragraph: [PlacedLine] = []
        var inBackMatter = false
        let pitch = Self.modalPitch(lines)
        let tableRows = Self.tableRows(lines)
        func flush() {
            guard let page = paragraph.first?.page else { return }
            let text = paragraph.map(\.markedText).reduce("") { TextGlue.join($0, $1, wholeWords: wholeWords) }
            if inBackMatter {
                if let (number, rest) = PageLayout.noteStart(text) {
                    blocks.append((.note(number, rest), page))
                } else {
                    blocks.append((.backMatter(text), page))
                }
            } else if paragraph.count >= 2, paragraph.allSatisfy({ tableRows.contains($0.id) }) {
                blocks.append((.table(paragraph.map { Self.cells(of: $0) }), page))
            } else {
                blocks.append((.paragraph(text), page))
            }
            paragraph = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isHeading(line) {
                flush()
                var text = line.text
                while index + 1 < lines.count, isHeading(lines[index + 1]), lines[index + 1].fontSize == line.fontSize,
                      lines[index + 1].page == line.page, lines[index + 1].top - lines[index].bottom < line.fontSize * 0.6 {
                    index += 1
                    text = TextGlue.join(text, lines[index].text)
                }
                let lower = text.lowercased()
                if Self.backMatterHeadings.contains(lower) { inBackMatter = true }
                blocks.append((inBackMatter ? .backMatter(text) : .heading(text), line.page))
                index += 1
                continue
            }
            if !inBackMatter, Self.opensBackMatter(line.text) {
                flush()
                inBackMatter = true
            }
            if let previous = paragraph.last {
                let rows = (tableRows.contains(previous.id), tableRows.contains(line.id))
                // Table rows stay together in one table; a table never shares a block with prose.
                if rows.0 != rows.1 || (!rows.0 && startsParagraph(line, after: previous, pitch: pitch)) { flush() }
            }
            paragraph.append(line)
            index += 1
        }
        flush()
        return blocks
    }

    func isHeading(_ line: PlacedLine) -> Bool {
        let words = line.text.split(separator: " ").count
        guard words <= 16, !line.text.isEmpty, ListMarkers.marker(of: line.text) == nil || line.text.first?.isNumber == true else { return false }
        if line.fontSize >= bodySize * 1.1 { return true }
        // Small capitals are set in two sizes; the larger (the capitals) tells the heading's size.
        let largest = line.line.runs.map(\.fontSize).max() ?? line.fontSize
        return line.isBold && largest >= bodySize * 0.85 && !line.text.hasSuffix(".")
    }

    /// Whether `line` opens a new paragraph rather than continuing the one `previous` ends.
    func startsParagraph(_ line: PlacedLine, after previous: PlacedLine, pitch: Double) -> Bool {
        if ListMarkers.marker(of: line.text) != nil { return true }
        // The tags know; layout alone cannot tell a ¶ that ends at a column foot on a full line.
        if tagged.startsBlock(line.text) { return true }
        if Self.isCaption(line.text) || Self.isCaption(previous.text) && LineEnd.isTerminated(previous.text) { return true }
        if abs(line.fontSize - previous.fontSize) > 1.2 { return true }
        let sameColumn = line.page == previous.page && line.column == previous.column
        if sameColumn, line.top - previous.top > pitch * 1.3 { return true }
        if line.left > line.columnLeft + bodySize * 0.8, line.right < line.columnRight + 1 || !sameColumn {
            // An indented first line; a centred short line is not an indent, but that ends with a full stop anyway.
            return true
        }
        guard LineEnd.isTerminated(previous.text) else { return false }
        // The previous line ended early although the next word would have fitted: a paragraph end.
        let characters = max(1, line.text.count)
        let firstWord = Double(line.text.prefix(while: { $0 != " " }).count)
        let wordWidth = (line.right - line.left) / Double(characters) * (firstWord + 1)
        return previous.right + wordWidth < previous.columnRight - 1
    }

    /// The most common distance between the tops of consecutive lines of one column.
    static func modalPitch(_ lines: [PlacedLine]) -> Double {
        var counts: [Double: Int] = [:]
        for (a, b) in zip(lines, lines.dropFirst()) where a.page == b.page && a.column == b.column {
            let pitch = ((b.top - a.top) * 2).rounded() / 2
            if pitch > 0 { counts[pitch, default: 0] += 1 }
        }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 14
    }

    static func isCaption(_ text: String) -> Bool {
        text.wholeMatch(of: /(?:Table|Figure|Chart|Graph|Map|Box|Exhibit)\s+[0-9]+[.:].*/) != nil
    }

    static func opensBackMatter(_ text: String) -> Bool {
        text.hasPrefix("©") || text.lowercased().hasPrefix("copyright ") || text.lowercased().hasPrefix("all rights reserved")
    }

    /// Cells of a table row: runs separated by a wide gap.
    static func cells(of line: PlacedLine) -> [String] {
        var cells: [String] = []
        var previousRight: Double?
        for run in line.line.runs {
            let text = run.text.trimmingCharacters(in: .whitespaces)
            if let right = previousRight, run.left - right > run.fontSize * 1.2 || cells.isEmpty {
                cells.append(text)
            } else if cells.isEmpty {
                cells.append(text)
            } else {
                cells[cells.count - 1] = TextGlue.join(cells[cells.count - 1], text)
            }
            previousRight = run.right
        }
        return cells.filter { !$0.isEmpty }
    }

    /// Lines of three or more cells whose cells start where a neighbouring row's cells start
    /// (a justified line with wide spaces has no such neighbour).
    static func tableRows(_ lines: [PlacedLine]) -> Set<Int> {
        func starts(_ line: PlacedLine) -> [Double] {
            var result: [Double] = []
            var previousRight: Double?
            for run in line.line.runs where !run.text.allSatisfy(\.isWhitespace) {
                if previousRight.map({ run.left - $0 > run.fontSize * 1.2 }) ?? true { result.append(run.left) }
                previousRight = run.right
            }
            return result
        }
        func aligned(_ a: [Double], _ b: [Double]) -> Bool {
            a.count >= 3 && b.count >= 3 && a.dropFirst().filter { x in b.contains { abs($0 - x) < 3 } }.count >= 2
        }
        var rows: Set<Int> = []
        for (a, b) in zip(lines, lines.dropFirst()) where a.page == b.page && aligned(starts(a), starts(b)) {
            rows.insert(a.id)
            rows.insert(b.id)
        }
        return rows
    }
}

/// List markers of every common kind: bullets (• ▪ ■ ◆ ● – - *) and numbers (`1.`, `(1)`, `a)`).
enum ListMarkers {
    static let bullets: Set<Character> = ["•", "◦", "▪", "■", "□", "◆", "◇", "●", "○", "‣", "∙", "–", "-", "*", "➢", "►", "✓"]

    static func marker(of text: String) -> String? {
        if let first = text.first, bullets.contains(first), text.dropFirst().first == " " { return String(first) }
        if let match = text.prefixMatch(of: /\(?(?:[0-9]{1,2}|[a-z])[.)]\s/) {
            let marker = String(match.output)
            // `1. Introduction` style headings are caught earlier by size or weight.
            return marker.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
