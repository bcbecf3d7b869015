import BriefImport
import DossierCore
import Foundation
import Testing

/// Individual importer rules and diagnostics, on small inline texts.
@Suite struct ImporterRuleTests {
    static func run(_ text: String, sidecar: BriefSidecar? = nil) -> BriefImportResult {
        BriefImporter.analyze(text: text, slug: "x", sourcePath: "content/briefs/x.txt", sidecar: sidecar)
    }

    @Test func emptyBriefIsAnErrorAtLineOne() {
        let (brief, diagnostics) = BriefImporter.importBrief(
            text: "\n\n3\n", slug: "x", sourcePath: "content/briefs/x.txt", sidecar: nil
        )
        #expect(brief.paragraphs.isEmpty)
        #expect(diagnostics.map(\.description) == ["content/briefs/x.txt:1:1: error: brief has no body text"])
    }

    @Test func invalidFurniturePatternIsAnErrorInTheSidecar() {
        let result = Self.run("A sentence of body text.", sidecar: BriefSidecar(furniturePatterns: ["(unclosed", "^ok$"]))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location == SourceLocation(path: "content/briefs/x.yml", line: 1, column: 1))
        #expect(result.diagnostics.first?.message.contains("(unclosed") == true)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.brief.paragraphs.count == 1)
    }

    @Test func tagOverrideOutOfRangeIsReportedAtItsLocation() {
        let location = SourceLocation(path: "content/briefs/x.yml", line: 7, column: 5)
        let sidecar = BriefSidecar(tagOverrides: [TagOverride(paragraph: 2, add: ["t"], location: location)])
        let result = Self.run("Only one paragraph here.", sidecar: sidecar)
        #expect(result.diagnostics.map(\.location) == [location])
    }

    @Test func sidecarWinsOverMasthead() {
        let text = "Japan Program\nNovember 2024\nA Title Written in the Text\nBy Ann Lee\nTOPLINE\nBody sentence here."
        let sidecar = BriefSidecar(title: "Editors' Title", editorialTitle: true, authors: ["Bo Ng"], date: "2024-12", citeAs: "Ng memo")
        let metadata = Self.run(text, sidecar: sidecar).brief.metadata
        #expect(metadata.title == "Editors' Title")
        #expect(metadata.isEditorialTitle)
        #expect(metadata.authors == ["Bo Ng"])
        #expect(metadata.date == "2024-12")
        #expect(metadata.citationLabel == "Ng memo")
        #expect(metadata.program == "Japan Program")
    }

    @Test func citationLabelFallsBackFromSurnameYearToTitle() {
        #expect(BriefImporter.citationLabel(authors: ["Yuki Tatsumi"], date: "November 2024") == "Tatsumi 2024")
        #expect(BriefImporter.citationLabel(authors: ["Martin Luther King Jr."], date: "1963-08") == "King 1963")
        #expect(BriefImporter.citationLabel(authors: ["Ann Lee"], date: nil) == nil)
        let metadata = Self.run("Just Title Words Here\nBy Ann Lee\nBody sentence here.").brief.metadata
        #expect(metadata.citationLabel == "Just Title Words Here")
    }

    @Test func headingSlugsAreUniqueAndAvoidParagraphAnchors() {
        let text = "Way Forward\nFirst body sentence.\nWay-Forward\nSecond body sentence.\nP1\nThird body sentence."
        let sections = Self.run(text).brief.sections
        #expect(sections.map(\.slug) == ["way-forward", "way-forward-2", "s-p1"])
    }

    @Test func repeatedHeadingIsFurnitureUnlessTheSidecarNamesIt() {
        let text = "Summary\nFirst body sentence.\nSummary\nSecond body sentence."
        #expect(Self.run(text).brief.sections.map(\.heading) == [nil])
        let kept = Self.run(text, sidecar: BriefSidecar(headings: ["Summary"])).brief.sections
        #expect(kept.map(\.heading) == ["Summary", "Summary"])
        #expect(kept.map(\.slug) == ["summary", "summary-2"])
    }

    @Test func crlfLineEndingsKeepLineNumbers() {
        let result = Self.run("First paragraph.\r\n\r\nSecond paragraph.\r\n")
        #expect(result.brief.paragraphs.map(\.lines) == [1...1, 3...3])
        #expect(result.brief.paragraphs.map(\.text) == ["First paragraph.", "Second paragraph."])
    }

    @Test func whitespaceIsNormalised() {
        let result = Self.run("  Tabs\tand   spaces  collapse.  ")
        #expect(result.brief.paragraphs.map(\.text) == ["Tabs and spaces collapse."])
    }

    @Test func leadInsNeedARecommendationSectionOrARun() {
        let single = Self.run("Build the ships. Then crew them well.\nThe weather was fine. Nothing else happened.")
        #expect(single.brief.paragraphs.allSatisfy { $0.leadIn == nil })
        let run = Self.run("Build the ships. Then crew them well.\nTrain the crews. Then keep them paid.")
        #expect(run.brief.paragraphs.map(\.leadIn) == ["Build the ships.", "Train the crews."])
        let properNoun = Self.run("RECOMMENDATIONS\nJapan matters. It is an ally of Japan and others.\nStreamline approvals. Waivers take years.")
        #expect(properNoun.brief.paragraphs.map(\.leadIn) == [nil, "Streamline approvals."])
    }

    @Test func skeletonListsDetectedMetadataAndFurniture() {
        let source = TestFiles.text(SeedBriefTests.memoPath)
        let result = BriefImporter.analyze(text: source, slug: "positive-disruptor", sourcePath: SeedBriefTests.memoPath, sidecar: nil)
        let yaml = SidecarSkeleton.yaml(for: result.brief, detectedFurniture: result.detectedFurniture)
        let lines = yaml.split(separator: "\n").map(String.init)
        #expect(lines.contains("title: 'Be a Positive Disruptor in the Indo-Pacific'"))
        #expect(lines.contains("  - 'Yuki Tatsumi'"))
        #expect(lines.contains("date: '2024-11'"))
        #expect(lines.contains("cite_as: 'Tatsumi 2024'"))
        #expect(lines.contains(#"  - '^[0-9]+ \| Japan Program November [0-9]+$'"#))
        #expect(lines.filter { $0.contains("Japan Program November") }.count == 1)
        #expect(lines.contains("subtitle: 'President-elect Trump''s unconventional approach to alliances can press U.S. allies and partners in the Indo-Pacific to forge a stronger coalition'"))
        #expect(yaml.hasSuffix("tags: []\n"))
    }
}
