/// A stretch of one line set in one font: its text, box and font.
public struct PDFRun: Sendable, Hashable {
    public var text: String
    /// Font size in points.
    public var fontSize: Double
    /// Whether the font's name marks it bold (or black/heavy/semibold).
    public var isBold: Bool
    /// Whether the font's name marks it italic or oblique.
    public var isItalic: Bool
    /// Box in points, origin at the page's top left: left, top, right, bottom.
    public var left: Double, top: Double, right: Double, bottom: Double

    public init(text: String, fontSize: Double, isBold: Bool, isItalic: Bool = false,
                left: Double, top: Double, right: Double, bottom: Double) {
        self.text = text
        self.fontSize = fontSize
        self.isBold = isBold
        self.isItalic = isItalic
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }
}

/// One line of text as the PDF places it, made of runs in reading order.
public struct PDFLine: Sendable, Hashable {
    public var runs: [PDFRun]

    public init(runs: [PDFRun]) { self.runs = runs }

    public var text: String { runs.map(\.text).joined() }
    public var left: Double { runs.map(\.left).min() ?? 0 }
    public var right: Double { runs.map(\.right).max() ?? 0 }
    public var top: Double { runs.map(\.top).min() ?? 0 }
    public var bottom: Double { runs.map(\.bottom).max() ?? 0 }

    /// The size most of the line's letters are set in.
    public var fontSize: Double {
        var weights: [Double: Int] = [:]
        for run in runs { weights[run.fontSize, default: 0] += run.text.filter { !$0.isWhitespace }.count }
        return weights.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// Whether every letter of the line is bold.
    public var isBold: Bool {
        let lettered = runs.filter { $0.text.contains(where: \.isLetter) }
        return !lettered.isEmpty && lettered.allSatisfy(\.isBold)
    }
}

/// One page: its size and its lines in the order the PDF's text layer gives them.
public struct PDFPage: Sendable, Hashable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [PDFLine]

    public init(number: Int, width: Double, height: Double, lines: [PDFLine]) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
    }
}
