@testable import BriefImport
import DossierCore
import Testing

/// `pdftotext -layout` output of two-column pages: columns read left then right, per page.
@Suite struct TextColumnTests {
    static func paragraphs(_ text: String) -> [String] {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil)
            .brief.paragraphs.map(\.text)
    }

    static func row(_ left: String, _ right: String) -> String {
        right.isEmpty ? left : left + String(repeating: " ", count: 50 - left.count) + right
    }

    /// Two columns whose lines sit half a line apart (so every other row holds only one side),
    /// under a full-width title and over a full-width footer.
    @Test func twoColumnsAreReadLeftThenRight() {
        let rows = [
            ("Harbour Works and the Budget Debate", ""),
            ("", ""),
            ("The ministry opened talks with the port", "than the harbour board had expected in its"),
            ("authorities in spring, and the first round", ""),
            ("", "spring report."),
            ("went well.", ""),
            ("", "The next round is set for early autumn, and"),
            ("Costs rose faster after the second round", "officials say the text is done."),
            ("", "A vote in the assembly would follow within"),
            ("", "weeks of the signing, by the usual rules."),
            ("", ""),
            ("", ""),
            ("                  Harbour Review 2031 · Page 2", ""),
        ]
        let text = rows.map { Self.row($0.0, $0.1) }.joined(separator: "\n") + "\n"
        let found = Self.paragraphs(text)
        #expect(found == [
            "The ministry opened talks with the port authorities in spring, and the first round went well.",
            "Costs rose faster after the second round than the harbour board had expected in its spring report.",
            "The next round is set for early autumn, and officials say the text is done.",
            "A vote in the assembly would follow within weeks of the signing, by the usual rules.",
        ])
    }

    /// A table's aligned cells are not columns of prose: the text left of the gap is short.
    @Test func alignedTableCellsAreNotColumns() {
        let lines = (1...8).map { Array(Self.row("Item \($0)", "value \($0)")) }
        #expect(ColumnReader.rightEdge(lines) == nil)
    }
}
