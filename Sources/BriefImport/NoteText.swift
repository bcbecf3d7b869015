import Foundation
import DossierCore

/// How a brief's text writes notes: a section headed "Notes", "Endnotes" or "Footnotes" whose
/// entries open with their number (`3. Text`), and markers as superscript digits right after a word
/// (`2027.³`). The PDF importer writes this shape; the text importer reads it back into `Brief.notes`.
public enum NoteText {
    /// Headings that open the notes.
    static let headings: Set<String> = ["notes", "endnotes", "footnotes", "end notes", "foot notes"]

    /// The superscript digits, in value order.
    public static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// Whether the heading opens the notes section.
    static func isNotesHeading(_ heading: String) -> Bool {
        headings.contains(heading.trimmingCharacters(in: .whitespaces).lowercased().filter { $0 != ":" })
    }

    /// `12` → `¹²`, how a marker is written in the text.
    public static func superscript(_ number: Int) -> String {
        String(String(number).compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
    }

    /// The value of a superscript digit, or nil for any other character.
    static func superscriptValue(_ character: Character) -> Int? {
        superscripts.firstIndex(of: character)
    }

    /// `3. Text`, `3) Text` or `3 Text` → (3, "Text"); nil for a line that does not open a note.
    static func noteStart(_ text: String) -> (number: Int, text: String)? {
        guard let match = text.wholeMatch(of: /([0-9]{1,3})[.)]?\s+(.+)/), let number = Int(match.1) else { return nil }
        return (number, String(match.2))
    }

    /// The text with the markers of known notes taken out, and where each was (in characters of the result).
    /// Superscripts that follow a space, or name no note (`km²`), stay as written.
    static func markers(in text: String, known: Set<Int>) -> (text: String, markers: [NoteMarker]) {
        var result = ""
        var markers: [NoteMarker] = []
        var count = 0
        var characters = Array(text)[...]
        while let character = characters.first {
            if superscriptValue(character) != nil, let previous = result.last, !previous.isWhitespace {
                let digits = characters.prefix(while: { superscriptValue($0) != nil })
                let number = digits.reduce(0) { $0 * 10 + (superscriptValue($1) ?? 0) }
                if known.contains(number) {
                    markers.append(NoteMarker(number: number, offset: count))
                    characters = characters.dropFirst(digits.count)
                    // `¹,²` marks two notes at one place.
                    if characters.first == ",", let next = characters.dropFirst().first, superscriptValue(next) != nil {
                        characters = characters.dropFirst()
                    }
                    continue
                }
            }
            result.append(character)
            count += 1
            characters = characters.dropFirst()
        }
        return (result, markers)
    }

    /// Takes the markers of `notes` out of every paragraph's text, records them, and tells each note
    /// the ¶ that first marks it.
    static func link(_ sections: inout [BriefSection], notes: inout [BriefNote]) {
        let known = Set(notes.map(\.number))
        guard !known.isEmpty else { return }
        var firstParagraph: [Int: Int] = [:]
        for s in sections.indices {
            for p in sections[s].paragraphs.indices {
                var paragraph = sections[s].paragraphs[p]
                let found = markers(in: paragraph.text, known: known)
                paragraph.text = found.text
                paragraph.noteMarkers = found.markers
                for marker in found.markers where firstParagraph[marker.number] == nil {
                    firstParagraph[marker.number] = paragraph.number
                }
                sections[s].paragraphs[p] = paragraph
            }
        }
        for index in notes.indices { notes[index].paragraph = firstParagraph[notes[index].number] }
    }
}

/// Gathers the notes section while the importer walks the units: after a notes heading, each unit
/// that opens with a number is a note, and an unnumbered one continues the note before it.
struct NoteCollector {
    private(set) var notes: [BriefNote] = []
    private var isOpen = false

    /// Whether `heading` opens the notes (then it is no section heading); any other heading closes them.
    mutating func opens(heading: String) -> Bool {
        isOpen = NoteText.isNotesHeading(heading)
        return isOpen
    }

    /// Whether the unit was taken as (part of) a note.
    mutating func take(_ unit: TextUnit) -> Bool {
        guard isOpen else { return false }
        let text = TextJoiner.join(unit.lines.map(\.text))
        if let start = NoteText.noteStart(text), !notes.contains(where: { $0.number == start.number }) {
            notes.append(BriefNote(number: start.number, text: start.text, line: unit.lines[0].number))
            return true
        }
        guard !notes.isEmpty else { return false }
        notes[notes.count - 1].text = TextJoiner.append(text, to: notes[notes.count - 1].text)
        return true
    }
}
