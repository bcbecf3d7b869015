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

/// Issue 20: input shapes that used to crash, take minutes or flood the report, each bounded. Sizes are
/// chosen so that a quadratic or recursive implementation would take minutes or overflow the stack.
@Suite struct BoundedWorkTests {
    private func render(_ source: String) -> RenderedMarkdown {
        MarkdownRenderer.render(source) { reference in
            switch reference.target {
            case .wiki(let link): return .rewrite(url: "../\(link.target)/index.html", label: link.target, cssClass: "wiki")
            case .url: return .keep
            }
        }
    }

    /// 100,000 nested block quotes and 50,000 nested list items overflowed the stack in PlainText.
    @Test func deepNestingRendersWithoutRecursion() {
        let quotes = render(String(repeating: ">", count: 100_000) + " deep text\n")
        #expect(quotes.plainText.contains("deep text"))
        let lists = render(String(repeating: "- ", count: 50_000) + "deep item\n")
        #expect(lists.plainText.contains("deep item"))
    }

    /// 50,000 `[` gave 25,001 errors, each rescanning the line: now one error for the line.
    @Test func unclosedWikiLinksGiveOneErrorPerLine() {
        let rendered = render(String(repeating: "[", count: 50_000) + "\nnext line [[ports\n")
        #expect(rendered.problems.map(\.position.line) == [1, 2], "\(rendered.problems.prefix(3))")
        #expect(rendered.problems.first?.message == "unclosed '[[': a wiki link must end with ']]' on the same line")
    }

    /// 50,000 identical headings probed ids from `same-2` each time (quadratic).
    @Test func identicalHeadingsGetIdsInLinearTime() {
        let rendered = render(String(repeating: "# Same\n\n", count: 50_000))
        #expect(rendered.headings.count == 50_000)
        #expect(rendered.headings.last?.id == "same-50000")
        #expect(Set(rendered.headings.map(\.id)).count == 50_000)
    }

    /// 100,000 wiki links on one line: each position used to be counted from the line's start.
    @Test func manyWikiLinksOnOneLine() {
        let rendered = render(String(repeating: "[[ports]] ", count: 100_000))
        #expect(rendered.links.count == 100_000)
        #expect(rendered.links.last?.reference.position == TextPosition(line: 1, column: 999_991))
        // The backlink context is shortened, not copied whole for each link.
        #expect(rendered.links.allSatisfy { $0.context.count <= 500 })
    }

    /// 50,000 Markdown links on one line: each was searched for from the line's start.
    @Test func manyStandardLinksOnOneLine() {
        let source = (0..<50_000).map { "[a](u\($0))" }.joined(separator: " ")
        let rendered = render(source)
        #expect(rendered.links.count == 50_000)
        let expectedColumn = (0..<49_999).reduce(1) { $0 + "[a](u\($1)) ".count }
        #expect(rendered.links.last?.reference.position == TextPosition(line: 1, column: expectedColumn))
    }

    /// `"'` 100,000 times (smart punctuation) and rows of 100,000 `|` are quadratic inside cmark-gfm,
    /// while holding the parse lock: refused before parsing, one located error each.
    @Test func quadraticShapesAreRefusedWithALocatedError() {
        let quotes = render("Intro.\n\n" + String(repeating: "\"'", count: 100_000) + "\n")
        #expect(quotes.problems.count == 1)
        #expect(quotes.problems.first?.position == TextPosition(line: 3, column: 1))
        #expect(quotes.problems.first?.message.hasPrefix("this paragraph holds more than 10000 quotation marks") == true)
        let pipes = render("| a |\n|---|\n" + String(repeating: "|", count: 100_000) + "\n" + String(repeating: "|", count: 100_000) + "\n")
        #expect(pipes.problems.count == 1)
        #expect(pipes.problems.first?.position == TextPosition(line: 3, column: 1))
        #expect(pipes.problems.first?.message.hasPrefix("this line holds more than 1000 '|'") == true)
        // Ordinary quoting and tables stay far below the limits.
        #expect(render(String(repeating: "\"Quoted,\" she said. ", count: 2_000)).problems.isEmpty)
    }
}
