import DossierCore
import Foundation
import MarkdownRendering
import Testing

private func render(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
    MarkdownRenderer.render(source, options: options) { reference in
        switch reference.target {
        case .wiki(let link): return .rewrite(url: "../\(link.target)/index.html", label: "Label \(link.target)", cssClass: "wiki")
        case .url: return .keep
        }
    }
}

@Suite struct GFMTests {
    @Test func tablesRender() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
    }

    @Test func footnotesRender() {
        let html = render("Claim.[^1]\n\n[^1]: The source.\n").html
        #expect(html.contains("class=\"footnotes\""))
        #expect(html.contains("The source."))
    }

    @Test func taskListsAndStrikethroughRender() {
        let html = render("- [x] done\n- [ ] open\n\n~~gone~~\n").html
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("<del>gone</del>"))
    }

    @Test func smartPunctuation() {
        #expect(render("\"quoted\" -- it's").html.contains("“quoted” – it’s"))
    }

    @Test func autolinks() {
        #expect(render("see https://example.org now").html.contains("<a href=\"https://example.org\">"))
    }
}

@Suite struct SafetyTests {
    @Test func rawHTMLIsOmittedByDefault() {
        let html = render("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
    }

    @Test func scriptIsDroppedWhenRawHTMLIsAllowed() {
        let html = render("<script>alert(1)</script>\n\n<em>kept</em>\n", options: MarkdownOptions(allowsRawHTML: true)).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)"))
        #expect(html.contains("<em>kept</em>"))
    }

    /// The scheme check runs whatever `allow_raw_html` says (cmark's unsafe mode lets every scheme through).
    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"], [false, true])
    func dangerousLinkSchemesAreDropped(url: String, rawHTML: Bool) {
        let html = render("[click](\(url)) and ![img](\(url))", options: MarkdownOptions(allowsRawHTML: rawHTML)).html
        #expect(!html.lowercased().contains("href=\"java"))
        #expect(!html.lowercased().contains("src=\"java"))
        #expect(!html.contains("data:"))
        #expect(!html.lowercased().contains("vbscript"))
        #expect(html.contains("click"))
    }

    @Test func markupInsideWikiLinkTextNeverBecomesLive() {
        let html = render("[[topic|<img src=x onerror=alert(1)>]]").html
        #expect(!html.contains("<img"))
    }

    @Test func wikiLinkLabelsAreEscaped() {
        let html = render("[[topic|say \"hi\" & go]]").html
        #expect(html.contains(">say “hi” &amp; go</a>"))
    }
}

@Suite struct StructureTests {
    @Test func headingsGetUniqueIDs() {
        let rendered = MarkdownRenderer.render("# Intro\n\n## Intro\n\n## Main\n", reservedIDs: ["main"]) { _ in .keep }
        #expect(rendered.headings.map(\.id) == ["intro", "intro-2", "main-2"])
        #expect(rendered.headings.map(\.line) == [1, 3, 5])
        #expect(rendered.html.contains("<h1 id=\"intro\">Intro</h1>"))
        #expect(rendered.html.contains("<h2 id=\"intro-2\">Intro</h2>"))
    }

    @Test func plainTextKeepsWords() {
        let rendered = render("# Title\n\nSome *emphasis* and `code`.\n")
        #expect(rendered.plainText == "Title\nSome emphasis and code.\n")
    }
}

@Suite struct LinkTests {
    @Test func wikiLinksAreRewrittenWithPositions() {
        let source = "Intro line.\n\nFirst sentence. The [[china|China topic]] matters here. Last one.\n\n`[[not-a-link]]`\n"
        let rendered = render(source)
        #expect(rendered.html.contains("<a href=\"../china/index.html\" class=\"wiki\">China topic</a>"))
        #expect(rendered.html.contains("<code>[[not-a-link]]</code>"))
        #expect(rendered.links.count == 1)
        #expect(rendered.links[0].reference.position == TextPosition(line: 3, column: 21))
        #expect(rendered.links[0].context == "The China topic matters here.")
    }

    @Test func wikiLinkWithoutTextUsesResolverLabel() {
        #expect(render("See [[brief#p3]].").html.contains(">Label brief</a>"))
    }

    @Test func standardLinksAreRecordedAndRewritten() {
        let source = "Para.\n\nA [link](../x.md) and [ext](https://e.org).\n"
        let rendered = MarkdownRenderer.render(source) { reference in
            if case .url("../x.md") = reference.target { return .rewrite(url: "../x/index.html", label: "", cssClass: nil) }
            return .keep
        }
        #expect(rendered.html.contains("<a href=\"../x/index.html\">link</a>"))
        #expect(rendered.links.map(\.reference.position) == [TextPosition(line: 3, column: 3), TextPosition(line: 3, column: 23)])
    }

    @Test func unclosedWikiLinkIsAProblemWithPosition() {
        let rendered = render("Fine.\n\nBroken [[china here.\n")
        #expect(rendered.problems.map(\.position) == [TextPosition(line: 3, column: 8)])
        #expect(rendered.problems.first?.message.contains("unclosed") == true)
    }

    @Test func repeatedWikiLinksGetTheirOwnPositions() {
        let rendered = render("[[a]] and [[a]]\n\n- item [[a]]\n")
        #expect(rendered.links.map(\.reference.position) == [
            TextPosition(line: 1, column: 1), TextPosition(line: 1, column: 11), TextPosition(line: 3, column: 8),
        ])
    }
}

@Suite struct ConcurrencyTests {
    /// A document using everything the inline extensions and the renderer do: strikethrough and
    /// autolinks (which edit cmark's shared character table while parsing), tables, footnotes, task
    /// lists, smart punctuation, wiki links and headings.
    static func document(_ index: Int) -> String {
        """
        # Doc \(index) "quoted"

        ~~struck \(index)~~ and www.example\(index).org, <https://e.org/\(index)> with *emphasis* -- and ... dashes.
        A link to [[topic-\(index % 7)]] and [[topic-\(index % 3)|its text with ~~strike~~]] here.[^n\(index)]

        | a | b \(index) |
        |---|---|
        | ~x~ | www.\(index).example.com |

        - [x] done \(index)
        - [ ] open ~~\(index)~~

        ## Section \(index % 5)

        [^n\(index)]: A footnote with http://example.org/\(index).
        """
    }

    static func render(_ source: String) -> String {
        let rendered = MarkdownRenderer.render(source) { reference in
            guard case .wiki(let link) = reference.target else { return .keep }
            return .rewrite(url: "../\(link.target)/index.html", label: link.target, cssClass: "xref")
        }
        return rendered.html + rendered.links.map(\.context).joined(separator: "|") + rendered.plainText
    }

    /// Only parsing is serialised; everything after it runs in parallel and must give the serial bytes.
    @Test func parallelRendersMatchSerialRenders() {
        let documents = (0..<3_000).map(Self.document)
        let serial = documents.map(Self.render)
        for _ in 0..<3 {
            let results = ParallelResults(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                results.set(index, Self.render(documents[index]))
            }
            let mismatches = zip(results.values, serial).filter { $0 != $1 }.count
            #expect(mismatches == 0, "\(mismatches) of \(serial.count) documents differ from their serial render")
        }
    }
}

/// Results written from many threads, each to its own slot.
final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

@Suite struct TableLinkTests {
    /// Table cells refuse cmark's custom nodes: wiki links there become plain links instead of vanishing.
    @Test func wikiLinksInTableCellsAreKept() {
        let rendered = MarkdownRenderer.render("| a |\n|---|\n| see [[ports]] and *[[docks]]* |\n") { reference in
            guard case .wiki(let link) = reference.target else { return .keep }
            return .rewrite(url: "../\(link.target)/index.html", label: link.target, cssClass: "xref")
        }
        #expect(rendered.html.contains("<td>see <a href=\"../ports/index.html\">ports</a> and <em><a href=\"../docks/index.html\" class=\"xref\">docks</a></em></td>"))
        #expect(rendered.links.count == 2)
    }
}

@Suite struct FormattedWikiLinkTests {
    private func render(_ source: String) -> RenderedMarkdown {
        MarkdownRenderer.render(source) { reference in
            guard case .wiki(let link) = reference.target else { return .keep }
            if link.target == "missing" { return .drop }
            return .rewrite(url: "../\(link.target)/index.html", label: link.target, cssClass: "xref")
        }
    }

    @Test func formattingInsideTheTextIsKept() {
        let rendered = render("Intro.\n\nSee [[ports|the *main* ports]] and [[docks]] now.\n")
        #expect(rendered.problems.isEmpty)
        #expect(rendered.html.contains("See <a href=\"../ports/index.html\" class=\"xref\">the <em>main</em> ports</a> and <a href=\"../docks/index.html\" class=\"xref\">docks</a> now."))
        #expect(rendered.links.map(\.reference.position) == [TextPosition(line: 3, column: 5), TextPosition(line: 3, column: 36)])
        #expect(rendered.links.first?.context == "See the main ports and docks now.")
    }

    @Test func unresolvedFormattedLinkKeepsItsText() {
        let html = render("See [[missing|a `code` span]] here.").html
        #expect(html.contains("See a <code>code</code> span here."))
    }

    @Test func aLinkNeverNestsInsideAnother() {
        let html = render("See [[ports|a *b [[docks]] c*]] end.").html
        #expect(!html.contains("<a href=\"../docks/index.html\""))
        #expect(html.contains("<a href=\"../ports/index.html\" class=\"xref\">"))
    }
}
