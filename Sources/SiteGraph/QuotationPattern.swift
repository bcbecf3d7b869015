/// A quoted passage read as the words it claims a source contains: runs of exact text separated by
/// omissions (`…`, `...`) and editorial insertions (`[Japan]`, `pressure[s]`).
struct QuotationPattern: Sendable {
    /// What lies between a run and the one before it.
    enum Gap: Sendable {
        /// The quotation's start: the run begins at a word boundary.
        case start
        /// `…`: any stretch of the source was left out.
        case omission
        /// `[…]`: the editor's words stand for at most `insertionReach` characters of the source.
        case insertion
    }

    struct Run: Sendable {
        var gap: Gap
        var text: [Unicode.Scalar]
    }

    /// How much source text an editorial insertion may replace.
    static let insertionReach = 60

    var runs: [Run]
    /// The quotation's words, in order (for counting and for finding the closest passage).
    var words: [String]

    /// Reads a quotation; nil when nothing of the source is left (`"[sic]"`, `"…"`).
    init?(_ quoted: String) {
        var runs: [Run] = []
        var current = ""
        // The gap met since the last run ended; nil before the first run means the quotation's start.
        var gapBefore: Gap?
        func flush() {
            var text = FoldedText(current).scalars[...]
            current = ""
            while text.first == " " { text = text.dropFirst() }
            while text.last == " " { text = text.dropLast() }
            guard !text.isEmpty else { return }
            runs.append(Run(gap: gapBefore ?? .start, text: Array(text)))
            gapBefore = nil
        }
        let scalars = Array(quoted.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let isEllipsis = scalar == "…" || (scalar == "." && index + 2 < scalars.count && scalars[index + 1] == "." && scalars[index + 2] == ".")
            if isEllipsis {
                flush()
                gapBefore = .omission
                index += scalar == "…" ? 1 : 3
                while index < scalars.count, scalars[index] == "." { index += 1 }
            } else if scalar == "[", let close = scalars[index...].firstIndex(of: "]") {
                flush()
                if gapBefore != .omission { gapBefore = .insertion }
                index = close + 1
            } else {
                current.unicodeScalars.append(scalar)
                index += 1
            }
        }
        flush()
        // Punctuation before the closing mark belongs to the quoting sentence, not the source.
        if var last = runs.popLast() {
            while let end = last.text.last, [".", ",", ";", ":"].contains(end) { last.text.removeLast() }
            while last.text.last == " " { last.text.removeLast() }
            if !last.text.isEmpty { runs.append(last) }
        }
        guard !runs.isEmpty else { return nil }
        self.runs = runs
        words = runs.flatMap { run in
            String(String.UnicodeScalarView(run.text)).split(separator: " ").map(String.init)
        }
    }

    /// The folded range of the first place `text` contains the quotation, if any.
    func match(in text: FoldedText) -> Range<Int>? {
        for start in 0..<max(0, text.count - runs[0].text.count + 1) {
            if let end = matchRun(0, at: start, in: text) { return start..<end }
        }
        return nil
    }

    /// Matches run `index` at exactly `start` and the rest after it; returns the end of the last run.
    private func matchRun(_ index: Int, at start: Int, in text: FoldedText) -> Int? {
        let run = runs[index]
        guard runMatches(run, at: start, in: text) else { return nil }
        let end = start + run.text.count
        let next = index + 1 < runs.count ? runs[index + 1].gap : nil
        if run.gap != .insertion, let first = run.text.first, FoldedText.isWordCharacter(first),
           start > 0, FoldedText.isWordCharacter(text.scalars[start - 1]) { return nil }
        if next != .insertion, let last = run.text.last, FoldedText.isWordCharacter(last),
           end < text.count, FoldedText.isWordCharacter(text.scalars[end]) { return nil }
        guard let next else { return end }
        let reach = next == .insertion ? min(text.count, end + Self.insertionReach + 1) : text.count
        var candidate = end
        while candidate < reach {
            if let matched = matchRun(index + 1, at: candidate, in: text) { return matched }
            candidate += 1
        }
        return nil
    }

    /// The run's characters at `start`; its first letter may differ in case.
    private func runMatches(_ run: Run, at start: Int, in text: FoldedText) -> Bool {
        guard start + run.text.count <= text.count else { return false }
        for (offset, scalar) in run.text.enumerated() {
            let other = text.scalars[start + offset]
            if scalar == other { continue }
            guard offset == 0, scalar.properties.lowercaseMapping == other.properties.lowercaseMapping else { return false }
        }
        return true
    }
}
