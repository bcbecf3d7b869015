import DossierCore
import Foundation
import SiteGraph
import Testing

/// The phrases of the site's own topics (content/topics) against wording real briefs use.
@Suite struct TopicPhraseTests {
    /// The `phrases:` list of a topic file in the repository's content/topics.
    static func phrases(of slug: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("content/topics/\(slug).md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "phrases:") else { return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
    }

    /// "status quo" alone (a brief preferring things as they are) is not the Free and Open Indo-Pacific;
    /// changing the status quo by force is.
    @Test func statusQuoAloneDoesNotTagTheFreeAndOpenIndoPacific() throws {
        let phrases = try Self.phrases(of: "free-and-open-indo-pacific")
        #expect(!phrases.isEmpty)
        let brief = Brief(
            slug: "b", sourcePath: "content/briefs/b.txt", metadata: BriefMetadata(title: "B", citationLabel: "B 2025"),
            sections: [BriefSection(heading: nil, slug: "s", paragraphs: [
                Paragraph(number: 1, text: "Both capitals prefer the status quo in the strait and say so often.", lines: 1...1),
                Paragraph(number: 2, text: "The strategy aims to deter unilateral changes to the status quo by force.", lines: 3...3),
            ], line: 1)],
            pageCount: nil
        )
        let topic = ContentDocument(
            kind: .topic, slug: "free-and-open-indo-pacific", sourcePath: "content/topics/free-and-open-indo-pacific.md",
            title: "FOIP", aliases: phrases.map { ContentDocument.Located($0, at: SourceLocation(path: "t.md", line: 1, column: 1)) },
            body: "Text.\n", bodyFirstLine: 5
        )
        let graph = SiteGraph.build(SiteGraphInput(config: SiteConfig(title: "T"), briefs: [brief], documents: [topic]))
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "b", number: 1)] == nil)
        #expect(graph.paragraphTags[ParagraphRef(briefSlug: "b", number: 2)] == ["free-and-open-indo-pacific"])
    }
}
