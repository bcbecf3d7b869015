import BriefImport
import DossierCore
import Testing

/// The masthead of hard-wrapped text (as `pdftotext` writes it), read line by line.
@Suite struct TextMastheadTests {
    static func metadata(_ text: String) -> BriefMetadata {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil).brief.metadata
    }

    static let body = "\n\nThe body starts here with a sentence that is long enough to be prose,\nand it goes on.\n"

    @Test func aTitleWrappedOverLinesIsOneTitle() {
        let metadata = Self.metadata("IN BRIEF\n\nHost Nation Support in Japan: Issues\nfor the Next Agreement\nUpdated February 18, 2025" + Self.body)
        #expect(metadata.title == "Host Nation Support in Japan: Issues for the Next Agreement")
        #expect(metadata.subtitle == nil)
        #expect(metadata.date == "February 18, 2025")
        #expect(metadata.program == "IN BRIEF")
        let joined = Self.metadata("R E S E A R C H\n\nPA P E R\n\nMoscow, Pyongyang and the\nConnected Theater\nBy Claire Dubois\nRevised: March 3rd, 2025" + Self.body)
        #expect(joined.title == "Moscow, Pyongyang and the Connected Theater")
        #expect(joined.program == "RESEARCH PAPER")
        #expect(joined.authors == ["Claire Dubois"])
    }

    @Test func aSecondCompleteLineIsTheSubtitleAndBylinesNeedNoBy() {
        let metadata = Self.metadata("WORKING PAPER No. 15\n\nDecoupling by Degrees\nJapanese Firms and the China Market\nAkiko Moriyama and Thomas Reed\nApril 2025" + Self.body)
        #expect(metadata.title == "Decoupling by Degrees")
        #expect(metadata.subtitle == "Japanese Firms and the China Market")
        #expect(metadata.authors == ["Akiko Moriyama", "Thomas Reed"])
        #expect(metadata.program == "WORKING PAPER No. 15")
    }

    @Test func aTitleEndingInAColonOverItsSubtitleLosesTheColon() {
        let metadata = Self.metadata("POLICY NOTE No. 7\n\nRethinking Host Nation Support:\nCost-Sharing After the 2026 Talks\n\nMari Ota and Peter J. Lang\nRevised 3 March 2026" + Self.body)
        #expect(metadata.title == "Rethinking Host Nation Support")
        #expect(metadata.subtitle == "Cost-Sharing After the 2026 Talks")
        #expect(metadata.authors == ["Mari Ota", "Peter J. Lang"])
    }

    @Test func oxfordCommasAndAmpersandsSplitNames() {
        let oxford = Self.metadata("Counting What Counts\nBy Helen Marsh, Tomoko Arai, and Peter J. Lund\nMarch 2025" + Self.body)
        #expect(oxford.authors == ["Helen Marsh", "Tomoko Arai", "Peter J. Lund"])
        let ampersand = Self.metadata("Keeping Seoul in the Trilateral\nJae-won Park & Emily Hart\nDec. 9, 2024" + Self.body)
        #expect(ampersand.authors == ["Jae-won Park", "Emily Hart"])
    }

    @Test func authorsListedOnlyAtTheEndAreFound() {
        let text = "Host Nation Support\nUpdated February 18, 2025" + Self.body
            + "\nAuthor Information\n\nDana R. Whitfield, Analyst in Asian Affairs\nKenji Oyama, Analyst in Asian Affairs\n"
        #expect(Self.metadata(text).authors == ["Dana R. Whitfield", "Kenji Oyama"])
    }

    @Test func mastheadLinesStayOutOfTheBody() {
        let brief = BriefImporter.analyze(
            text: "Counting What Counts\nBy Helen Marsh\nMarch 2025" + Self.body, slug: "x", sourcePath: "x.txt", sidecar: nil
        ).brief
        #expect(brief.paragraphs.map(\.fullText) == ["The body starts here with a sentence that is long enough to be prose, and it goes on."])
    }
}

/// Body rules for hard-wrapped text.
@Suite struct HardWrappedBodyTests {
    static func brief(_ text: String) -> Brief {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil).brief
    }

    @Test func numberedTitleCaseHeadingsKeepTheirNumbersAndEndAtTheirLine() {
        let text = "1. Introduction\nIn December Japan committed to raising spending to two percent of its output by 2027,\nwhich was widely read abroad as a doubling of the budget for its forces.\n"
            + "2. What Is Counted\nThe core budget covers forces, equipment and operations of the self-defense forces,\nand other ministries hold the rest of what the target counts.\n"
        let brief = Self.brief(text)
        #expect(brief.sections.compactMap(\.heading) == ["1. Introduction", "2. What Is Counted"])
        #expect(brief.paragraphs.map(\.kind) == [.prose, .prose])
    }

    @Test func squareAndOtherGlyphsAreBullets() {
        let brief = Self.brief("■ The first point is short.\n▪ The second point is short too.\n◆ A third one closes the list.\n")
        #expect(brief.paragraphs.map(\.kind) == [.bulletItem, .bulletItem, .bulletItem])
        #expect(brief.paragraphs.first?.text == "The first point is short.")
    }
}

@Suite struct TextMastheadSeriesTests {
    /// A series label with its number stays a label when the title follows on the next line.
    @Test func numberedSeriesLabelIsNoTitle() {
        let text = """
        WORKING PAPER No. 7
                         Harbour Works Review
                       Cranes, Berths and the Budget
                          Ana Ruiz and Bo Lind
                             April 2031

        The harbour board met twice in the spring to weigh the cost of new cranes against the
        expected growth of traffic, and agreed on a smaller first phase of the works.
        """
        let metadata = BriefImporter.analyze(text: text, slug: "x", sourcePath: "x.txt", sidecar: nil).brief.metadata
        #expect(metadata.title == "Harbour Works Review")
        #expect(metadata.subtitle == "Cranes, Berths and the Budget")
        #expect(metadata.authors == ["Ana Ruiz", "Bo Lind"])
        #expect(metadata.program == "WORKING PAPER No. 7")
    }
}
