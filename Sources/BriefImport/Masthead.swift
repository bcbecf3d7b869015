import Foundation

/// The title block at the top of a brief: labels, date, title, subtitle, byline.
///
/// It is the leading run of single-line units that are a byline (`By …`), a date line, or
/// short (at most 30 words) without closing punctuation. Heading-shaped lines at the end of
/// that run go back to the body as headings (`TOPLINE` after the byline), and a run left
/// with a single line and no byline or date is no masthead (a brief opening on a heading),
/// unless the sidecar lists that line in `not_headings`.
/// Roles: after a date line, the first other line is the title; without one, the first line
/// of four words or more. Lines before the title are labels (the one naming a programme, or
/// else the first, is the programme); the line after the title is the subtitle.
struct Masthead: Equatable {
    /// Number of leading units the masthead takes.
    var unitCount = 0
    /// The masthead lines as written.
    var lines: [String] = []
    var title: String?
    var subtitle: String?
    var authors: [String] = []
    var program: String?
    var date: String?

    /// Reads the masthead from the start of the units.
    init(units: [TextUnit], notHeadings: Set<String>, isHeading: (TextUnit) -> Bool) {
        var run: [TextUnit] = []
        for unit in units {
            guard unit.lines.count == 1, !unit.isForcedHeading, unit.listMarker == nil else { break }
            let text = unit.firstText
            let fits = Self.byline(text) != nil || Self.isDateLine(text)
                || (LineShape.words(text).count <= 30 && !LineShape.endsWithTerminator(text))
            guard fits else { break }
            run.append(unit)
        }
        while let last = run.last, isHeading(last), Self.byline(last.firstText) == nil, !Self.isDateLine(last.firstText) {
            run.removeLast()
        }
        let texts = run.map(\.firstText)
        if texts.count == 1, Self.byline(texts[0]) == nil, !Self.isDateLine(texts[0]), !notHeadings.contains(texts[0]) {
            return
        }
        unitCount = run.count
        lines = texts
        assignRoles(texts)
    }

    /// Whether the unit reader would miss the masthead: the leading block runs lines together
    /// (title, byline and date with no blank line between them).
    static func needsLineReader(_ lines: [SourceLine]) -> Bool {
        let leading = lines.prefix { $0.text.count <= 120 }.filter { !$0.isBlank }.prefix(12)
        guard let date = leading.firstIndex(where: { DateReader.isDateLine($0.text) }) else { return false }
        let index = lines.firstIndex { $0.number == leading[date].number } ?? 0
        let neighbours = [index - 1, index + 1].filter { lines.indices.contains($0) }
        return neighbours.contains { !lines[$0].isBlank }
    }

    /// Takes the roles read from the raw lines; no unit is consumed (the lines are already blank).
    mutating func adopt(_ other: TextMasthead) {
        unitCount = 0
        lines = other.texts
        title = other.title
        subtitle = other.subtitle
        authors = other.authors
        date = other.date
        program = other.series
    }

    private mutating func assignRoles(_ texts: [String]) {
        var others: [(index: Int, text: String)] = []
        var dateIndex: Int?
        for (index, text) in texts.enumerated() {
            if let names = Self.byline(text) {
                if authors.isEmpty { authors = names }
            } else if Self.isDateLine(text), date == nil {
                date = DateReader.withoutPrefix(text)
                dateIndex = index
            } else {
                others.append((index, text))
            }
        }
        let titlePosition: Int?
        if let dateIndex, let afterDate = others.firstIndex(where: { $0.index > dateIndex }) {
            titlePosition = afterDate
        } else {
            titlePosition = others.firstIndex { LineShape.words($0.text).count >= 4 } ?? (others.isEmpty ? nil : 0)
        }
        guard let titlePosition else { return }
        title = others[titlePosition].text
        if titlePosition + 1 < others.count { subtitle = others[titlePosition + 1].text }
        let labels = others[..<titlePosition].map(\.text)
        program = labels.first { $0.range(of: "Program", options: .caseInsensitive) != nil } ?? labels.first
    }

    /// The names in a byline (`By Ann Lee and Bo Ng` → two names), or nil for another line.
    static func byline(_ text: String) -> [String]? {
        guard let match = text.wholeMatch(of: /(?i:by)\s+(\p{Lu}.*)/) else { return nil }
        let names = String(match.1)
            .replacing(/\s*(?:,|&|\band\b)\s*/, with: "|")
            .split(separator: "|")
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
        return names.isEmpty ? nil : names
    }

    /// Compiled once, not per line.
    nonisolated(unsafe) private static let datePatterns: [Regex<AnyRegexOutput>] = {
        let month = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?"
        let patterns = [
            "(?i)\(month)\\s+(?:[0-9]{1,2},?\\s+)?[0-9]{4}",
            "(?i)[0-9]{1,2}\\s+\(month)\\s+[0-9]{4}",
            "(?i)(?:spring|summer|fall|autumn|winter)\\s+[0-9]{4}",
            "[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?",
        ]
        return patterns.compactMap { try? Regex($0) }
    }()

    /// Whether the whole line is a date: `November 2024`, `Nov. 5, 2024`, `5 November 2024`, `2024-11`.
    static func isDateLine(_ text: String) -> Bool {
        return datePatterns.contains { text.wholeMatch(of: $0) != nil } || DateReader.isDateLine(text)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
