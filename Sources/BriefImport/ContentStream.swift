/// A line of text that survived furniture removal, with the stretch of text (page) it is in.
struct ContentLine: Equatable {
    /// 1-based source line.
    var number: Int
    /// Normalised text.
    var text: String
    /// Index of the stretch of text between page breaks.
    var segment: Int
    /// Whether the raw line was indented.
    var isIndented: Bool = false
    /// Whether the line is a whole table (a paragraph of its own).
    var isTable: Bool = false
}

/// The text with furniture taken out: lines and blank separators, plus where the page breaks were.
struct ContentStream {
    /// A content line or a blank line (a block separator).
    enum Item: Equatable {
        case line(ContentLine)
        case blank
    }

    /// Lines and blanks in source order; furniture lines are gone, neither text nor blank.
    var items: [Item]
    /// Furniture runs, positioned between segments.
    var runs: [PageRun]
    /// Number of text segments (page breaks + 1), 0 for a text with no content.
    var segmentCount: Int

    /// Builds the stream; a form feed also breaks the page before the line it is on.
    ///
    /// A run of furniture lines between text is a page break, unless it is made only of lines
    /// that nothing but a sidecar pattern matched (and that show no page number).
    init(lines: [SourceLine], furniture: [Int: Furniture]) {
        var items: [Item] = []
        var runs: [PageRun] = []
        var segment = 0
        var sawContent = false
        var pending: [Int]?
        for (index, line) in lines.enumerated() {
            if let found = furniture[index] {
                // Lines dropped only by a sidecar pattern (captions, stamps) do not break pages by themselves.
                if found.reason != .sidecar || found.pageNumber != nil || pending != nil {
                    pending = (pending ?? []) + (found.pageNumber.map { [$0] } ?? [])
                }
                continue
            }
            if line.hasFormFeed, sawContent, pending == nil { pending = [] }
            if line.isBlank {
                items.append(.blank)
                continue
            }
            if let numbers = pending {
                if sawContent {
                    segment += 1
                    runs.append(PageRun(position: segment, numbers: numbers))
                } else {
                    runs.append(PageRun(position: 0, numbers: numbers))
                }
                pending = nil
            }
            sawContent = true
            items.append(.line(ContentLine(number: line.number, text: line.text, segment: segment, isIndented: line.isIndented, isTable: line.isTable)))
        }
        let segmentCount = sawContent ? segment + 1 : 0
        if let numbers = pending, sawContent { runs.append(PageRun(position: segmentCount, numbers: numbers)) }
        self.items = items
        self.runs = runs
        self.segmentCount = segmentCount
    }

    /// Removes a page number glued after the final sentence (`…domain.2`) and records it as a
    /// trailing footer; returns the number removed.
    mutating func stripGluedPageNumber() -> Int? {
        guard let index = items.lastIndex(where: { $0 != .blank }), case .line(var last) = items[index] else {
            return nil
        }
        let text = last.text
        let digits = text.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count) else { return nil }
        var rest = text.dropLast(digits.count)
        while let character = rest.last, LineShape.closers.contains(character) { rest = rest.dropLast() }
        guard let punctuation = rest.last, ".!?".contains(punctuation) else { return nil }
        let beforePunctuation = rest.dropLast().last
        guard let before = beforePunctuation, before.isLetter || LineShape.closers.contains(before) else { return nil }
        guard let number = Int(String(digits.reversed())) else { return nil }
        last.text = String(text.dropLast(digits.count))
        items[index] = .line(last)
        if runs.last?.position != segmentCount { runs.append(PageRun(position: segmentCount, numbers: [number])) }
        return number
    }
}
