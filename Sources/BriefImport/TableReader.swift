/// Finds tables in plain text and rewrites their rows as `| cell | cell |` lines (`TableText`'s form,
/// which the PDF reader writes too), so a table is one table ¶ instead of a ¶ per cell.
///
/// - Aligned rows (`pdftotext -layout`): two or more consecutive lines that split at gaps of two or
///   more spaces into the same number of cells (at least two; three rows when there are only two
///   cells), with the cells starting at the same positions on every row and none over eight words.
/// - One cell per line (`pdftotext`'s default mode): six or more short lines (at most five words,
///   no closing punctuation) each followed by a blank line. The number of columns is the smallest
///   that divides the cells into rows where the first row is all labels and every column below it
///   is all numbers or all words; when none does, the cells stay one row.
enum TableReader {
    /// Rewrites `lines`: a table's first lines hold its rows (marked as table lines), its other lines turn blank.
    /// Returns the indices of every line the tables took.
    @discardableResult
    static func mark(_ lines: inout [SourceLine], skipping skipped: (Int) -> Bool, mayBeCell: (Int) -> Bool = { _ in false }) -> [Int] {
        var taken: [Int] = []
        var index = 0
        while index < lines.count {
            if let rows = alignedRows(lines, from: index, skipping: skipped) {
                replace(&lines, indices: Array(index..<(index + rows.count)), table: rows)
                taken += index..<(index + rows.count)
                index += rows.count
            } else if let cells = cellRun(lines, from: index, skipping: { skipped($0) && !mayBeCell($0) }, trimming: mayBeCell) {
                let texts = cells.map { lines[$0].text }
                replace(&lines, indices: cells, table: rowsOf(texts))
                taken += cells
                index = (cells.last ?? index) + 1
            } else {
                index += 1
            }
        }
        return taken
    }

    private static func replace(_ lines: inout [SourceLine], indices: [Int], table: [[String]]) {
        for index in indices { lines[index].text = "" }
        for (index, row) in zip(indices, table) {
            lines[index].text = "| " + row.joined(separator: " | ") + " |"
            lines[index].isTable = true
        }
    }

    /// Cells of a raw line split at gaps of two or more spaces, with their start positions.
    static func cells(_ raw: String) -> [(start: Int, text: String)] {
        var cells: [(start: Int, text: String)] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (position, character) in raw.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if !current.isEmpty, spaces >= 2 {
                cells.append((start, current))
                current = ""
            } else if !current.isEmpty, spaces == 1 {
                current += " "
            }
            if current.isEmpty { start = position }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { cells.append((start, current)) }
        return cells
    }

    private static func alignedRows(_ lines: [SourceLine], from start: Int, skipping skipped: (Int) -> Bool) -> [[String]]? {
        guard !lines[start].isBlank, !skipped(start) else { return nil }
        let first = cells(lines[start].raw)
        guard first.count >= 2 else { return nil }
        var rows = [first.map(\.text)]
        var index = start + 1
        while index < lines.count, !lines[index].isBlank, !skipped(index) {
            let row = cells(lines[index].raw)
            guard row.count == first.count, zip(row, first).allSatisfy({ abs($0.start - $1.start) <= 1 }) else { break }
            rows.append(row.map(\.text))
            index += 1
        }
        // Cells are short; runs of prose side by side (columns) are not a table.
        guard rows.allSatisfy({ $0.allSatisfy { LineShape.words($0).count <= 8 } }) else { return nil }
        return rows.count >= (first.count == 2 ? 3 : 2) ? rows : nil
    }

    static func isCell(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && LineShape.words(text).count <= 5
            && (!LineShape.endsWithTerminator(text) || endsWithAbbreviation(text))
            && text.last != "," && LineShape.listItem(text) == nil
    }

    /// `Japan–U.S.`: the final stop belongs to an abbreviation, not a sentence.
    static func endsWithAbbreviation(_ text: String) -> Bool {
        guard text.last == ".", let word = LineShape.words(text).last else { return false }
        return word.dropLast().contains(".")
    }

    /// Indices of six or more cell lines, each followed by a blank line, within one page. A number
    /// that may be a page number (`trimming`) is a cell unless it opens the run or closes a page.
    private static func cellRun(
        _ lines: [SourceLine], from start: Int, skipping skipped: (Int) -> Bool, trimming: (Int) -> Bool
    ) -> [Int]? {
        guard !trimming(start) else { return nil }
        var run: [Int] = []
        var index = start
        while index + 1 < lines.count, !skipped(index), isCell(lines[index].text), lines[index + 1].isBlank,
              run.isEmpty || !lines[index].hasFormFeed {
            run.append(index)
            index += 2
        }
        // A page number closing the page is no cell.
        while let last = run.last, trimming(last),
              lines[(last + 1)...].first(where: { !$0.isBlank }).map(\.hasFormFeed) ?? true {
            run.removeLast()
        }
        return run.count >= 6 ? run : nil
    }

    static func isNumeric(_ text: String) -> Bool {
        text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || ".,%$€¥£+-–() ".contains($0) }
    }

    /// Cells in reading order grouped into rows.
    static func rowsOf(_ cells: [String]) -> [[String]] {
        for columns in 2...max(2, cells.count / 2) where cells.count % columns == 0 && cells.count / columns >= 2 {
            let rows = stride(from: 0, to: cells.count, by: columns).map { Array(cells[$0..<($0 + columns)]) }
            guard !rows[0].contains(where: isNumeric) else { continue }
            let consistent = (0..<columns).allSatisfy { column in
                let body = rows.dropFirst().map { isNumeric($0[column]) }
                return body.allSatisfy { $0 } || body.allSatisfy { !$0 }
            }
            if consistent { return rows }
        }
        return [cells]
    }
}
