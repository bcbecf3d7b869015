import BriefImport
import DossierCore
import Testing

/// Plain-text layout rules: how wrapped lines, blocks and page breaks become paragraphs.
@Suite struct TextLayoutRuleTests {
    static func paragraphs(_ text: String) -> [String] {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil)
            .brief.paragraphs.map(\.text)
    }

    /// pdftotext prints each table cell as a line of its own between blanks; so many short lines
    /// must not make the wrapped prose around them look unwrapped (the capital after the wrap
    /// would then start a new paragraph).
    @Test func tableCellsStandingAloneDoNotHideHardWrapping() {
        let cells = ["Group", "Since", "Quad", "2017", "Trio", "2002", "Pact", "2024", "Forum", "2019", "Link", "2021"]
        let text = """
        The past decade has seen a boom in small groupings among allies and partners in the
        Pacific. Trilateral formats now meet at the level of leaders and ministers alike.

        \(cells.joined(separator: "\n\n"))

        The formats without a standing secretariat are the most exposed to any change in
        Washington, because officials lose the deadlines that keep their work moving.
        """
        let found = Self.paragraphs(text)
        #expect(found.first == "The past decade has seen a boom in small groupings among allies and partners in the "
            + "Pacific. Trilateral formats now meet at the level of leaders and ministers alike.")
        #expect(found.last == "The formats without a standing secretariat are the most exposed to any change in "
            + "Washington, because officials lose the deadlines that keep their work moving.")
    }
}
