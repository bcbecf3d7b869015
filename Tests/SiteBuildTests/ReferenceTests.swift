import DossierCore
@testable import SiteBuild
import Testing

/// References of briefs and commentary in Chicago, APA, BibTeX, RIS and CSL-JSON.
@Suite struct ReferenceTests {
    private static let brief = Brief(
        slug: "positive-disruptor", sourcePath: "content/briefs/positive-disruptor.txt",
        metadata: BriefMetadata(title: "Be a Positive Disruptor in the Indo-Pacific", authors: ["Yuki Tatsumi", "Jane Q. Doe"],
                                publisher: "Stimson Center", date: "2024-11", sourceURL: "https://example.com/memo.pdf", citationLabel: "Tatsumi 2024"),
        sections: [], pageCount: nil
    )
    private static let base = "https://example.org/dossier/"

    @Test func chicagoAndAPAForABriefAndOneOfItsParagraphs() {
        let reference = Reference(brief: Self.brief, baseURL: Self.base)
        #expect(reference.chicago() == "Tatsumi, Yuki, and Jane Q. Doe. “Be a Positive Disruptor in the Indo-Pacific.” Stimson Center, November 2024. https://example.org/dossier/briefs/positive-disruptor/.")
        #expect(reference.chicago(paragraph: 8) == "Yuki Tatsumi and Jane Q. Doe, “Be a Positive Disruptor in the Indo-Pacific” (Stimson Center, November 2024), para. 8, https://example.org/dossier/briefs/positive-disruptor/#p8.")
        let apa = reference.apa(paragraph: 8)
        #expect(apa.before + "*" + apa.title + "*" + apa.after == "Tatsumi, Y., & Doe, J. Q. (2024, November). *Be a Positive Disruptor in the Indo-Pacific*. Stimson Center. https://example.org/dossier/briefs/positive-disruptor/#p8")
        #expect(reference.apaInText(paragraph: 8) == "(Tatsumi & Doe, 2024, para. 8)")
    }

    @Test func theOriginalPDFIsThePublishedCopyWhenTheBriefKeepsOne() {
        var brief = Self.brief
        #expect(Reference(brief: brief, baseURL: Self.base).pdfURL == "https://example.com/memo.pdf")
        brief.originalPDF = "content/briefs/positive-disruptor.pdf"
        #expect(Reference(brief: brief, baseURL: Self.base).pdfURL == "https://example.org/dossier/briefs/positive-disruptor/original.pdf")
        // Without a base URL no absolute address is known; the source's own PDF address is still one.
        #expect(Reference(brief: brief, baseURL: nil).pdfURL == "https://example.com/memo.pdf")
    }

    @Test func aTitleTheEditorsSuppliedIsBracketedAndLeadsWithoutAuthors() {
        var brief = Self.brief
        brief.metadata = BriefMetadata(title: "The Alliance", isEditorialTitle: true, date: "2024-11", citationLabel: "Essay 2024")
        let reference = Reference(brief: brief, baseURL: nil)
        #expect(reference.chicago() == "“[The Alliance].” November 2024.")
        let apa = reference.apa()
        #expect(apa.before + "*" + apa.title + "*" + apa.after == "*[The Alliance]*. (2024, November).")
    }

    @Test func commentaryIsAWebPageOfTheSiteByItsEditors() {
        let document = ContentDocument(kind: .commentary, slug: "china-two-readings", sourcePath: "content/commentary/china-two-readings.md",
                                       title: "China: one squeeze, two readings", date: "2024-11-18", body: "", bodyFirstLine: 5)
        let config = SiteConfig(title: "Alliance Dossier", baseURL: Self.base, author: "Alliance Dossier editors")
        let reference = Reference(document: document, config: config)
        #expect(reference.chicago() == "Alliance Dossier editors. “China: one squeeze, two readings.” Alliance Dossier, November 18, 2024. https://example.org/dossier/commentary/china-two-readings/.")
        #expect(reference.bibTeX.contains("author = {{Alliance Dossier editors}}"))
        #expect(reference.ris.hasPrefix("TY  - ELEC\r\n"))
        #expect(reference.cslJSON.contains("\"issued\": {\"date-parts\": [[2024, 11, 18]]}"))
    }

    @Test func commentaryWithAuthorsIsCitedUnderTheirNames() {
        let document = ContentDocument(kind: .commentary, slug: "ports", sourcePath: "content/commentary/ports.md",
                                       title: "Ports", date: "2024-12-02", body: "", bodyFirstLine: 5)
        let config = SiteConfig(title: "Alliance Dossier", baseURL: Self.base, author: "Alliance Dossier editors")
        let reference = Reference(document: document, config: config, authorNames: ["Ada Lovelace", "Grace Brewster Hopper"])
        #expect(reference.chicago().hasPrefix("Lovelace, Ada, and Grace Brewster Hopper. “Ports.” Alliance Dossier, December 2, 2024."))
        #expect(reference.bibTeX.contains("author = {Lovelace, Ada and Hopper, Grace Brewster}"))
        #expect(!reference.bibTeX.contains("editors"))
        #expect(reference.ris.contains("AU  - Lovelace, Ada\r\nAU  - Hopper, Grace Brewster\r\n"))
        #expect(reference.cslJSON.contains("{\"family\": \"Lovelace\", \"given\": \"Ada\"}"))
        #expect(reference.key == "ports2024")
    }

    @Test func filesCarryEveryField() {
        let reference = Reference(brief: Self.brief, baseURL: Self.base)
        #expect(reference.bibTeX == """
        @techreport{tatsumi2024,
          author = {Tatsumi, Yuki and Doe, Jane Q.},
          title = {{Be a Positive Disruptor in the Indo-Pacific}},
          institution = {Stimson Center},
          year = {2024},
          month = {11},
          url = {https://example.org/dossier/briefs/positive-disruptor/},
          file = {https://example.com/memo.pdf}
        }

        """)
        #expect(reference.ris.split(separator: "\r\n").map(String.init) == [
            "TY  - RPRT", "AU  - Tatsumi, Yuki", "AU  - Doe, Jane Q.", "TI  - Be a Positive Disruptor in the Indo-Pacific",
            "PB  - Stimson Center", "PY  - 2024", "DA  - 2024/11//", "UR  - https://example.org/dossier/briefs/positive-disruptor/",
            "L1  - https://example.com/memo.pdf", "ER  - ",
        ])
    }

    @Test func bibTeXSpecialCharactersAreEscaped() {
        var brief = Self.brief
        brief.metadata.title = "R&D {and} 50% of $ costs #1_a"
        #expect(Reference(brief: brief, baseURL: nil).bibTeX.contains("title = {{R\\&D \\{and\\} 50\\% of \\$ costs \\#1\\_a}}"))
    }
}
