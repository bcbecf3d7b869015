import DossierCore
@testable import SiteBuild
import Templating
import Testing

/// How a ¶'s text is cut at its note markers for the brief page.
@Suite struct BriefNotesContextTests {
    /// Each segment as (text, note number or nil, first-marker id or nil).
    static func segments(_ paragraph: Paragraph, seen: inout Set<Int>) -> [(String, Int?, String?)] {
        BriefNotesContext.segments(paragraph, route: RouteTable.brief("x"), firstMarkers: &seen).map { segment in
            let values = segment.values
            guard case .string(let text) = values["text"] else { return ("<no text>", nil, nil) }
            guard case .object(let note) = values["note"] else { return (text, nil, nil) }
            guard case .int(let number) = note["number"] else { return (text, nil, nil) }
            if case .string(let id) = note["refID"] { return (text, number, id) }
            return (text, number, nil)
        }
    }

    @Test func markersCutTheTextAndOnlyTheFirstOfANoteCarriesTheBackLinkTarget() {
        var paragraph = Paragraph(number: 1, text: "One claim. Two claims.", lines: 1...1)
        paragraph.noteMarkers = [NoteMarker(number: 4, offset: 10), NoteMarker(number: 4, offset: 22)]
        var seen: Set<Int> = []
        let cut = Self.segments(paragraph, seen: &seen)
        #expect(cut.map(\.0) == ["One claim.", " Two claims.", ""])
        #expect(cut.map(\.1) == [4, 4, nil])
        #expect(cut.map(\.2) == ["r4", nil, nil])
    }

    @Test func aMarkerInTheLeadInShowsWhereTheRestBegins() {
        var paragraph = Paragraph(number: 2, text: "The rest follows.", leadIn: "Act now.", lines: 1...1)
        // Offsets count the full text: "Act now." (8), a space, then the rest.
        paragraph.noteMarkers = [NoteMarker(number: 1, offset: 8), NoteMarker(number: 2, offset: 13)]
        var seen: Set<Int> = []
        let cut = Self.segments(paragraph, seen: &seen)
        #expect(cut.map(\.0) == ["", "The ", "rest follows."])
        #expect(cut.map(\.1) == [1, 2, nil])
    }

    @Test func aParagraphWithoutMarkersIsOneSegment() {
        var seen: Set<Int> = []
        let cut = Self.segments(Paragraph(number: 3, text: "Plain text.", lines: 1...1), seen: &seen)
        #expect(cut.map(\.0) == ["Plain text."])
        #expect(cut.map(\.1) == [nil])
    }
}
