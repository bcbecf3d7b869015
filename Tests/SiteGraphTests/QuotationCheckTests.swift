import DossierCore
import SiteGraph
import Testing

/// Quotations in commentary checked against the paragraphs they cite.
@Suite struct QuotationCheckTests {
    private static let brief = Brief(
        slug: "sample", sourcePath: "content/briefs/sample.txt",
        metadata: BriefMetadata(title: "Sample", citationLabel: "Doe 2024"),
        sections: [BriefSection(heading: nil, slug: "start", paragraphs: [
            Paragraph(number: 1, text: "Allies “are – and should be – expected to do their fair share,” in Kishida’s view.", lines: 1...1),
            Paragraph(number: 2, text: "Washington should not force the zero-sum choice. It is much harder for the countries in the Indo-Pacific simply because they are closer to China.", lines: 3...3),
            Paragraph(number: 3, text: "The last paragraph ends here.", lines: 5...5),
        ], line: 1)],
        pageCount: nil
    )

    private func graph(_ body: String, kind: ContentDocument.Kind = .commentary) -> SiteGraph {
        let note = ContentDocument(kind: kind, slug: "note", sourcePath: "content/commentary/note.md", title: "Note",
                                   date: "2024-11-20", body: body, bodyFirstLine: 4)
        return SiteGraph.build(SiteGraphInput(config: SiteConfig(title: "T"), briefs: [Self.brief], documents: [note], tagAdjustments: []))
    }

    @Test func typographyOmissionsAndInsertionsPass() throws {
        let graph = graph("""
        She writes that allies "are—and should be—expected to do their fair share" in "Kishida's view" [[sample#p1]].

        "washington should not force the … choice", and "it is much harder for [Asian] countries in the Indo-Pacific..." [[sample#p2]].

        One quotation runs on: “closer to China. The last paragraph” [[sample#p2-p3]].
        """)
        #expect(graph.diagnostics.isEmpty, "\(graph.diagnostics)")
        #expect(graph.quotationTally == QuotationTally(quotations: 5, paragraphs: 3))
        #expect(graph.quotationTally.summary == "5 quotations verified against 3 paragraphs")
    }

    @Test func aQuotationMayHoldTheOtherKindOfMarks() {
        let graph = graph("It says “Allies \"are – and should be – expected to do their fair share,\"” [[sample#p1]].\n")
        #expect(graph.diagnostics.isEmpty, "\(graph.diagnostics)")
        #expect(graph.quotationTally.quotations == 1)
    }

    @Test func titlesScareQuotesAndCodeAreNotQuotations() {
        let graph = graph("""
        The fees matter [[sample#p3]]. A "short phrase" in the next sentence is free, and so is a ‘title in single marks of any length’.

        A paragraph that cites nothing may hold "any words it likes in double marks".

        Code is not prose: `"not in the brief at all"` [[sample#p1]].

        ```
        "Nor is this block" [[sample#p1]].
        ```
        """)
        #expect(graph.diagnostics.isEmpty, "\(graph.diagnostics)")
        #expect(graph.quotationTally.quotations == 0)
    }

    @Test func aMisquotationIsLocatedAndShowsTheClosestPassage() {
        let graph = graph("Intro line.\n\nWashington, it says, \"should force the zero-sum choice\" [[sample#p2]].\n")
        #expect(graph.diagnostics.map(\.description) == [
            "content/commentary/note.md:6:22: error: quotation “should force the zero-sum choice” is not in Doe 2024, ¶2; the closest passage there is “should not force the zero-sum choice.”. Quote the source's words exactly (mark left-out words with … and your own with [brackets]), or cite the ¶ they come from",
        ])
    }

    @Test func wordsFromAnotherParagraphSayWhere() {
        let graph = graph("It ends \"The last paragraph ends here\" [[sample#p1]] [[sample#p2]].\n")
        #expect(graph.diagnostics.map(\.message) == [
            "quotation “The last paragraph ends here” is not in Doe 2024, ¶1 or Doe 2024, ¶2: found in ¶3, not ¶1; cite [[sample#p3]] for these words",
        ])
    }

    @Test func aQuotationAcrossTwoParagraphsNeedsARange() {
        let graph = graph("Quoted: \"closer to China. The last paragraph\" [[sample#p2]].\n")
        #expect(graph.diagnostics.map(\.message) == [
            "quotation “closer to China. The last paragraph” is not in Doe 2024, ¶2: the words run across ¶2 and ¶3, so cite the range [[sample#p2-p3]] or quote from one paragraph",
        ])
    }

    @Test func topicOverviewsAreCheckedAndPagesAreNot() {
        let misquote = "It says \"allies are expected to pay\" [[sample#p1]].\n"
        #expect(graph(misquote, kind: .topic).diagnostics.count == 1)
        #expect(graph(misquote, kind: .page).diagnostics.isEmpty)
    }

    @Test func citationLinksCarryTheQuotedWordsAndBacklinksShowThem() throws {
        let graph = graph("Washington \"should not force the zero-sum choice\" and \"Kishida's view\" counts [[sample#p2]] [[sample#p1]].\n")
        #expect(graph.diagnostics.isEmpty, "\(graph.diagnostics)")
        let note = try #require(graph.commentary.first)
        let html = try #require(graph.bodies[note.route]?.html)
        #expect(html.contains("index.html#p2:~:text=should%20not%20force%20the%20zero%2Dsum%20choice\""))
        #expect(html.contains("index.html#p1:~:text=Kishida%E2%80%99s%20view\""))
        let backlinks = graph.backlinks[.paragraph(ParagraphRef(briefSlug: "sample", number: 1))] ?? []
        #expect(backlinks.map(\.quotes) == [["Kishida’s view"]])
    }
}
