/// A masthead read from the raw lines of hard-wrapped text (what `pdftotext` writes), for when the
/// unit-based `Masthead` finds no title with a date: series labels in capitals, a title wrapped over
/// lines, a subtitle, a byline with or without "By", and a date line that ends the masthead.
///
/// A title line continues on the next when it ends in a joining word (`and`, `the`, `of`…) or the next
/// starts in lower case; otherwise the next line is the subtitle.
struct TextMasthead {
    /// Indices (into the source lines) the masthead takes; they are kept out of the body.
    var lineIndices: [Int] = []
    /// Those lines as written.
    var texts: [String] = []
    var series: String?
    var title: String?
    var subtitle: String?
    var authors: [String] = []
    var date: String?

    static let joiningWords: Set<String> = [
        "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs", "vs.",
    ]

    /// Reads the masthead from the first lines; nil unless a date line closes it within a dozen lines.
    init?(lines: [SourceLine]) {
        let leading = lines.indices.filter { !lines[$0].isBlank }.prefix(12)
        guard let dateIndex = leading.first(where: { DateReader.isDateLine(lines[$0].text) }),
              leading.prefix(while: { $0 < dateIndex }).allSatisfy({ lines[$0].text.count <= 120 }) else { return nil }
        var before = leading.prefix(while: { $0 < dateIndex }).map { $0 }
        var labels: [String] = []
        // Labels: capitals, letter-spaced, or a line standing alone in the first block (`WORKING PAPER No. 14`).
        while let first = before.first,
              Self.isSeriesLabel(lines[first].text) || Self.isLetterSpaced(lines[first].text)
                || (labels.isEmpty && before.count > 1 && lines.indices.contains(first + 1) && lines[first + 1].isBlank) {
            labels.append(lines[first].text)
            before.removeFirst()
        }
        if let last = before.last, let names = Self.names(lines[last].text) {
            authors = names
            before.removeLast()
        }
        guard !before.isEmpty else { return nil }
        var texts = before.map { lines[$0].text }
        var titleText = texts.removeFirst()
        while let next = texts.first, Self.continues(titleText, with: next) {
            titleText += " " + next
            texts.removeFirst()
        }
        if !texts.isEmpty {
            // `Rethinking Host Nation Support:` over `Cost-Sharing After the Talks`: the colon only splits the two.
            if titleText.hasSuffix(":") {
                titleText.removeLast()
                while titleText.last == " " { titleText.removeLast() }
            }
            subtitle = texts.joined(separator: " ")
        }
        title = titleText
        series = labels.isEmpty ? nil : labels.map(Self.unspaced).joined(separator: " ")
        date = DateReader.withoutPrefix(lines[dateIndex].text)
        lineIndices = Array(leading.prefix(while: { $0 <= dateIndex }))
        self.texts = lineIndices.map { lines[$0].text }
    }

    /// `Dana R. Whitfield, Analyst in Asian Affairs` lines under an `Author Information` or
    /// `About the Authors` heading at the end of a brief, for briefs whose masthead has no byline.
    static func authorsAtEnd(_ lines: [SourceLine]) -> [String] {
        let headings: Set<String> = ["author information", "about the authors", "about the author"]
        guard let start = lines.lastIndex(where: { headings.contains($0.text.lowercased()) }) else { return [] }
        var found: [String] = []
        for line in lines[(start + 1)...] where !line.isBlank {
            guard let comma = line.text.firstIndex(of: ","), let names = Self.names(String(line.text[..<comma])), names.count == 1 else {
                if found.isEmpty { continue } else { break }
            }
            found += names
        }
        return found
    }

    static func continues(_ title: String, with next: String) -> Bool {
        if LineShape.startsLowercase(next) { return true }
        let lastWord = title.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return joiningWords.contains(lastWord) || title.hasSuffix(",") || title.hasSuffix("–") || title.hasSuffix("—")
    }

    /// A series label in capitals, with or without its number: `IN BRIEF`, `WORKING PAPER No. 14`.
    static func isSeriesLabel(_ text: String) -> Bool {
        let name = text.replacing(/\s+(?i:no\.?|number|vol\.?|volume|issue|#)\s*[0-9][0-9.\-]*$/, with: "")
        return LineShape.isAllCaps(name)
    }

    /// `P O L I C Y` or `PA P E R`: mostly single letters between spaces.
    static func isLetterSpaced(_ text: String) -> Bool {
        let tokens = text.split(separator: " ")
        return tokens.count >= 3 && tokens.filter { $0.count == 1 }.count * 3 >= tokens.count * 2
    }

    static func unspaced(_ text: String) -> String {
        isLetterSpaced(text) ? text.filter { $0 != " " } : text
    }

    /// The names of a byline (`By A, B, and C`, `A & B`, `A and B`), or nil when the line is no byline.
    static func names(_ text: String) -> [String]? {
        if let names = Masthead.byline(text) { return names.map { $0.replacing(/^and\s+/, with: "") } }
        guard !text.contains(where: \.isNumber), !LineShape.endsWithTerminator(text) else { return nil }
        let names = text.replacing(/\s*(?:,\s*and\s+|,|&|\band\b)\s*/, with: "|").split(separator: "|").map { $0.trimmingSpaces() }
        let plausible = names.allSatisfy { name in
            let words = name.split(separator: " ")
            return (2...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
                && !words.contains { LineShape.smallWords.contains($0.lowercased()) }
        }
        return plausible && !names.isEmpty ? names : nil
    }
}
