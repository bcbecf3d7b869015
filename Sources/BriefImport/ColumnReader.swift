import Foundation

/// Puts text laid out in two columns (what `pdftotext -layout` writes for a two-column page) back
/// into reading order: per page, the left column, then the right.
///
/// The right column is found by its left edge: the character position where, after a gap of two or
/// more spaces (or an indent), the most lines of the page start text. It counts as a column when
/// at least five lines and a third of the page's lines start there, and the text left of it is
/// prose, not table cells (its median is at least half the gutter's position). A line with text
/// just before that edge spans both columns (a title, a footer, a wide table) and closes a region;
/// so do two blank lines in a row. Within a region that has text right of the edge on two lines
/// or more, each line is cut at the edge. A cell left empty only because the other column's line
/// sits a little higher or lower is dropped; a row blank on both sides stays a blank line.
enum ColumnReader {
    /// The lines in reading order; lines of a two-column region become two lines with the same number.
    static func readingOrder(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, !lines[end].hasFormFeed { end += 1 }
            result += page(Array(lines[start..<end]))
            start = end
        }
        return result
    }

    /// One page (the lines between form feeds).
    static func page(_ lines: [SourceLine]) -> [SourceLine] {
        let rows = lines.map { Array($0.raw) }
        guard let edge = rightEdge(rows) else { return lines }
        var result: [SourceLine] = []
        var region: [Int] = []
        var blankRun = 0
        func flush() {
            result += split(region.map { lines[$0] }, rows: region.map { rows[$0] }, edge: edge)
            region = []
        }
        for (index, row) in rows.enumerated() {
            let isBlank = lines[index].isBlank
            blankRun = isBlank ? blankRun + 1 : 0
            if !isBlank, row.count > edge - 1, row[edge - 1] != " " {
                flush()
                result.append(lines[index])
                continue
            }
            region.append(index)
            if blankRun == 2 { flush() }
        }
        flush()
        if lines.first?.hasFormFeed == true, !result.isEmpty { result[0].hasFormFeed = true }
        return result
    }

    /// The right column's left edge, or nil when the page is not in two columns.
    static func rightEdge(_ rows: [[Character]]) -> Int? {
        let width = rows.map(\.count).max() ?? 0
        let nonBlank = rows.filter { $0.contains { $0 != " " } }
        guard width >= 40, nonBlank.count >= 5 else { return nil }
        var starts: [Int: Int] = [:]
        let first = max(2, width / 5)
        for row in nonBlank where row.count > first {
            for position in first..<row.count where row[position] != " " && row[position - 1] == " " && row[position - 2] == " " {
                starts[position, default: 0] += 1
            }
        }
        guard let best = starts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
              best.value >= 5, best.value * 3 >= nonBlank.count else { return nil }
        let edge = best.key
        let leftLengths = nonBlank.compactMap { row -> Int? in
            guard row.count > edge, row[edge] != " " else { return nil }
            let left = String(row[..<edge]).trimmingCharacters(in: .whitespaces)
            return left.isEmpty ? nil : left.count
        }.sorted()
        guard leftLengths.count >= 2, leftLengths[leftLengths.count / 2] * 2 >= edge else { return nil }
        return edge
    }

    /// A region cut at `edge` into its left column, then its right one, when both hold text.
    private static func split(_ lines: [SourceLine], rows: [[Character]], edge: Int) -> [SourceLine] {
        let rightTexts = rows.filter { $0.count > edge && $0[edge...].contains { $0 != " " } }
        guard rightTexts.count >= 2 else { return lines }
        var left: [SourceLine] = []
        var right: [SourceLine] = []
        // Each column's own margin: a part is indented when it starts further in than that.
        let parts = rows.map { row in (String(row.prefix(edge)), row.count > edge ? String(row[edge...]) : "") }
        let margins = [
            parts.map(\.0).filter { $0.contains { $0 != " " } }.map(SourceLine.indent).min() ?? 0,
            parts.map(\.1).filter { $0.contains { $0 != " " } }.map(SourceLine.indent).min() ?? 0,
        ]
        for (line, row) in zip(lines, rows) {
            guard !line.isBlank else {
                left.append(line)
                right.append(SourceLine(number: line.number, text: "", hasFormFeed: false))
                continue
            }
            let leftPart = String(row.prefix(edge))
            let rightPart = row.count > edge ? String(row[edge...]) : ""
            for (part, column) in [(leftPart, 0), (rightPart, 1)] {
                let text = SourceLine.normalize(part)
                guard !text.isEmpty else { continue }
                let cut = SourceLine(
                    number: line.number, text: text, hasFormFeed: column == 0 && line.hasFormFeed,
                    isIndented: SourceLine.indent(part) > margins[column], raw: part
                )
                if column == 0 { left.append(cut) } else { right.append(cut) }
            }
        }
        return left + right
    }
}
