@testable import BriefImport
import DossierCore
import Testing

/// Plain-text rules for notes, back matter, tables and headings (each pinned by a made-up brief).
@Suite struct TextBlockRuleTests {
    static func analyze(_ text: String) -> BriefImportResult {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil)
    }

    static let wrapped = """
    The harbour board met twice in the spring to weigh the cost of new cranes against
    the expected growth of container traffic over the following decade.1 Its members
    agreed on a smaller first phase.
    The second phase depends on the budget settled in the autumn session, when the
    council is expected to vote on the whole plan and to set its timetable for the works
    """

    /// Footnotes closing a page are notes, the paragraph split around them is one paragraph, and
    /// the glued markers leave the text.
    @Test func pageFootNotesLeaveTheBodyAndItsMarkers() {
        let text = Self.wrapped + """

        of the coming years,2

        1. Minutes of the harbour board, April 2031.
        2. Council agenda for the autumn session.

        1
        \u{0C}and for the dredging that must come first. Nothing will start before the vote.

        2
        """
        let result = Self.analyze(text)
        #expect(result.brief.paragraphs.map(\.text) == [
            "The harbour board met twice in the spring to weigh the cost of new cranes against the expected growth of container traffic over the following decade. Its members agreed on a smaller first phase.",
            "The second phase depends on the budget settled in the autumn session, when the council is expected to vote on the whole plan and to set its timetable for the works of the coming years, and for the dredging that must come first. Nothing will start before the vote.",
        ])
        #expect(result.brief.notes.map(\.number) == [1, 2])
        #expect(result.brief.notes.first?.text == "Minutes of the harbour board, April 2031.")
        #expect(result.brief.notes.map(\.paragraph) == [1, 2])
    }

    /// A numbered list at a page foot stays a list when no marker in the body points to it.
    @Test func numberedListWithoutMarkersIsNoFootnote() {
        let text = Self.wrapped.replacingOccurrences(of: "decade.1", with: "decade.") + """

        of the coming years.

        1. Fund the first phase.
        2. Review the second.

        1
        """
        let result = Self.analyze(text)
        #expect(result.brief.notes.isEmpty)
        #expect(result.brief.paragraphs.suffix(2).map(\.kind) == [.numberedItem(1), .numberedItem(2)])
    }

    /// Everything after a back-matter heading, and copyright lines and disclaimers anywhere, stay out of the body.
    @Test func backMatterStaysOutOfTheBody() {
        let text = Self.wrapped + """

        of the coming years.

        © 2031 Harbour Institute. All rights reserved.

        About the authors
        Ana Ruiz is a fellow at the institute. She studies ports.
        """
        let result = Self.analyze(text)
        #expect(result.brief.paragraphs.count == 2)
        #expect(!result.brief.paragraphs.contains { $0.text.contains("©") || $0.text.contains("Ana Ruiz") })
        #expect(result.backMatter.contains("About the authors"))
    }

    /// Tables become one table ¶: aligned rows, and one cell per line.
    @Test func tablesAreOneParagraph() {
        let aligned = Self.wrapped + """

        of the coming years.

         Port        Cranes   Berths
         North       12       4
         South       9        3

        Table 1. Cranes and berths by port.
        """
        let rows = [["Port", "Cranes", "Berths"], ["North", "12", "4"], ["South", "9", "3"]]
        #expect(Self.analyze(aligned).brief.paragraphs.map(\.kind).contains(.table(rows: rows)))
        let cells = ["Port", "Cranes", "Berths", "North", "12", "4", "South", "9", "3"].joined(separator: "\n\n")
        let oneCellPerLine = Self.wrapped + "\nof the coming years.\n\n" + cells + "\n\nTable 1. Cranes and berths by port.\n"
        let paragraphs = Self.analyze(oneCellPerLine).brief.paragraphs
        #expect(paragraphs.map(\.kind).contains(.table(rows: rows)))
        #expect(paragraphs.last?.text == "Table 1. Cranes and berths by port.")
        #expect(paragraphs.last?.kind == .caption)
    }

    /// Title-case questions and headings with longer prepositions are headings.
    @Test func questionAndPrepositionHeadings() {
        #expect(LineShape.isHeadingShaped("Why Did the Talks Stall?"))
        #expect(LineShape.isHeadingShaped("Tensions within the Plan"))
        #expect(!LineShape.isHeadingShaped("Why did the talks stall?"))
        #expect(LineShape.isHeadingShaped("2. What Has Changed?"))
        #expect(!LineShape.isHeadingShaped("2. What has changed since then?"))
        #expect(!LineShape.isHeadingShaped("• Who Pays?"))
        #expect(!LineShape.isHeadingShaped("(1) Who Pays?"))
    }
}

@Suite struct ImportReportTextTests {
    /// Text left side by side (two columns not recognised) is warned about with its lines, and
    /// `--explain` names the rule that dropped a line.
    @Test func sideBySideTextIsWarnedAboutAndDroppedLinesAreExplained() {
        let rows = ["The board met in the spring to weigh the cost       of the cranes, and the council will vote soon.",
                    "of new cranes against the growth of traffic,         which it expects to reach its peak by 2040.",
                    "and agreed on a smaller first phase of works         The second phase waits for the budget vote.",
                    "that the port authority will start next year.        Both phases are to end within ten years."]
        let text = rows.joined(separator: "\n") + "\n\n© 2031 Harbour Institute. All rights reserved.\n"
        let result = BriefImporter.analyze(text: text, slug: "x", sourcePath: "x.txt", sidecar: nil)
        let warnings = ImportReport(result: result).warnings
        #expect(warnings.contains { $0.contains("side by side") && $0.contains("x.txt:1") })
        let explained = ImportExplainer.explain(text: text, result: result)
        #expect(explained.contains { $0.hasPrefix("x.txt:6: back matter") })
    }
}
