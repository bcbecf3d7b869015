import Foundation
import PDFText

/// What the positions on the pages say: body size, furniture, footnotes, columns and reading order.
struct PageLayout {
    /// The size most body text is set in.
    var bodySize: Double
    /// Lines of every page in reading order, furniture and footnotes taken out.
    var lines: [PlacedLine] = []
    /// Furniture dropped (running heads and feet, page numbers), as printed.
    var furniture: [String] = []
    /// Footnotes found at page feet, by number.
    var footnotes: [Int: String] = [:]

    init(pages: [PDFPage]) {
        bodySize = Self.bodySize(pages)
        let repeated = Self.repeatedMarginLines(pages)
        for page in pages {
            var kept: [PDFLine] = []
            var foot: [PDFLine] = []
            let pageMarkers = Set(page.lines.flatMap { PlacedLine.withoutMarkers($0).1 })
            let noteBlockTop = Self.footnoteBlockTop(page, markers: pageMarkers, bodySize: bodySize)
            let headBottom = Self.runningHeadBottom(page, bodySize: bodySize)
            for line in page.lines {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if let top = noteBlockTop, line.top >= top - 1, line.fontSize < bodySize * 0.92, !Self.isPageNumber(text) {
                    foot.append(line)
                    continue
                }
                let inTopBand = line.bottom < page.height * 0.1
                let inBottomBand = line.top > page.height * 0.88
                let key = Self.key(text)
                let inHead = inTopBand && page.number > 1 && line.bottom <= headBottom + 0.5
                if (inTopBand || inBottomBand) && (repeated.contains(key) || Self.isPageNumber(text)
                    || (line.fontSize < bodySize * 0.92 && (inBottomBand || inHead))) {
                    if !furniture.contains(text) { furniture.append(text) }
                    continue
                }
                kept.append(line)
            }
            let placed = Self.readingOrder(kept, page: page)
            let markers = Set(placed.flatMap(\.markers))
            // Small text low on the page is a footnote block when it opens with a marker used on the page.
            var notesStarted = false
            var currentNote: Int?
            var leftovers: [PDFLine] = []
            for line in foot.sorted(by: { $0.top < $1.top }) {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                if let (number, rest) = Self.noteStart(text), markers.contains(number) || notesStarted {
                    notesStarted = true
                    currentNote = number
                    footnotes[number] = rest
                } else if notesStarted, let number = currentNote {
                    footnotes[number] = TextGlue.join(footnotes[number] ?? "", text)
                } else {
                    leftovers.append(line)
                }
            }
            lines += placed
            if !leftovers.isEmpty { lines += Self.readingOrder(leftovers, page: page) }
        }
        for index in lines.indices { lines[index].id = index }
        lines = Self.withColumnEdges(lines, bodySize: bodySize)
    }

    /// Where a page's footnotes begin: the highest small line in the lower half that opens with a
    /// note number marked in the page's text.
    static func footnoteBlockTop(_ page: PDFPage, markers: Set<Int>, bodySize: Double) -> Double? {
        page.lines.filter { line in
            line.fontSize < bodySize * 0.92 && line.top > page.height * 0.5
                && noteStart(line.text.trimmingCharacters(in: .whitespaces)).map { markers.contains($0.0) } == true
        }.map(\.top).min()
    }

    /// The bottom of a running head: the lines at the top of the page down to the first gap wider
    /// than one and a half body lines (text that goes on from the page before follows at line pitch).
    static func runningHeadBottom(_ page: PDFPage, bodySize: Double) -> Double {
        var bottom = 0.0
        for line in page.lines.sorted(by: { $0.top < $1.top }) where line.bottom < page.height * 0.1 {
            if bottom > 0, line.top - bottom > bodySize * 1.5 { break }
            bottom = max(bottom, line.bottom)
        }
        return bottom
    }

    /// `12. Text` → (12, "Text").
    static func noteStart(_ text: String) -> (Int, String)? {
        guard let match = text.wholeMatch(of: /([0-9]{1,3})[.)]?\s+(.+)/), let number = Int(match.1) else { return nil }
        return (number, String(match.2))
    }

    static func isPageNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /(?i:page\s+)?[-–—]?\s*[0-9]{1,3}\s*[-–—]?(?:\s*(?i:of)\s*[0-9]{1,3})?/) != nil
    }

    static func key(_ text: String) -> String { text.replacing(/[0-9]+/, with: "#") }

    /// Texts (digits generalised) seen in the top or bottom band of two or more pages.
    static func repeatedMarginLines(_ pages: [PDFPage]) -> Set<String> {
        var pagesByKey: [String: Set<Int>] = [:]
        for page in pages {
            for line in page.lines where line.bottom < page.height * 0.1 || line.top > page.height * 0.88 {
                pagesByKey[key(line.text.trimmingCharacters(in: .whitespaces)), default: []].insert(page.number)
            }
        }
        return Set(pagesByKey.filter { $0.value.count >= 2 }.keys)
    }

    /// The size of most letters on all pages (to the half point).
    static func bodySize(_ pages: [PDFPage]) -> Double {
        var weights: [Double: Int] = [:]
        for line in pages.flatMap(\.lines) {
            for run in line.runs { weights[(run.fontSize * 2).rounded() / 2, default: 0] += run.text.count }
        }
        return weights.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 10
    }

    /// Lines in reading order: bands of full-width lines, and between them the left column, then the right.
    static func readingOrder(_ lines: [PDFLine], page: PDFPage) -> [PlacedLine] {
        let middle = page.width / 2
        func column(_ line: PDFLine) -> Int {
            if line.right <= middle + 4 { return 1 }
            if line.left >= middle - 4 { return 2 }
            return 0
        }
        // The text layer may run a left-column line and the right-column line beside it together.
        let split = lines.flatMap { splitAtGutter($0, middle: middle) }.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
        let longRight = split.filter { column($0) == 2 && $0.right - $0.left > page.width * 0.2 }.count
        let twoColumns = longRight >= 3 && split.filter { column($0) == 1 }.count >= 3
        var placed: [PlacedLine] = []
        guard twoColumns else {
            let sorted = lines.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
            placed = sorted.map { PlacedLine(page: page.number, column: 0, line: $0) }
            return placed
        }
        let sorted = split
        var band: [PlacedLine] = []
        func flush() {
            placed += band.filter { $0.column == 1 } + band.filter { $0.column == 2 }
            band = []
        }
        for line in sorted {
            let side = column(line)
            if side == 0 {
                flush()
                placed.append(PlacedLine(page: page.number, column: 0, line: line))
            } else {
                band.append(PlacedLine(page: page.number, column: side, line: line))
            }
        }
        flush()
        return placed
    }

    /// A line cut in two where a gap of more than an em crosses the page's middle.
    static func splitAtGutter(_ line: PDFLine, middle: Double) -> [PDFLine] {
        for index in line.runs.indices.dropFirst() {
            let before = line.runs[..<index].filter { !$0.text.allSatisfy(\.isWhitespace) }
            guard let leftEdge = before.map(\.right).max() else { continue }
            let right = line.runs[index]
            if right.left - leftEdge > right.fontSize, leftEdge <= middle + 4, right.left >= middle - 4 {
                return [PDFLine(runs: Array(line.runs[..<index])), PDFLine(runs: Array(line.runs[index...]))]
            }
        }
        return [line]
    }

    /// Each line learns the left and right edge of its column, from the body lines of that column on
    /// every page (a last page with little text still has the full measure).
    static func withColumnEdges(_ lines: [PlacedLine], bodySize: Double) -> [PlacedLine] {
        var edges: [Int: (Double, Double)] = [:]
        for line in lines where abs(line.fontSize - bodySize) < 0.6 {
            let current = edges[line.column] ?? (line.left, line.right)
            edges[line.column] = (min(current.0, line.left), max(current.1, line.right))
        }
        return lines.map { line in
            var line = line
            (line.columnLeft, line.columnRight) = edges[line.column] ?? (line.left, line.right)
            return line
        }
    }
}
