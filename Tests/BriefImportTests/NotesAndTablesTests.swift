import BriefImport
import DossierCore
import Testing

/// Notes (a Notes section, superscript markers) and tables (`| a | b |` lines) in a brief's text.
@Suite struct NotesAndTablesTests {
    static func brief(_ text: String) -> Brief {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil).brief
    }

    static let noted = """
        The first claim needs a source.¹ It is followed by a second sentence.

        A second paragraph marks two notes at once.²,³

        Notes

        1. The source of the first claim, 2024.

        2. A second source.

        3. A third source, whose text runs on

        over two blocks.
        """

    @Test func gluedMarkersOfPlainTextAreLinkedToo() {
        // pdftotext prints a superscript as a digit glued to the word.
        let brief = Self.brief("A claim about the budget.1 And more text follows here.\n\nNotes\n\n1. The budget request, 2024.")
        #expect(brief.paragraphs.map(\.fullText) == ["A claim about the budget. And more text follows here."])
        #expect(brief.paragraphs.first?.noteMarkers == [NoteMarker(number: 1, offset: 25)])
        #expect(brief.notes.map(\.paragraph) == [1])
    }

    @Test func notesSectionBecomesNotesNotParagraphs() {
        let brief = Self.brief(Self.noted)
        #expect(brief.paragraphs.map(\.number) == [1, 2])
        #expect(brief.sections.compactMap(\.heading).isEmpty)
        #expect(brief.notes.map(\.number) == [1, 2, 3])
        #expect(brief.notes.map(\.text) == ["The source of the first claim, 2024.", "A second source.", "A third source, whose text runs on over two blocks."])
        #expect(brief.notes.map(\.paragraph) == [1, 2, 2])
        #expect(brief.notes.map(\.line) == [7, 9, 11])
    }

    @Test func markersLeaveTheTextAndKeepTheirPlace() {
        let paragraphs = Self.brief(Self.noted).paragraphs
        #expect(paragraphs[0].fullText == "The first claim needs a source. It is followed by a second sentence.")
        #expect(paragraphs[0].noteMarkers == [NoteMarker(number: 1, offset: 31)])
        #expect(paragraphs[0].fullText.prefix(31).hasSuffix("source."))
        #expect(paragraphs[1].fullText == "A second paragraph marks two notes at once.")
        #expect(paragraphs[1].noteMarkers.map(\.number) == [2, 3])
    }

    @Test func superscriptsThatNameNoNoteStayText() {
        let brief = Self.brief("The base covers 12 km² of land.\n\nAnother paragraph ends.")
        #expect(brief.notes.isEmpty)
        #expect(brief.paragraphs[0].text == "The base covers 12 km² of land.")
        #expect(brief.paragraphs[0].noteMarkers.isEmpty)
    }

    @Test func tableLinesAreOneTableParagraphAndCaptionsAreCaptions() {
        let text = """
            Prose before the table.

            | Year | Expand | Keep |
            | 2019 | 48% | 44% |
            | 2022 | 33% | 55% |

            Table 1. Investment plans of manufacturers.

            Prose after it.
            """
        let paragraphs = Self.brief(text).paragraphs
        #expect(paragraphs.count == 4)
        #expect(paragraphs[1].kind == .table(rows: [["Year", "Expand", "Keep"], ["2019", "48%", "44%"], ["2022", "33%", "55%"]]))
        #expect(paragraphs[1].text == "Year | Expand | Keep / 2019 | 48% | 44% / 2022 | 33% | 55%")
        #expect(paragraphs[2].kind == .caption)
        #expect(paragraphs[3].kind == .prose)
    }

    @Test func tablesFoundInPlainTextAreTablesToo() {
        let text = "Prose before the table ends here.\n\n Port        Cranes   Berths\n North       12       4\n South       9        3\n\nProse after it."
        #expect(Self.brief(text).paragraphs.map(\.kind).contains(.table(rows: [["Port", "Cranes", "Berths"], ["North", "12", "4"], ["South", "9", "3"]])))
    }

    @Test func tableRowsSeparatedByBlankLinesStayOneTable() {
        let paragraphs = Self.brief("Prose first.\n\n| A | B |\n\n| 1 | 2 |\n\nProse last.").paragraphs
        #expect(paragraphs.map(\.kind) == [.prose, .table(rows: [["A", "B"], ["1", "2"]]), .prose])
    }
}
