import BriefImport

/// The title block on page 1, read from type sizes: the largest text is the title, larger-than-body
/// text under it the subtitle, short lines after it the byline and date, lines above it the series.
struct PDFMasthead {
    var series: String?
    var title: String?
    var subtitle: String?
    var authors: [String] = []
    var date: String?
    /// Number of leading lines it takes.
    var lineCount = 0

    init(lines: [PlacedLine], bodySize: Double) {
        let firstPage = lines.prefix { $0.page == 1 }
        guard let largest = firstPage.map(\.fontSize).max(), largest > bodySize * 1.2,
              let titleStart = firstPage.firstIndex(where: { $0.fontSize == largest }) else { return }
        var index = titleStart
        var titleLines: [String] = []
        while index < firstPage.count, abs(firstPage[index].fontSize - largest) < 0.3 {
            titleLines.append(firstPage[index].text)
            index += 1
        }
        let labels = firstPage[..<titleStart].map { Self.unspaced($0.text) }
        series = labels.isEmpty ? nil : labels.joined(separator: " ")
        title = titleLines.reduce("") { TextGlue.join($0, $1) }
        var subtitleLines: [String] = []
        while index < firstPage.count, firstPage[index].fontSize > bodySize * 1.08, firstPage[index].fontSize < largest {
            subtitleLines.append(firstPage[index].text)
            index += 1
        }
        if !subtitleLines.isEmpty { subtitle = subtitleLines.reduce("") { TextGlue.join($0, $1) } }
        var taken = 0
        while index < firstPage.count, taken < 3 {
            let text = firstPage[index].text
            if date == nil, DateReader.iso(text) != nil {
                date = DateReader.withoutPrefix(text)
            } else if authors.isEmpty, let names = Self.names(text) {
                authors = names
            } else {
                break
            }
            index += 1
            taken += 1
        }
        lineCount = index
    }

    /// `P O L I C Y  B R I E F` (letter-spaced) → `POLICY BRIEF`.
    static func unspaced(_ text: String) -> String {
        let tokens = text.split(separator: " ")
        guard tokens.count >= 3, tokens.allSatisfy({ $0.count == 1 }) else { return text }
        return tokens.joined()
    }

    /// The names of a byline (`By A, B, and C`, `A & B`, `A | B`, `A and B`), or nil for another line.
    static func names(_ text: String) -> [String]? {
        var line = Substring(text)
        if line.lowercased().hasPrefix("by ") { line = line.dropFirst(3) }
        guard !line.contains(where: { $0.isNumber }), !LineEnd.isTerminated(String(line)) else { return nil }
        let names = String(line)
            .replacing(/\s*(?:,\s*and\s+|,|&|\||\band\b)\s*/, with: "\n")
            .split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let plausible = names.allSatisfy { name in
            let words = name.split(separator: " ")
            return (1...5).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
        }
        return plausible && !names.isEmpty ? names : nil
    }
}

/// Whether a line ends a sentence or clause.
enum LineEnd {
    static func isTerminated(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"”’')]".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!?:;…".contains(last)
    }
}
