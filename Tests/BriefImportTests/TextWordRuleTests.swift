@testable import BriefImport
import DossierCore
import Testing

/// Line-end hyphens decided by the document's own words; running heads and feet met only once.
@Suite struct TextWordRuleTests {
    static func paragraphs(_ text: String) -> [String] {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil)
            .brief.paragraphs.map(\.text)
    }

    @Test func hyphenAtLineEndFollowsTheDocumentsWords() {
        let words = WordList(texts: ["a cost-sharing deal and a longer range of ports", "the ports expire soon"])
        #expect(!TextJoiner.shouldMend("the new cost-", before: "sharing plan", words: words))
        #expect(!TextJoiner.shouldMend("a long-", before: "range plan", words: WordList(texts: ["a long wait", "the range"])))
        #expect(TextJoiner.shouldMend("they ex-", before: "pire soon", words: words))
        #expect(!TextJoiner.shouldMend("under cost-", before: "sharing deals", words: WordList(texts: ["burden-sharing is old"])))
        #expect(TextJoiner.shouldMend("the dead-", before: "line passed", words: WordList(texts: ["the deadline is near"])))
        // A function word before the hyphen is a syllable, not a word: `per-` + `form`.
        #expect(TextJoiner.shouldMend("they per-", before: "form well", words: WordList(texts: ["per year", "a form"])))
    }

    @Test func hyphenDroppedByTheExtractorComesBackWhenTheDocumentWritesTheCompound() {
        let words = WordList(texts: ["a cost-sharing deal", "a move from costsharing toward capability"])
        #expect(words.restoringHyphens("a move from costsharing toward capability") == "a move from cost-sharing toward capability")
        #expect(words.restoringHyphens("the cost of sharing") == "the cost of sharing")
    }

    @Test func shortLabelOverAListHeadsIt() {
        let text = """
        The harbour board met twice in the spring to weigh the cost of new cranes against the
        expected growth of traffic, and agreed on a smaller first phase of the works.

        Key points
        • The first phase is funded.
        • The second waits for the autumn vote.
        """
        let brief = BriefImporter.analyze(text: text, slug: "x", sourcePath: "x.txt", sidecar: nil).brief
        #expect(brief.sections.compactMap(\.heading) == ["Key points"])
        #expect(brief.paragraphs.map(\.kind) == [.prose, .bulletItem, .bulletItem])
    }

    @Test func echoOfTheTitleAndALoneFootAreFurniture() {
        let text = """
        Harbour Works Review
        Ana Ruiz
        March 2031

        The harbour board met twice in the spring to weigh the cost of new cranes against the
        expected growth of traffic, and agreed on a smaller first phase of the works before the

        Harbour Institute for Ports

        \u{0C}Ruiz — Harbour Works Review

        autumn vote. The second phase waits for the council.

        Harbour Institute for Ports
        """
        let found = Self.paragraphs(text)
        #expect(found == ["The harbour board met twice in the spring to weigh the cost of new cranes against the expected growth of traffic, and agreed on a smaller first phase of the works before the autumn vote. The second phase waits for the council."])
    }

    @Test func indentIsMeasuredFromTheTextsOwnMargin() {
        let lines = SourceLine.split("  Background\n    • An item\n    that wraps\n  Text")
        #expect(lines.map(\.isIndented) == [false, true, true, false])
    }
}

@Suite struct TextBlockOrderTests {
    /// pdftotext's default mode may print a column's foot after the block that continues it.
    @Test func columnFootPrintedLateMovesBeforeItsContinuation() {
        let text = """
        The harbour board met twice in the spring to weigh the cost of
        new cranes, and agreed on a smaller first phase of the works.

        the traffic forecast, which the board accepted in full. A vote
        on the second phase follows in the autumn.

        Outlook
        Most members expect the council to approve the plan at once.

        Costs
        The second phase depends on the budget and on the revision of
        """
        let paragraphs = BriefImporter.analyze(text: text, slug: "x", sourcePath: "x.txt", sidecar: nil).brief.paragraphs.map(\.text)
        #expect(paragraphs.contains("The second phase depends on the budget and on the revision of the traffic forecast, which the board accepted in full. A vote on the second phase follows in the autumn."))
    }
}

@Suite struct TextStrayLineTests {
    /// Where headings sit right on their text, a heading-shaped line alone between blanks is a stray imprint.
    @Test func lineStandingApartWhereHeadingsSitOnTheirTextIsFurniture() {
        let text = """
        Harbour Works Review
        Ana Ruiz
        March 2031

        The Problem
        The harbour board met twice in the spring to weigh the cost of new cranes against the
        growth of traffic, and agreed on a smaller first phase of the works.

        Harbour Institute for Ports

        What Comes Next
        The second phase waits for the council, which votes on the budget in the autumn.
        \u{0C}
        """
        let brief = BriefImporter.analyze(text: text, slug: "x", sourcePath: "x.txt", sidecar: nil).brief
        #expect(brief.sections.compactMap(\.heading) == ["The Problem", "What Comes Next"])
        #expect(brief.paragraphs.count == 2)
    }
}
