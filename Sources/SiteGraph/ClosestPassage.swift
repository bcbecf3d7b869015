/// The stretch of a source that looks most like a misquotation, to show beside the error.
enum ClosestPassage {
    /// The run of `text`'s words sharing the most words in order with the quotation (ties: the run
    /// sharing its first or last word, then nearest its length, then the earliest); nil when they share none. Runs may be a word shorter
    /// or two longer than the quotation, so a dropped or added word still shows whole.
    static func find(_ pattern: QuotationPattern, in text: FoldedText) -> String? {
        let quoted = pattern.words.map(comparable)
        let ranges = text.words
        guard !quoted.isEmpty, !ranges.isEmpty else { return nil }
        let words = ranges.map { comparable(String(String.UnicodeScalarView(text.scalars[$0]))) }
        var best: (score: Int, edges: Int, misfit: Int, start: Int, width: Int)?
        for width in max(1, quoted.count - 1)...min(words.count, quoted.count + 2) {
            for start in 0...(words.count - width) {
                let score = commonSubsequence(quoted, words[start..<start + width])
                // Runs that begin or end where the quotation does read best.
                let edges = (words[start] == quoted[0] ? 1 : 0) + (words[start + width - 1] == quoted[quoted.count - 1] ? 1 : 0)
                let misfit = abs(width - quoted.count)
                if let current = best, (score, edges, -misfit, -start) <= (current.score, current.edges, -current.misfit, -current.start) { continue }
                best = (score, edges, misfit, start, width)
            }
        }
        guard let best, best.score > 0 else { return nil }
        return text.originalText(ranges[best.start].lowerBound..<ranges[best.start + best.width - 1].upperBound)
    }

    /// A word as compared: lower case, without punctuation.
    private static func comparable(_ word: String) -> String {
        String(String.UnicodeScalarView(word.lowercased().unicodeScalars.filter(FoldedText.isWordCharacter)))
    }

    /// Length of the longest common subsequence of two word lists.
    private static func commonSubsequence(_ first: [String], _ second: ArraySlice<String>) -> Int {
        var previous = [Int](repeating: 0, count: second.count + 1)
        var current = previous
        for word in first {
            for (offset, other) in second.enumerated() {
                current[offset + 1] = word == other ? previous[offset] + 1 : max(previous[offset + 1], current[offset])
            }
            swap(&previous, &current)
        }
        return previous[second.count]
    }
}
