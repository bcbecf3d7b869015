import DossierCore
import SiteGraph
import Testing

/// A small graph: one brief, two topics, two commentary pieces.
private func makeInput(commentary: String, adjustments: [TagAdjustment] = []) -> SiteGraphInput {
    let brief = Brief(
        slug: "sample", sourcePath: "content/briefs/sample.txt",
        metadata: BriefMetadata(title: "Sample", citationLabel: "Doe 2024"),
        sections: [BriefSection(heading: "Summary", slug: "summary", paragraphs: [
            Paragraph(number: 1, text: "Harbour fees rose and the port fee matters.", page: 1, lines: 3...3),
            Paragraph(number: 2, text: "A U.S. tariff on steel and harbours.", page: 1, lines: 5...5),
            Paragraph(number: 3, text: "Nothing relevant here.", page: 2, lines: 7...7),
        ], line: 1)],
        pageCount: 2
    )
    func located(_ values: [String], _ path: String) -> [ContentDocument.Located<String>] {
        values.map { ContentDocument.Located($0, at: SourceLocation(path: path, line: 2, column: 1)) }
    }
    let harbours = ContentDocument(kind: .topic, slug: "harbours", sourcePath: "content/topics/harbours.md", title: "Harbours",
                                   aliases: located(["harbour", "port fee", "lighthouse"], "content/topics/harbours.md"), body: "Harbours.\n", bodyFirstLine: 5)
    let tariffs = ContentDocument(kind: .topic, slug: "tariffs", sourcePath: "content/topics/tariffs.md", title: "Tariffs",
                                  aliases: located(["tariff"], "content/topics/tariffs.md"), body: "Tariffs.\n", bodyFirstLine: 5)
    let note = ContentDocument(kind: .commentary, slug: "note", sourcePath: "content/commentary/note.md", title: "Note",
                               date: "2024-11-20", body: commentary, bodyFirstLine: 5)
    return SiteGraphInput(config: SiteConfig(title: "T"), briefs: [brief], documents: [harbours, tariffs, note], tagAdjustments: adjustments)
}

@Suite struct TaggingTests {
    @Test func paragraphsAreTaggedByAliases() {
        let graph = SiteGraph.build(makeInput(commentary: "Text.\n"))
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "sample", number: 1)] == ["harbours"])
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "sample", number: 2)] == ["harbours", "tariffs"])
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "sample", number: 3)] == nil)
        #expect(graph.coverage(topic: "harbours", brief: "sample") == 2)
        #expect(graph.unmatchedAliases["harbours"]?.map(\.value) == ["lighthouse"])
    }

    @Test func overridesAddAndRemoveTags() {
        let location = SourceLocation(path: "content/briefs/sample.yml", line: 3, column: 5)
        let graph = SiteGraph.build(makeInput(commentary: "Text.\n", adjustments: [
            TagAdjustment(briefSlug: "sample", paragraph: 3, add: ["tariffs"], remove: [], location: location),
            TagAdjustment(briefSlug: "sample", paragraph: 2, add: [], remove: ["harbours"], location: location),
        ]))
        #expect(graph.diagnostics.isEmpty)
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "sample", number: 3)] == ["tariffs"])
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "sample", number: 2)] == ["tariffs"])
    }

    @Test func overridesNamingUnknownThingsAreErrors() {
        let location = SourceLocation(path: "content/briefs/sample.yml", line: 3, column: 5)
        let graph = SiteGraph.build(makeInput(commentary: "Text.\n", adjustments: [
            TagAdjustment(briefSlug: "sample", paragraph: 9, add: ["tariffs"], remove: [], location: location),
            TagAdjustment(briefSlug: "sample", paragraph: 1, add: ["tarifs"], remove: [], location: location),
        ]))
        #expect(graph.diagnostics.map(\.description) == [
            "content/briefs/sample.yml:3:5: error: tag override names unknown topic 'tarifs'; did you mean 'tariffs'?",
            "content/briefs/sample.yml:3:5: error: tag override names ¶9, but 'sample' has ¶1–¶3",
        ])
    }

    @Test func relatedTopicsAreRankedBySharedParagraphs() {
        let graph = SiteGraph.build(makeInput(commentary: "Text.\n"))
        #expect(graph.relatedTopics["harbours"]?.map(\.slug) == ["tariffs"])
        #expect(graph.relatedTopics["harbours"]?.map(\.sharedParagraphs) == [1])
    }
}

@Suite struct ResolutionTests {
    @Test func citationsRenderAsLabelsAndCreateBacklinks() {
        let graph = SiteGraph.build(makeInput(commentary: "Fees rose [[sample#p1]]. Tariffs too [[sample#p2-p3]].\n"))
        #expect(graph.diagnostics.isEmpty)
        let html = graph.bodies[Route(page: "commentary/note")]?.html ?? ""
        // Each citation carries an id, so a paragraph's "cited by" can lead back to the citing sentence.
        #expect(html.contains("<a href=\"../../briefs/sample/index.html#p1\" class=\"citation\" id=\"cite-1\">Doe 2024, ¶1</a>"))
        #expect(html.contains("id=\"cite-2\">Doe 2024, ¶2–3</a>"))
        let backlinks = graph.backlinks[.paragraph(ParagraphRef(briefSlug: "sample", number: 3))] ?? []
        #expect(backlinks.map(\.context) == ["Tariffs too Doe 2024, ¶2–3."])
        #expect(backlinks.map(\.anchor) == ["cite-2"])
        #expect(backlinks.first?.location == SourceLocation(path: "content/commentary/note.md", line: 5, column: 38))
    }

    @Test func topicLinksCreateBacklinksWithTheirSentence() {
        let graph = SiteGraph.build(makeInput(commentary: "Intro. Read about [[harbours|ports]] first.\n"))
        let backlinks = graph.backlinks[.page(Route(page: "topics/harbours"))] ?? []
        #expect(backlinks.map(\.context) == ["Read about ports first."])
        #expect(backlinks.map(\.sourceTitle) == ["Note"])
    }

    @Test func oneBacklinkPerSentenceHoweverOftenItLinks() {
        let source = "Both [[harbours|ports]] and [[harbours|docks]] matter. Later [[harbours|quays]] too.\n\nBoth [[harbours|ports]] and [[harbours|docks]] matter.\n"
        let graph = SiteGraph.build(makeInput(commentary: source))
        let backlinks = graph.backlinks[.page(Route(page: "topics/harbours"))] ?? []
        #expect(backlinks.map(\.context) == ["Both ports and docks matter.", "Later quays too."])
        // The first occurrence is the one kept.
        #expect(backlinks.map(\.location.line) == [5, 5])
        #expect(backlinks.map(\.location.column) == [6, 62])
    }

    @Test(arguments: [
        ("See [[sampel#p1]].", "content/commentary/note.md:5:5: error: unknown page 'sampel' in [[sampel#p1]]: no topic, brief, commentary piece, page or author has that slug; did you mean 'sample'?"),
        ("See [[sample#p4]].", "content/commentary/note.md:5:5: error: [[sample#p4]] cites ¶4, but 'sample' has ¶1–¶3"),
        ("See [[harbours#p1]].", "content/commentary/note.md:5:5: error: [[harbours#p1]] cites paragraphs, but 'harbours' is a topic, not a brief"),
        ("See [[sample#p3-p1]].", "content/commentary/note.md:5:5: error: reversed paragraph range p3-p1 in '[[sample#p3-p1]]'"),
        ("A\n\nSee [[sample#method]].", "content/commentary/note.md:7:5: error: unknown anchor '#method' in [[sample#method]]: 'sample' has sections summary and paragraphs #p1…#p3"),
        ("See [[harbours#history]].", "content/commentary/note.md:5:5: error: unknown anchor '#history' in [[harbours#history]]: it has no headings"),
        ("See [x](../topics/nope.md).", "content/commentary/note.md:5:5: error: link '../topics/nope.md' names no content file (looked for 'content/topics/nope.md')"),
        ("See [x](/nowhere/).", "content/commentary/note.md:5:5: error: link '/nowhere/' points to 'nowhere/index.html', which the site does not contain"),
        ("Broken [[harbours here.", "content/commentary/note.md:5:8: error: unclosed '[[': a wiki link must end with ']]' on the same line"),
    ])
    func brokenReferencesAreErrorsWithLocations(source: String, expected: String) {
        let graph = SiteGraph.build(makeInput(commentary: source + "\n"))
        #expect(graph.diagnostics.map(\.description) == [expected])
    }

    @Test func internalLinksBecomeRelative() {
        let graph = SiteGraph.build(makeInput(commentary: "[a](/topics/harbours/) [b](../../briefs/sample/) [c](../topics/tariffs.md) [d](@/topics/tariffs.md#x)\n"))
        let html = graph.bodies[Route(page: "commentary/note")]?.html ?? ""
        #expect(html.contains("href=\"../../topics/harbours/index.html\""))
        #expect(html.contains("href=\"../../briefs/sample/index.html\""))
        #expect(html.contains("href=\"../../topics/tariffs/index.html\""))
        #expect(graph.diagnostics.map(\.message) == ["unknown anchor '#x' in link '@/topics/tariffs.md#x': it has no headings"])
    }

    @Test func buildIsDeterministic() {
        let input = makeInput(commentary: "A [[harbours]] B [[sample#p1]] C [[tariffs]].\n")
        let first = SiteGraph.build(input)
        let second = SiteGraph.build(input)
        #expect(first.bodies == second.bodies)
        #expect(first.backlinks == second.backlinks)
        #expect(first.paragraphTags == second.paragraphTags)
    }
}
