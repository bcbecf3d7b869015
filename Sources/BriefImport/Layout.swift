/// How a document's lines relate to its paragraphs, decided once per document from line lengths.
///
/// *Unwrapped* text (the usual PDF-extractor output, and both seed briefs) has one paragraph
/// per line, so lengths vary wildly and long lines are common. *Hard-wrapped* text breaks
/// paragraphs at a fixed width: most lines are close to the longest. The test, on the lines that
/// stand in blocks of two or more (a lone line between blanks is a heading, label or table cell
/// and says nothing about wrapping): with at least four such lines, the 90th-percentile length
/// is at most 120 characters and at least half the lines reach 60% of it. The width is the
/// 95th-percentile length (the longest line when there are fewer than 20).
struct Layout: Equatable {
    /// Whether paragraphs run over several lines.
    var isHardWrapped: Bool
    /// The wrap width when hard-wrapped.
    var width: Int

    /// Measures the content lines of a stream.
    init(stream: ContentStream) {
        // Only lines with a line next to them are measured: a line standing alone between blanks
        // (a table cell, a heading, a label) says nothing about wrapping, and a table of short
        // cells would otherwise hide the wrapped prose around it.
        var lengths: [Int] = []
        var adjacent = false
        var block: [Int] = []
        for item in stream.items + [.blank] {
            // A table (one long line made of cells) says nothing about wrapping either.
            if case .line(let line) = item, !line.isTable {
                block.append(line.text.count)
                continue
            }
            if block.count >= 2 {
                lengths += block
                adjacent = true
            }
            block = []
        }
        lengths.sort()
        guard lengths.count >= 4, adjacent else {
            self.isHardWrapped = false
            self.width = lengths.last ?? 0
            return
        }
        let p90 = lengths[(lengths.count - 1) * 9 / 10]
        let p95 = lengths[(lengths.count - 1) * 19 / 20]
        let nearWidth = lengths.filter { $0 * 10 >= p90 * 6 }.count
        self.isHardWrapped = p90 <= 120 && nearWidth * 2 >= lengths.count
        // Few lines give a poor percentile; then the longest line is the width.
        self.width = lengths.count >= 20 ? p95 : (lengths.last ?? 0)
    }

    /// Whether, in hard-wrapped text, the break after `line` is a paragraph end rather than a wrap.
    ///
    /// A line ends a paragraph when the next line's first word would have fitted on it and it
    /// ends with closing punctuation, or when it is clearly short (under 60% of the width) and
    /// the next line does not continue in lower case.
    func endsParagraph(_ line: String, before next: String) -> Bool {
        // Slack of three characters, four on wide lines: extracted lines come from proportional type,
        // so character counts are rough, the more so the longer the line.
        let wouldFit = line.count + 1 + LineShape.firstWordLength(next) + max(3, width / 25) <= width
        guard wouldFit else { return false }
        if LineShape.endsWithTerminator(line) { return true }
        return line.count * 10 < width * 6 && !LineShape.startsLowercase(next)
    }
}
