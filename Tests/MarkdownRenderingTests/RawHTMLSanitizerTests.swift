import DossierCore
import MarkdownRendering
import Testing

/// `allow_raw_html: true`: raw HTML is rebuilt from an allow-list, so no payload of issue 20 survives.
@Suite struct RawHTMLSanitizerTests {
    private func render(_ source: String) -> String {
        MarkdownRenderer.render(source, options: MarkdownOptions(allowsRawHTML: true)) { _ in .keep }.html
    }

    /// Every element or attribute that can run script, load something or move the page, in blocks and inline.
    @Test(arguments: [
        "Text <title a=\"<script>alert(1)</script>\"> more.",
        "<title a=\"<script>alert(1)</script>\">\n",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "Text <iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe> more.",
        "<a href=\"javascript:alert(1)\">x</a>",
        "Text <a href=\"javascript:alert(1)\">x</a> more.",
        "Text <a href=\"&#106;avascript:alert(1)\">x</a> more.",
        "Text <a href=\"&#x6A;avascript:alert(1)\">x</a> more.",
        "Text <a href=\"&#106avascript:alert(1)\">x</a> more.",
        "Text <a href=\"jav&#x09;ascript:alert(1)\">x</a> more.",
        "Text <a href=\"jav&Tab;ascript:alert(1)\">x</a> more.",
        "Text <a href=\"javascript&colon;alert(1)\">x</a> more.",
        "Text <a href=\" \u{1}javascript:alert(1)\">x</a> more.",
        "Text <a href=\"vbscript:msgbox(1)\">x</a> more.",
        "Text <a href=\"JaVaScRiPt:alert(1)\">x</a> more.",
        "Text <a href=JaVaScRiPt:alert(1)>x</a> more.",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "Text <form action=javascript:alert(1)><input type=submit formaction=javascript:alert(1)></form> more.",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "Text <embed src=\"https://evil.example/x.swf\"> more.",
        "<base href=\"https://evil.example/\">",
        "Text <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"> more.",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<style>@import url(https://evil.example/x.css);</style>",
        "Text <span style=\"background:url(https://evil.example/x.png)\">x</span> more.",
        "<img src=x onerror=alert(1)>",
        "Text <img src=x onerror=alert(1)> more.",
        "<svg><script>alert(1)</script></svg>",
        "<div><ScRiPt>alert(1)</sCrIpT></div>",
        "<p title=\"a\"\"><b onmouseover=alert(1)>\">x</b></p>",
        "<details open ontoggle=alert(1)>x</details>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>",
        "<!--><script>alert(1)</script>-->",
        "<div title=\"unterminated\n\nx\" onmouseover=\"alert(1)\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea></textarea><script>alert(1)</script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ])
    func noScriptSurvives(source: String) {
        let html = render(source)
        // Text may still say `onerror` or `javascript:` (escaped, as words); only what is inside a tag counts.
        for tag in Self.tags(in: html) {
            let lower = tag.lowercased()
            let name = lower.drop { $0 == "/" }.prefix { $0 != " " && $0 != "/" }
            #expect(Self.allowedNames.contains(String(name)), "element <\(tag)> survived in \(html)")
            for forbidden in ["javascript:", "vbscript:", "data:"] {
                #expect(!lower.contains(forbidden), "'\(forbidden)' survived in <\(tag)> of \(html)")
            }
            // Attribute names, read with the (always double-quoted, escaped) values taken out.
            let names = lower.split(separator: "\"").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            for forbidden in ["srcdoc", "style=", " on", "formaction", "action="] {
                #expect(!names.contains(forbidden), "'\(forbidden)' survived in <\(tag)> of \(html)")
            }
        }
    }

    /// The harmless elements the payloads above wrap their attacks in.
    static let allowedNames: Set<String> = ["p", "a", "img", "div", "b", "span", "details", "table"]

    /// The text of every tag in sanitised output (text there has every `<` escaped, so this split is exact).
    static func tags(in html: String) -> [String] {
        html.split(separator: "<", omittingEmptySubsequences: true).dropFirst(html.hasPrefix("<") ? 0 : 1).compactMap { piece in
            piece.firstIndex(of: ">").map { String(piece[..<$0]) }
        }
    }

    @Test func harmlessMarkupIsKeptAsWritten() {
        let source = "<div class=\"note\"><p>A <em>b</em> <a href=\"https://example.org/x?a=1&amp;b=2\" title=\"t\">link</a></p></div>\n"
        #expect(render(source) == source)
        #expect(render("A <kbd>Ctrl</kbd>, <sup>2</sup> and <abbr title=\"North Atlantic\">NATO</abbr>.")
            == "<p>A <kbd>Ctrl</kbd>, <sup>2</sup> and <abbr title=\"North Atlantic\">NATO</abbr>.</p>\n")
    }

    @Test func unsafeAttributesGoButTheirElementStays() {
        #expect(render("<a href=\"javascript:alert(1)\" title=\"t\">x</a>\n") == "<p><a title=\"t\">x</a></p>\n")
        #expect(render("<img src=\"https://example.org/a.png\" alt=\"a\" onerror=\"alert(1)\">\n") == "<img src=\"https://example.org/a.png\" alt=\"a\">\n")
    }

    @Test func urlsAreWrittenAsTheBrowserReadsThem() {
        // Entities decoded, tabs removed, then escaped again by the sanitiser.
        #expect(render("<a href=\"ht&#x09;tps://example.org/?a=1&b=2\">x</a>\n") == "<p><a href=\"https://example.org/?a=1&amp;b=2\">x</a></p>\n")
        #expect(render("<a href=\"../topics/ports/index.html#p3\">x</a>\n") == "<p><a href=\"../topics/ports/index.html#p3\">x</a></p>\n")
        #expect(render("<a href=\"mailto:desk@example.org\">x</a>\n") == "<p><a href=\"mailto:desk@example.org\">x</a></p>\n")
    }

    @Test func textAroundTagsIsEscaped() {
        #expect(render("<div>1 < 2 > 0 &amp; &copy; & x</div>\n") == "<div>1 &lt; 2 &gt; 0 &amp; &copy; &amp; x</div>\n")
        #expect(render("<div><!-- note -->kept<?php x ?></div>\n") == "<div>kept</div>\n")
    }

    /// Linear in the input: 200,000 unclosed tags, quotes and comments render at once (quadratic would take minutes).
    @Test func hostileShapesStayLinear() {
        let shapes = [
            String(repeating: "<a title=\"", count: 200_000), String(repeating: "<!--", count: 200_000),
            "<script>" + String(repeating: "</scrip", count: 200_000), String(repeating: "&#", count: 200_000),
            "<div " + String(repeating: "a=b ", count: 200_000) + ">",
        ]
        for shape in shapes {
            let html = render(shape)
            #expect(!html.contains("<script"))
        }
    }
}
