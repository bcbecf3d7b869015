import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SiteBuild
import Testing

/// Builds `Tests/Fixtures/xss/<case>` with the real `templates/` folder and checks that no payload written
/// in content (titles, summaries, aliases, sidecars, brief text, commentary) reaches the output as live markup.
@Suite struct XSSTests {
    /// The site's own scripts; any other `<script>` is injected.
    static let ownScripts = ["search-index.js", "assets/search.js", "assets/site.js", "assets/cite.js"]
    /// Elements that embed or run something and never appear in dossier's output.
    static let forbiddenElements: Set<String> = [
        "iframe", "object", "embed", "frame", "frameset", "applet", "svg", "math", "base", "style",
        "xmp", "noembed", "noframes", "plaintext", "textarea",
    ]
    /// Attributes that hold a URL a browser may follow or load.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "background", "cite"]
    /// Words from the payloads' `alert(...)` calls that must reach the page as text (escaped), proving the field is rendered.
    static let visibleMarkers = [
        "site-title", "topic-title", "topic-summary", "topic2-title", "wiki-text", "brief-title", "brief-subtitle",
        "brief-author", "brief-text", "commentary-title", "commentary-heading", "wiki-text2", "wiki-img", "page-title",
    ]

    @Test func payloadsNeverBecomeMarkup() throws {
        let files = try build("payloads")
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count >= 8)
        for page in pages {
            // The 404 page inlines its own style (from the template) so that it is styled at any depth.
            for problem in Self.liveMarkupProblems(in: page.bytes) where !(page.path == "404.html" && problem.hasPrefix("<style>")) {
                Issue.record("\(page.path): \(problem)")
            }
        }
        let allHTML = pages.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
        for marker in Self.visibleMarkers {
            #expect(allHTML.contains(marker), "payload '\(marker)' is not in any page: the field is not rendered, so the test proves nothing")
        }
        // Escaped, not dropped: the text of a title payload is shown to the reader as written.
        #expect(allHTML.contains("&lt;script&gt;alert("))
        #expect(allHTML.contains("&lt;img src=x onerror=alert("))
    }

    /// With a base URL the payloads also reach `feed.xml`, every topic feed and the sitemap: each must
    /// parse as XML, and a payload's markup must be text inside it, never an element.
    @Test func feedsAndSitemapFromPayloadsAreWellFormedXML() throws {
        let files = try build("payloads", baseURL: "https://example.org/x/")
        let xmlFiles = files.filter { $0.path.hasSuffix(".xml") }
        #expect(xmlFiles.contains { $0.path == "feed.xml" })
        #expect(xmlFiles.contains { $0.path.hasPrefix("topics/") && $0.path.hasSuffix("/feed.xml") })
        #expect(xmlFiles.contains { $0.path == "sitemap.xml" })
        for file in xmlFiles {
            let delegate = ElementNames()
            let parser = XMLParser(data: Data(file.bytes))
            parser.delegate = delegate
            #expect(parser.parse(), "\(file.path) is not well-formed XML: \(String(describing: parser.parserError))")
            let injected = delegate.names.subtracting(Self.feedElements)
            #expect(injected.isEmpty, "\(file.path) holds elements no feed writes: \(injected.sorted())")
        }
        let feed = String(decoding: try #require(files.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        #expect(feed.contains("commentary-title"), "the payload title must be in the feed, or this test proves nothing")
    }

    static let feedElements: Set<String> = [
        "feed", "title", "subtitle", "link", "id", "updated", "author", "name", "entry", "summary", "published", "content",
        "category", "urlset", "url", "loc", "lastmod", "rights", "generator",
    ]

    private final class ElementNames: NSObject, XMLParserDelegate {
        var names: Set<String> = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            names.insert(name)
        }
    }

    @Test func searchIndexIsDataOnly() throws {
        let files = try build("payloads")
        let index = try #require(files.first { $0.path == "search-index.js" })
        let text = String(decoding: index.bytes, as: UTF8.self)
        let prefix = "window.dossierSearchIndex = "
        #expect(text.hasPrefix(prefix))
        #expect(text.hasSuffix(";\n"))
        #expect(!text.contains("</") && !text.contains("<!--"), "the index must not be able to close a <script> if it were ever inlined")
        let json = text.dropFirst(prefix.count).dropLast(2)
        // A payload quote or line separator that broke out of a JSON string would make this fail.
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        #expect(value is [Any] || value is [String: Any])
    }

    /// `allow_raw_html: true`: every payload of issue 20 in raw HTML, blocks and inline, comes out inert.
    @Test func rawHTMLIsSanitised() throws {
        let files = try build("raw-html")
        let page = try #require(files.first { $0.path.hasPrefix("commentary/raw") && $0.path.hasSuffix(".html") })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<span class=\"kept-raw-html\">kept</span>"), "allow_raw_html should keep harmless raw HTML")
        #expect(html.contains("<a href=\"https://example.org/safe\">safe</a>"))
        #expect(html.contains("<img src=\"https://example.org/a.png\" alt=\"kept-image\">"))
        #expect(html.contains("<span>styled</span>"))
        for problem in Self.liveMarkupProblems(in: page.bytes) {
            Issue.record("\(page.path): \(problem)")
        }
        let body = Self.mainContent(of: page.bytes)
        let dropped: Set<String> = [
            "script", "iframe", "style", "title", "textarea", "xmp", "noembed", "noframes", "plaintext", "form", "input",
            "object", "embed", "base", "meta", "link",
        ]
        for tag in HTMLScanner.tags(in: body) {
            if dropped.contains(tag.name) { Issue.record("raw <\(tag.name)> survived the sanitiser at byte \(tag.offset)") }
            for name in tag.attributes.keys where ["style", "srcdoc", "action", "formaction"].contains(name) {
                Issue.record("attribute \(name) survived on <\(tag.name)> at byte \(tag.offset)")
            }
        }
        // Link text stays; only the unsafe target goes.
        for word in ["js", "entity", "tab", "vb", "case", "colon", "inline-script"] {
            #expect(html.contains(">\(word)<") || html.contains(word), "'\(word)' should stay visible as text")
        }
    }

    /// The checker itself: each kind of live markup it must catch, and the site's own markup it must allow.
    @Test(arguments: [
        "<script>alert(1)</script>", "<script src=\"evil.js\"></script>", "<img src=x onerror=alert(1)>", "<a href=\"JaVaScRiPt:x\">",
        "<a href=\"&#106;avascript:x\">", "<a href=\"&#x6A;avascript:x\">", "<a href=\"java&#9;script:x\">", "<img src=\" data:text/html,x\">",
        "<a href=vbscript:x>", "<iframe src=x>", "<object data=x>", "<embed src=x>", "<svg onload=x>", "<p title=\"a\"\"><b>\">",
    ])
    func checkerCatchesLiveMarkup(html: String) {
        #expect(!Self.liveMarkupProblems(in: Array(html.utf8)).isEmpty)
    }

    @Test func checkerAllowsTheSiteOwnMarkup() {
        let html = "<script src=\"../search-index.js\"></script><script src=\"../assets/search.js\"></script><a href=\"../topics/x/index.html#p1\" class=\"wiki\">x</a><img src=\"https://example.org/a.png\" alt=\"&lt;script&gt;\">"
        #expect(Self.liveMarkupProblems(in: Array(html.utf8)).isEmpty)
    }

    /// `[[x|"><script>…]]`: the link is kept, its raw tag is omitted, and nothing in its text is live.
    @Test func wikiLinkTextWithHTMLIsSafe() throws {
        let files = try build("wiki-link-html")
        let note = try #require(files.first { $0.path == "commentary/note/index.html" })
        #expect(Self.liveMarkupProblems(in: note.bytes).isEmpty)
        let html = String(decoding: note.bytes, as: UTF8.self)
        #expect(html.contains("<a href=\"../../topics/ports/index.html\" class=\"xref\">”&gt;<!-- raw HTML omitted -->"))
    }

    /// Builds a fixture case with the project's real templates; fails on build errors.
    private func build(_ name: String, baseURL: String? = nil) throws -> [OutputFile] {
        var builder = builder(name)
        builder.options.baseURL = baseURL
        let result = builder.build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        return result.files
    }

    /// A builder for `Tests/Fixtures/xss/<name>` using the real templates (absolute path).
    private func builder(_ name: String) -> SiteBuilder {
        let caseDirectory = Fixtures.root.appendingPathComponent("xss/\(name)").path
        let templates = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates").path
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: templates, outputDirectory: "site")
        return SiteBuilder(options: options, fileSystem: .disk(root: caseDirectory))
    }

    /// Everything in one HTML page that a browser would run or follow: injected scripts, handlers, unsafe URLs.
    static func liveMarkupProblems(in html: [UInt8]) -> [String] {
        var problems: [String] = []
        for tag in HTMLScanner.tags(in: html) {
            if tag.name == "script" {
                let source = tag.attributes["src"] ?? ""
                if !ownScripts.contains(where: { source.hasSuffix($0) }) || tag.attributes.count != 1 {
                    problems.append("injected <script> at byte \(tag.offset): \(tag.attributes)")
                }
            }
            // The site's own markup has no SVG or other embedded content (the coverage matrix is a table).
            if forbiddenElements.contains(tag.name) {
                problems.append("<\(tag.name)> at byte \(tag.offset)")
            }
            if tag.name == "meta", tag.attributes["http-equiv"] != nil {
                problems.append("<meta http-equiv> at byte \(tag.offset)")
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") {
                    problems.append("event handler \(name)=\"\(value)\" on <\(tag.name)> at byte \(tag.offset)")
                }
                if urlAttributes.contains(name), let scheme = dangerousScheme(value) {
                    problems.append("\(scheme) URL in \(name) of <\(tag.name)> at byte \(tag.offset): \(value)")
                }
                if !isAttributeName(name) {
                    problems.append("malformed attribute '\(name)' on <\(tag.name)> at byte \(tag.offset): an attribute value broke out of its quotes")
                }
            }
        }
        return problems
    }

    /// The scheme of `url` when it runs code or embeds content, decoded the way a browser reads an attribute.
    static func dangerousScheme(_ url: String) -> String? {
        let decoded = decodeNumericEntities(HTMLScanner.decodeEntities(url))
            .replacingOccurrences(of: "&colon;", with: ":", options: .caseInsensitive)
            .replacingOccurrences(of: "&tab;", with: "", options: .caseInsensitive)
            .replacingOccurrences(of: "&newline;", with: "", options: .caseInsensitive)
        let cleaned = String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        return ["javascript:", "data:", "vbscript:"].first { cleaned.hasPrefix($0) }
    }

    /// Replaces `&#106;` and `&#x6A;` (with or without the `;`) by the character they name.
    static func decodeNumericEntities(_ text: String) -> String {
        guard text.contains("&#") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "&#") {
            result += rest[..<range.lowerBound]
            var cursor = range.upperBound
            let isHex = cursor < rest.endIndex && (rest[cursor] == "x" || rest[cursor] == "X")
            if isHex { cursor = rest.index(after: cursor) }
            var digits = ""
            while cursor < rest.endIndex, rest[cursor].isHexDigit, isHex || rest[cursor].isNumber {
                digits.append(rest[cursor])
                cursor = rest.index(after: cursor)
            }
            if let value = UInt32(digits, radix: isHex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                if cursor < rest.endIndex, rest[cursor] == ";" { cursor = rest.index(after: cursor) }
            } else {
                result += "&#"
                cursor = range.upperBound
            }
            rest = rest[cursor...]
        }
        return result + rest
    }

    /// Whether `name` looks like an attribute a template or cmark-gfm writes (no quotes or brackets).
    static func isAttributeName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_:".unicodeScalars.contains($0) }
    }

    /// The bytes inside `<main …>…</main>`, or the whole page when there is no main element.
    static func mainContent(of html: [UInt8]) -> [UInt8] {
        let text = String(decoding: html, as: UTF8.self)
        guard let start = text.range(of: "<main"), let end = text.range(of: "</main>", options: .backwards) else { return html }
        return Array(text[start.lowerBound..<end.upperBound].utf8)
    }
}
