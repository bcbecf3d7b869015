import DossierCore
import MarkdownRendering
import Testing

/// Wiki links are found once, in cmark's text nodes, and placed in the source from the node's position:
/// every report must still point at the link's own `[[`, whatever changed the text before it.
@Suite struct WikiLinkPositionTests {
    private func render(_ source: String) -> RenderedMarkdown {
        MarkdownRenderer.render(source) { reference in
            guard case .wiki(let link) = reference.target else { return .keep }
            return .rewrite(url: "../\(link.target)/", label: link.target, cssClass: "xref")
        }
    }

    /// Where each `[[` of `source` is (line, character column), in order: what the reports must say.
    private func openings(in source: String) -> [TextPosition] {
        var positions: [TextPosition] = []
        // Split on scalars: "\r\n" is one Character.
        for (lineIndex, line) in source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var index = 0
            while index + 1 < characters.count {
                if characters[index] == "[", characters[index + 1] == "[" {
                    positions.append(TextPosition(line: lineIndex + 1, column: index + 1))
                    index += 2
                } else {
                    index += 1
                }
            }
        }
        return positions
    }

    /// Every `[[` in these sources is a wiki link; text before it on its line is longer or shorter in
    /// cmark's literal than in the source (smart punctuation, entities, escapes, multi-byte letters), or
    /// cmark's column for the line is its own guess (continuation lines, quotes, lists, tables).
    @Test(arguments: [
        "Plain [[a]] text and [[b|the b]] here.",
        "\"Quoted\" -- it's [[a]] and... [[b]] --- \"again\" [[c]]",
        "Fish &amp; chips &copy; &#65; [[a]] then &quot;x&quot; [[b]]",
        "Ōkinawa’s café — naïve [[a]] 日本語 [[b|テキスト]] end",
        "Escaped \\* and \\_ then [[a]] and \\\\ [[b]]",
        "\"[[a]]\" and \"[[a]]\" twice, 'single' [[a]]",
        "- item one\n  continues \"here\" [[a]]\n- item two [[b]]\n  and [[c]]",
        "- item one\nlazy \"line\" [[a]]",
        "> quoted \"text\"\n> more [[a]]\n\n> lazy\ncontinued [[b]]",
        "Para line\n   indented \"continuation\" [[a]]",
        "| head | h2 |\n|---|---|\n| \"x\" [[a]] | [[b]] |\n| ü [[c]] | *e* [[d]] |",
        "## About \"this\" [[a]]\n\nSetext [[b]] \"here\"\n---",
        "Text.[^1] And [[a]].\n\n[^1]: A note \"quoted\" [[b]].",
        "[^n]: Defined first [[a]]\n\nThen used.[^n] [[b]]",
        "See [[x|a &amp; b]] and [[y|it's \"so\"]] then [[z]].",
        "See [[ports|the *main* ports]] and \"q\" [[docks|a `c` d]] now.",
        "Tabs\there \"x\"\t[[a]]\r\nCRLF line [[b]]\r\n",
        "1. first\n2. second \"two\" [[a]]\n\n   para in item [[b]]",
    ])
    func reportsPointAtTheLinksOpening(source: String) {
        let rendered = render(source)
        #expect(rendered.links.map(\.reference.position) == openings(in: source), "\(source)")
    }

    /// Markdown links and images are found in the source on bytes: columns still count characters.
    @Test func standardLinksImagesAndAutolinksAfterMultiByteLetters() {
        let rendered = render("Intro.\n\nÜnïcode [a](x) and ![i](y) <https://e.org> \"q\" [b](x)\n")
        #expect(rendered.links.map(\.reference.position) == [
            TextPosition(line: 3, column: 9), TextPosition(line: 3, column: 20), TextPosition(line: 3, column: 28),
            TextPosition(line: 3, column: 48),
        ])
    }

    /// An unclosed `[[` after smart punctuation is reported at itself, not at the start of its block.
    @Test func unclosedLinkAfterSmartPunctuation() {
        let rendered = render("Intro.\n\n\"Quoted\" -- text [[open here\n")
        #expect(rendered.problems.map(\.position) == [TextPosition(line: 3, column: 18)])
    }

    /// A malformed link inside a list item on a continuation line keeps its own line and column.
    @Test func malformedLinkOnAContinuationLine() {
        let rendered = render("- first\n  second [[a b]] end\n")
        #expect(rendered.problems.map(\.position) == [TextPosition(line: 2, column: 10)])
        #expect(rendered.problems.first?.message.contains("not a page slug") == true)
    }

    /// `[[` spelled with entities is still a wiki link to cmark's text; it is reported at its block.
    @Test func linkSpelledWithEntitiesFallsBackToItsBlock() {
        let rendered = render("Intro.\n\n  Some &#91;&#91;a]] text\n")
        #expect(rendered.links.map(\.reference.position) == [TextPosition(line: 3, column: 3)])
    }

    /// A backslash before `[[` keeps the brackets as text, with no link and no error, as it does for `\[`
    /// in a Markdown link; an escaped backslash before them (`\\[[a]]`) leaves the link a link.
    @Test func aBackslashBeforeTheBracketsKeepsThemAsText() {
        let escaped = render("See \\[[a]] and [[b]], \\[[unclosed too.\n")
        #expect(escaped.links.map(\.reference.position) == [TextPosition(line: 1, column: 16)])
        #expect(escaped.problems.isEmpty)
        #expect(escaped.html.contains("See [[a]] and <a href=\"../b/\""))
        #expect(escaped.html.contains("[[unclosed too."))
        let backslash = render("See \\\\[[a]].\n")
        #expect(backslash.links.map(\.reference.position) == [TextPosition(line: 1, column: 7)])
        #expect(backslash.html.contains("See \\<a href=\"../a/\""))
    }
}
