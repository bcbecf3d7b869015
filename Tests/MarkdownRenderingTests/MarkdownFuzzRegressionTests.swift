import DossierCore
import MarkdownRendering
import Testing

/// Inputs found by `make fuzz` (Tests/Fuzz) that once misbehaved.
@Suite struct MarkdownFuzzRegressionTests {
    private func render(_ source: String) -> RenderedMarkdown {
        MarkdownRenderer.render(source) { reference in
            switch reference.target {
            case .wiki(let link): return .rewrite(url: "../\(link.target)/index.html", label: link.target, cssClass: "wiki")
            case .url: return .keep
            }
        }
    }

    /// FuzzMarkdown (LeakSanitizer): a wiki link in a table cell was built as a custom inline node that
    /// cmark-gfm refuses inside a table cell, so the node leaked and the link vanished from the page.
    @Test func wikiLinkInTableCellIsRendered() {
        let html = render("| a |\n|---|\n| see [[ports]] here |\n").html
        #expect(html.contains("<a href=\"../ports/index.html\" class=\"wiki\">ports</a>"), "\(html)")
        #expect(html.contains("see "))
        #expect(html.contains(" here"))
    }
}
