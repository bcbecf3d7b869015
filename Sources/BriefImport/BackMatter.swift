import DossierCore

/// Notes and back matter in plain text, kept out of the numbered body.
///
/// - A line that is only a back-matter heading (`About the authors`, `Author Information`,
///   `Disclaimer`, …) starts back matter that runs to the end of the text.
/// - Under a notes heading (`Notes`, `Endnotes`, …), lines opening with a number (`1. `, `2 `) start
///   notes and other lines continue them, until a heading that opens no note ends the notes.
/// - Footnotes at a page foot: after a blank line, a run of numbered lines (and their wrapped
///   lines) that closes the page, when the body before it carries one of those numbers glued to a
///   word as a marker (`older.1`, `over2`).
/// - Copyright lines (`© 2025 …`, `Copyright …`) and disclaimers (`The views expressed …`) anywhere.
/// Note markers glued to a word in the body become superscripts (`older.1` → `older.¹`, the form
/// `NoteText` links to its note) when they count up from 1 in reading order and a note of that
/// number exists.
struct BackMatter {
    /// Source-line indices that are notes or back matter.
    var lineIndices: Set<Int> = []
    /// Notes by number, in order.
    var notes: [BriefNote] = []
    /// Back-matter lines (headings, bios, disclaimers) as written.
    var lines: [String] = []
    /// Body lines whose note markers became superscripts: index → new text.
    var unmarked: [Int: String] = [:]

    static let headings: Set<String> = [
        "about the author", "about the authors", "author information", "disclaimer", "acknowledgments",
        "acknowledgements",
    ]
    static let noteHeadings: Set<String> = ["notes", "endnotes", "footnotes", "end notes", "foot notes", "references"]

    init(lines source: [SourceLine], furniture: [Int: Furniture], bodyStart: Int) {
        func isContent(_ index: Int) -> Bool { !source[index].isBlank && furniture[index] == nil }
        var noteLines: [Int] = []
        // Back matter runs to the end; notes run to the next heading that opens no note.
        var inNotes = false
        var inBackMatter = false
        for index in source.indices where index >= bodyStart && isContent(index) {
            let text = source[index].text
            let key = Self.key(text)
            if Self.noteHeadings.contains(key) {
                inNotes = true
                lineIndices.insert(index)
                lines.append(text)
                continue
            }
            if inNotes, Self.noteStart(text) == nil, LineShape.isHeadingShaped(text), !Self.headings.contains(key) { inNotes = false }
            if Self.headings.contains(key) { inBackMatter = true }
            if inNotes {
                noteLines.append(index)
                lineIndices.insert(index)
            } else if inBackMatter {
                lineIndices.insert(index)
                lines.append(text)
            }
        }
        // Footnotes closing a page.
        var candidates: [[Int]] = []
        for page in Self.pages(source) {
            let content = page.filter { isContent($0) && !lineIndices.contains($0) }
            guard let last = content.last else { continue }
            var start = content.count - 1
            while start > 0, !(Self.noteStart(source[content[start]].text) != nil && content[start] - content[start - 1] > 1) {
                start -= 1
            }
            guard start > 0, Self.noteStart(source[content[start]].text) != nil, last >= content[start] else { continue }
            candidates.append(Array(content[start...]))
        }
        // Copyright and disclaimer lines.
        var index = bodyStart
        while index < source.count {
            if isContent(index), !lineIndices.contains(index), Self.opensBoilerplate(source[index].text) {
                while index < source.count, isContent(index) {
                    lineIndices.insert(index)
                    lines.append(source[index].text)
                    if LineShape.endsWithTerminator(source[index].text) { break }
                    index += 1
                }
            }
            index += 1
        }
        let pageNotes = Set(candidates.flatMap { run in run.compactMap { Self.noteStart(source[$0].text)?.number } })
        let listed = Set(noteLines.compactMap { Self.noteStart(source[$0].text)?.number })
        let markers = Self.markers(in: source, bodyStart: bodyStart, excluding: lineIndices.union(candidates.flatMap { $0 }),
                                   isContent: isContent, numbers: pageNotes.union(listed))
        let marked = Set(markers.values.flatMap { $0.map(\.number) })
        for run in candidates where run.contains(where: { Self.noteStart(source[$0].text).map { marked.contains($0.number) } ?? false }) {
            noteLines += run
            lineIndices.formUnion(run)
        }
        notes = Self.collect(noteLines.sorted(), source)
        let known = Set(notes.map(\.number))
        for (line, found) in markers {
            var text = source[line].text
            for marker in found.reversed() where known.contains(marker.number) {
                text.replaceSubrange(marker.range, with: NoteText.superscript(marker.number))
            }
            unmarked[line] = text
        }
    }

    static func key(_ text: String) -> String {
        var lower = text.lowercased()
        while let last = lower.last, last == ":" || last == " " { lower.removeLast() }
        return lower
    }

    /// `© 2025 …`, `Copyright 2025 …`, `The views expressed …`.
    static func opensBoilerplate(_ text: String) -> Bool {
        let lower = text.lowercased()
        return text.hasPrefix("©") || lower.hasPrefix("(c) ") || lower.hasPrefix("copyright ")
            || lower.hasPrefix("the views expressed") || lower.hasPrefix("the opinions expressed")
            || lower.hasPrefix("all rights reserved")
    }

    /// `12. Text` or `12 Text`: the note number and its text.
    nonisolated(unsafe) private static let notePattern = /([0-9]{1,3})[.)]?\s+(\S.*)/

    static func noteStart(_ text: String) -> (number: Int, rest: String)? {
        // A note starts with its number: other lines skip the pattern.
        guard let first = text.utf8.first, LineShape.isDigit(first) else { return nil }
        guard let match = text.wholeMatch(of: notePattern), let number = Int(match.1), number > 0 else { return nil }
        let rest = String(match.2)
        // `2024 budget …` is a year opening a sentence, not note 2024.
        guard number < 500, rest.first.map({ !$0.isNumber }) ?? false else { return nil }
        return (number, rest)
    }

    /// Line indices of each page (form feeds part pages; a text without them is one page).
    static func pages(_ lines: [SourceLine]) -> [[Int]] {
        var pages: [[Int]] = [[]]
        for index in lines.indices {
            if lines[index].hasFormFeed, !(pages.last?.isEmpty ?? true) { pages.append([]) }
            pages[pages.count - 1].append(index)
        }
        return pages
    }

    /// Markers glued to the end of a word (`older.1`, `over2`, `said,”3`) that count up from 1 in
    /// reading order, among the numbers that have notes.
    /// A note number after a word or punctuation, before a space or the end of the line (one compiled
    /// pattern for every line).
    nonisolated(unsafe) private static let noteMarker = /[\p{Ll}.,;:!?"”’)]([0-9]{1,3})(?=\s|$)/

    static func markers(
        in lines: [SourceLine], bodyStart: Int, excluding: Set<Int>, isContent: (Int) -> Bool, numbers: Set<Int>
    ) -> [Int: [(number: Int, range: Range<String.Index>)]] {
        var expected = 1
        var found: [Int: [(number: Int, range: Range<String.Index>)]] = [:]
        for index in lines.indices where index >= bodyStart && isContent(index) && !excluding.contains(index) {
            let text = lines[index].text
            guard text.utf8.contains(where: LineShape.isDigit) else { continue }
            for match in text.matches(of: noteMarker) {
                guard let number = Int(match.1), number == expected, numbers.contains(number) else { continue }
                found[index, default: []].append((number, match.1.startIndex..<match.1.endIndex))
                expected += 1
            }
        }
        return found
    }

    /// Note texts: a numbered line opens a note, other lines continue the one before.
    static func collect(_ indices: [Int], _ lines: [SourceLine]) -> [BriefNote] {
        var notes: [BriefNote] = []
        for index in indices {
            let text = lines[index].text
            if let start = noteStart(text), start.number > (notes.last?.number ?? 0) {
                notes.append(BriefNote(number: start.number, text: start.rest, line: lines[index].number))
            } else if !notes.isEmpty {
                notes[notes.count - 1].text = TextJoiner.append(text, to: notes[notes.count - 1].text)
            }
        }
        return notes
    }
}
