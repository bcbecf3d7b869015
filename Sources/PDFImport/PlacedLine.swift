import BriefImport
import PDFText

/// A line of the PDF with what the layout tells about it: page, column, text without note markers.
struct PlacedLine {
    /// Position in the document's reading order.
    var id = 0
    /// 1-based page.
    var page: Int
    /// 0: spans the page or single column; 1: left column; 2: right column.
    var column: Int
    var line: PDFLine
    /// The text with superscript note markers taken out.
    var text: String
    /// The text with note markers as superscript digits (`2027.³`), as the brief's text keeps them.
    var markedText: String
    /// Note numbers marked on this line.
    var markers: [Int]
    /// Left and right edge of the column the line sits in (body lines of that column on that page).
    var columnLeft = 0.0
    var columnRight = 0.0

    var fontSize: Double { line.fontSize }
    var isBold: Bool { line.isBold }
    var left: Double { line.left }
    var right: Double { line.right }
    var top: Double { line.top }
    var bottom: Double { line.bottom }

    init(page: Int, column: Int, line: PDFLine) {
        self.page = page
        self.column = column
        self.line = line
        (text, markers, markedText) = Self.withoutMarkers(line)
    }

    /// Superscript digits (smaller than the line, raised above its baseline) are note markers.
    static func withoutMarkers(_ line: PDFLine) -> (String, [Int], String) {
        let size = line.fontSize
        let baseline = line.runs.filter { $0.fontSize == size }.map(\.bottom).max() ?? line.bottom
        var text = ""
        var marked = ""
        var markers: [Int] = []
        for run in line.runs {
            let digits = run.text.trimmingCharacters(in: .whitespaces)
            let isMarker = run.fontSize < size * 0.9 && run.bottom < baseline - size * 0.15
                && !digits.isEmpty && digits.allSatisfy({ $0.isNumber || $0 == "," })
            if isMarker {
                let numbers = digits.split(separator: ",").compactMap { Int($0) }
                markers += numbers
                marked = marked.trimmingCharacters(in: .whitespaces) + numbers.map(NoteText.superscript).joined(separator: ",")
                if run.text.hasSuffix(" ") {
                    text += " "
                    marked += " "
                }
            } else {
                text += run.text
                marked += run.text
            }
        }
        return (text.trimmingCharacters(in: .whitespaces), markers, marked.trimmingCharacters(in: .whitespaces))
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{A0}"]
}
