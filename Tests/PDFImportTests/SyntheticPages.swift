import PDFText

/// Pages made by hand: lines placed as a PDF would place them, each character half its font size wide.
enum SyntheticPages {
    static func run(_ text: String, x: Double, y: Double, size: Double = 10, bold: Bool = false) -> PDFRun {
        PDFRun(text: text, fontSize: size, isBold: bold, left: x, top: y - size, right: x + Double(text.count) * size / 2, bottom: y)
    }

    static func line(_ text: String, x: Double = 72, y: Double, size: Double = 10, bold: Bool = false) -> PDFLine {
        PDFLine(runs: [run(text, x: x, y: y, size: size, bold: bold)])
    }

    /// Body lines of one column, 14 pt apart, starting at `y`.
    static func column(_ texts: [String], x: Double = 72, y: Double, size: Double = 10) -> [PDFLine] {
        texts.enumerated().map { line($0.element, x: x, y: y + Double($0.offset) * 14, size: size) }
    }

    static func page(_ number: Int, _ lines: [PDFLine]) -> PDFPage {
        PDFPage(number: number, width: 612, height: 792, lines: lines)
    }
}
