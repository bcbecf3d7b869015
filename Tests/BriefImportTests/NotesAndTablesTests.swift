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

    @Test func aHeadingAfterTheNotesClosesThem() {
        let brief = Self.brief("Body text with a mark.¹\n\nEndnotes\n\n1. The note.\n\nAbout the Data\n\nThe data come from a survey.")
        #expect(brief.notes.map(\.text) == ["The note."])
        #expect(brief.sections.compactMap(\.heading) == ["About the Data"])
        #expect(brief.paragraphs.map(\.fullText) == ["Body text with a mark.", "The data come from a survey."])
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
        #expect(paragraphs[1].text == "Year | Expand | Keep\n2019 | 48% | 44%\n2022 | 33% | 55%")
        #expect(paragraphs[2].kind == .caption)
        #expect(paragraphs[3].kind == .prose)
    }

    @Test func tableRowsSeparatedByBlankLinesStayOneTable() {
        let paragraphs = Self.brief("Prose first.\n\n| A | B |\n\n| 1 | 2 |\n\nProse last.").paragraphs
        #expect(paragraphs.map(\.kind) == [.prose, .table(rows: [["A", "B"], ["1", "2"]]), .prose])
    }
}
