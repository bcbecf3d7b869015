import DossierCore
import MarkdownRendering
import Testing

/// Inputs found by `make fuzz` (Tests/Fuzz) and the robustness corpus that misbehaved.
@Suite struct MarkdownRobustnessTests {
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
    /// There a plain link (without the class) stands in.
    @Test func wikiLinkInTableCellIsRendered() {
        let html = render("| a |\n|---|\n| see [[ports]] here |\n").html
        #expect(html.contains("<a href=\"../ports/index.html\">ports</a>"), "\(html)")
        #expect(html.contains("see "))
        #expect(html.contains(" here"))
    }

    /// Robustness corpus: inline markup in a wiki link's text splits cmark's text node, so the link was
    /// reported as "unclosed '[['" (it is closed) at column 1 of the line instead of at the '[['.
    @Test(arguments: ["See [[ports|the *main* ports]] now.", "See [[ports|a `code` span]] now.", "See [[ports|x <b>y</b>]] now."])
    func wikiLinkWithInlineMarkupInItsText(source: String) {
        let rendered = render(source)
        #expect(rendered.problems.isEmpty, "\(rendered.problems)")
        #expect(rendered.html.contains("<a href=\"../ports/index.html\" class=\"wiki\">"), "\(rendered.html)")
    }
}
