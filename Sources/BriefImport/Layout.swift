/// How a document's lines relate to its paragraphs, decided once per document from line lengths.
///
/// *Unwrapped* text (the usual PDF-extractor output, and both seed briefs) has one paragraph
/// per line, so lengths vary wildly and long lines are common. *Hard-wrapped* text breaks
/// paragraphs at a fixed width: most lines are close to the longest. The test: with at least
/// four non-blank lines, the 90th-percentile length is at most 120 characters and at least
/// half the lines reach 60% of it, and somewhere two non-blank lines are adjacent (otherwise
/// every line stands alone anyway). The width is the 95th-percentile length (the longest
/// line when there are fewer than 20).
struct Layout: Equatable {
    /// Whether paragraphs run over several lines.
    var isHardWrapped: Bool
    /// The wrap width when hard-wrapped.
    var width: Int

    /// Measures the content lines of a stream.
    init(stream: ContentStream) {
        var lengths: [Int] = []
        var adjacent = false
        var previousWasLine = false
        for item in stream.items {
            if case .line(let line) = item {
                lengths.append(line.text.count)
                adjacent = adjacent || previousWasLine
                previousWasLine = true
            } else {
                previousWasLine = false
            }
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
        // Two characters of slack: extracted lines come from proportional type, so counts are rough.
        let wouldFit = line.count + 1 + LineShape.firstWordLength(next) + 2 <= width
        guard wouldFit else { return false }
        if LineShape.endsWithTerminator(line) { return true }
        return line.count * 10 < width * 6 && !LineShape.startsLowercase(next)
    }
}
