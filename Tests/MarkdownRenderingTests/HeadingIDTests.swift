import DossierCore
import MarkdownRendering
import Testing

/// Heading ids are set in cmark's tree; no id the body writes any other way is repeated by a heading,
/// and an id written twice in raw HTML is reported where it is written.
@Suite struct HeadingIDTests {
    private func render(_ source: String, rawHTML: Bool = false, reserved: Set<String> = []) -> RenderedMarkdown {
        MarkdownRenderer.render(source, options: MarkdownOptions(allowsRawHTML: rawHTML, headingOffset: 1), reservedIDs: reserved) { reference in
            guard case .wiki(let link) = reference.target else { return .keep }
            if case .paragraphs? = link.fragment { return .rewrite(url: "../\(link.target)/#p1", label: "¶1", cssClass: "citation", id: "cite-1") }
            return .rewrite(url: "../\(link.target)/", label: "Label", cssClass: "xref")
        }
    }

    @Test func headingKeepsItsMarkupAndGetsLevelAndID() {
        let rendered = render("Intro.\n\n  ## A *b* [[x]] `c`\n\n#### Deep\n")
        #expect(rendered.html == "<p>Intro.</p>\n<h2 id=\"a-b-label-c\">A <em>b</em> <a href=\"../x/\" class=\"xref\">Label</a> <code>c</code></h2>\n<h3 id=\"deep\">Deep</h3>\n")
        #expect(rendered.headings.map { [$0.line, $0.column, $0.level] } == [[3, 3, 2], [5, 1, 3]])
    }

    @Test func headingNeverTakesACitationAnchor() {
        let rendered = render("# Cite 1\n\nSee [[brief#p1]].\n")
        #expect(rendered.headings.map(\.id) == ["cite-1-2"])
        #expect(rendered.html.contains("id=\"cite-1\""))
    }

    @Test func headingNeverTakesAnIDWrittenInRawHTML() {
        let rendered = render("<p id=\"intro\">Kept.</p>\n\n# Intro\n", rawHTML: true)
        #expect(rendered.problems.isEmpty)
        #expect(rendered.headings.map(\.id) == ["intro-2"])
    }

    @Test func rawHTMLIDWrittenTwiceIsReportedWhereItIsWritten() {
        let rendered = render("Text <b id=\"x\">a</b>.\n\n<div\n  class=\"c\" id=\"x\">b</div>\n\n<span id=\"main\">c</span>\n", rawHTML: true, reserved: ["main"])
        #expect(rendered.problems.map(\.position) == [TextPosition(line: 4, column: 13), TextPosition(line: 6, column: 7)])
        #expect(rendered.problems.map(\.message) == [
            "the id 'x' is already used on this page: give this element another id (ids must be unique within a page)",
            "the page template uses the id 'main': give this element another id (ids must be unique within a page)",
        ])
    }
}
