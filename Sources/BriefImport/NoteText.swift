import Foundation
import DossierCore

/// Note markers in a brief's text: superscript digits right after a word (`2027.³`), as the PDF importer
/// writes them and as `BackMatter` turns the markers it finds (`2027.3`) into. The notes themselves
/// are read by `BackMatter` (a "Notes" section, footnotes closing a page); `link` ties the two.
public enum NoteText {
    /// The superscript digits, in value order.
    public static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// `12` → `¹²`, how a marker is written in the text.
    public static func superscript(_ number: Int) -> String {
        String(String(number).compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
    }

    /// The value of a superscript digit, or nil for any other character.
    static func superscriptValue(_ character: Character) -> Int? {
        superscripts.firstIndex(of: character)
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
