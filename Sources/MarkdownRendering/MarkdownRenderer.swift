import CMarkGFM
import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only Swift wrapper of cmark-gfm: Markdown text in, HTML with headings and recorded links out.
public enum MarkdownRenderer {
    /// Renders `source`; `resolve` decides what each link points to (called in source order).
    /// Safe to call from any thread: parses are serialised, since concurrent cmark-gfm parses corrupt output.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        reservedIDs: Set<String> = [],
        resolve: (LinkReference) -> LinkResolution
    ) -> RenderedMarkdown {
        var session = RenderSession(source: source, options: options, reservedIDs: reservedIDs)
        return session.run(resolve: resolve)
    }
}

/// The state of one render: the cmark tree plus what has been found in it so far.
struct RenderSession {
    let source: String
    let sourceBytes: [UInt8]
    let options: MarkdownOptions
    let lines: LineIndex
    let reservedIDs: Set<String>
    var slugger: UniqueSlugger
    /// Places wiki links found in cmark's text nodes in the source.
    var locator: SourceLocator
    var headings: [Heading] = []
    /// Ids that resolved links carry (citation anchors): headings must not take them.
    var linkIDs: [String] = []
    /// Links in source order with their sentences, taken while their nodes are alive (a dropped link is freed).
    var links: [RecordedLink] = []
    var pendingWikiLinks: [(node: CMarkNode, reference: LinkReference)] = []
    /// Plain link nodes made for wiki links (in table cells): already resolved, not standard links.
    var wikiLinkNodes: Set<OpaquePointer> = []
    var problems: [MarkdownProblem] = []
    /// The line `locateURL` last searched, and the byte offset where its last link was found.
    var urlSearch: (line: Int, resume: Int?)?

    init(source: String, options: MarkdownOptions, reservedIDs: Set<String>) {
        self.source = source
        sourceBytes = Array(source.utf8)
        self.options = options
        lines = LineIndex(source)
        self.reservedIDs = reservedIDs
        slugger = UniqueSlugger(reserved: reservedIDs)
        locator = SourceLocator(bytes: sourceBytes, lines: lines)
    }

    var cmarkOptions: Int32 { CMarkRuntime.flags(for: options) }

    mutating func run(resolve: (LinkReference) -> LinkResolution) -> RenderedMarkdown {
        let shapeProblems = MarkdownShape.problems(in: source)
        guard shapeProblems.isEmpty else {
            return RenderedMarkdown(html: "", headings: [], links: [], plainText: "", problems: shapeProblems)
        }
        guard let parser = CMarkRuntime.makeParser(flags: cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: [], links: [], plainText: "", problems: [
                MarkdownProblem(position: TextPosition(line: 1, column: 1), message: "cmark-gfm could not create a parser"),
            ])
        }
        defer { cmark_parser_free(parser) }
        guard let root = CMarkNode(CMarkRuntime.parse(source, with: parser)) else {
            return RenderedMarkdown(html: "", headings: [], links: [], plainText: "", problems: [])
        }
        defer { root.free() }
        cmark_consolidate_text_nodes(root.raw)
        if options.allowsRawHTML { Self.sanitizeRawHTML(in: root) }

        expandWikiLinks(in: root, resolve: resolve)
        // Sentences are read once every wiki link of a block is expanded, before any standard link is dropped.
        var wikiContext = SentenceContext()
        links = pendingWikiLinks.map { RecordedLink(reference: $0.reference, context: wikiContext.sentence(around: $0.node)) }
        pendingWikiLinks = []
        resolveStandardLinks(in: root, resolve: resolve)
        links.sort { $0.reference.position < $1.reference.position }
        let recorded = links
        let plainText = PlainText.of(root)
        takeWrittenIDs(in: root)
        anchorHeadings(in: root)

        var html = ""
        if let rendered = cmark_render_html(root.raw, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) {
            html = String(cString: rendered)
            free(rendered)
        }
        return RenderedMarkdown(html: html, headings: headings, links: recorded, plainText: plainText, problems: problems)
    }

    /// Raw HTML is written only as the sanitiser rebuilds it (see `HTMLSanitizer`).
    private static func sanitizeRawHTML(in root: CMarkNode) {
        for node in root.descendants(where: { $0.type == CMARK_NODE_HTML_BLOCK || $0.type == CMARK_NODE_HTML_INLINE }) {
            node.literal = HTMLSanitizer.sanitize(node.literal)
        }
    }

    // MARK: Standard links

    /// Checks every Markdown link and image: unsafe schemes are dropped, the rest go through `resolve`.
    private mutating func resolveStandardLinks(in root: CMarkNode, resolve: (LinkReference) -> LinkResolution) {
        let nodes = root.descendants {
            ($0.type == CMARK_NODE_LINK || $0.type == CMARK_NODE_IMAGE) && !wikiLinkNodes.contains($0.raw)
        }
        var context = SentenceContext()
        var images: [(node: CMarkNode, url: String, size: ImageSize?)] = []
        for node in nodes {
            let url = node.url
            let isImage = node.type == CMARK_NODE_IMAGE
            guard URLSafety.isSafe(url) else {
                node.unwrap()
                continue
            }
            let alt = isImage ? PlainText.of(node).trimmingCharacters(in: " \n") : nil
            let reference = LinkReference(target: .url(url), position: locateURL(url, in: node), isImage: isImage, alt: alt)
            let resolution = resolve(reference)
            // Only links into the site become backlinks, so only they need their sentence.
            var sentence = ""
            if case .rewrite = resolution { sentence = context.sentence(around: node) }
            if case .image = resolution { sentence = context.sentence(around: node) }
            links.append(RecordedLink(reference: reference, context: sentence))
            switch resolution {
            case .keep:
                if isImage { images.append((node, url, nil)) }
            case .rewrite(let newURL, _, _, _):
                _ = cmark_node_set_url(node.raw, newURL)
                if isImage { images.append((node, newURL, nil)) }
            case .image(let newURL, let size):
                images.append((node, newURL, size))
            case .drop:
                node.unwrap()
            }
        }
        // Innermost first: an image written inside another's alt text goes before the one holding it.
        for image in images.reversed() { writeImage(image.node, url: image.url, size: image.size) }
    }

    /// The position of a link: where `](url` or `<url` appears, searching from the link's block.
    /// Links come in source order, so each line is searched on from where its last link was found:
    /// 50,000 links on one line would otherwise rescan it from its start for each. Not found (a
    /// reference link, a URL written with entities): cmark's own position of the link.
    private mutating func locateURL(_ url: String, in node: CMarkNode) -> TextPosition {
        let block = node.enclosingBlock
        let first = max(block.startLine, 1)
        let last = max(block.endLine, first)
        var url = url
        let found: Int? = url.withUTF8 { needle in
            for number in first...last {
                if urlSearch?.line != number { urlSearch = (number, nil) }
                let line = lines.utf8Range(ofLine: number)
                // A link is looked for in the 4 KB after the previous one: enough for prose between links,
                // and a URL written differently in the source (entities, a reference) cannot cost a whole line.
                let from = urlSearch?.resume ?? line.lowerBound
                let to = min(line.upperBound, from + 4096 + needle.count)
                guard let range = Self.findURL(needle, in: sourceBytes, from..<to) else { continue }
                urlSearch?.resume = range.upperBound
                // Report the link's opening bracket when it is on the same line (looking back a short way only).
                var start = range.lowerBound
                if sourceBytes[start] == UInt8(ascii: "]") {
                    let window = max(line.lowerBound, start - 1000)
                    if let bracket = sourceBytes[window..<start].lastIndex(of: UInt8(ascii: "[")) { start = bracket }
                }
                // An image starts at its `!`.
                if node.type == CMARK_NODE_IMAGE, start > line.lowerBound, sourceBytes[start - 1] == UInt8(ascii: "!") { start -= 1 }
                return start
            }
            return nil
        }
        guard let found else { return TextPosition(line: max(node.startLine, first), column: max(node.startColumn, 1)) }
        return lines.position(ofUTF8Offset: found)
    }

    /// The first `](url` in `range` of `bytes`, else the first `<url`, else the first `url`: the range
    /// of what was found, prefix included. One walk over the range.
    private static func findURL(_ url: UnsafeBufferPointer<UInt8>, in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var angle: Int?
        var bare: Int?
        var offset = range.lowerBound
        while offset + url.count <= range.upperBound {
            if url.isEmpty || bytes[offset] == url[0], Self.matches(url, in: bytes, at: offset) {
                if offset - 2 >= range.lowerBound, bytes[offset - 2] == UInt8(ascii: "]"), bytes[offset - 1] == UInt8(ascii: "(") {
                    return (offset - 2)..<(offset + url.count)
                }
                if angle == nil, offset - 1 >= range.lowerBound, bytes[offset - 1] == UInt8(ascii: "<") { angle = offset - 1 }
                if bare == nil, !url.isEmpty { bare = offset }
            }
            offset += 1
        }
        if let angle { return angle..<(angle + 1 + url.count) }
        return bare.map { $0..<($0 + url.count) }
    }

    private static func matches(_ needle: UnsafeBufferPointer<UInt8>, in bytes: [UInt8], at offset: Int) -> Bool {
        var index = 0
        while index < needle.count {
            guard bytes[offset + index] == needle[index] else { return false }
            index += 1
        }
        return true
    }

    // MARK: Headings

    /// Gives each heading a unique id, in the tree: the heading becomes a custom block around a custom
    /// inline that writes `<hN id="…">` and `</hN>` around the heading's own children (a custom block
    /// would put its tags on lines of their own), so the HTML is cmark's with the id added.
    private mutating func anchorHeadings(in root: CMarkNode) {
        let nodes = root.descendants { $0.type == CMARK_NODE_HEADING }
        // The body's highest heading becomes level 1 + offset, and none goes more than one level deeper
        // than the one before, so a page's outline never skips (`##` under the page's h1 is an h2).
        let top = nodes.map { Int(cmark_node_get_heading_level($0.raw)) }.min() ?? 1
        var previousShown = options.headingOffset
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node.raw))
            let shown = min(level - top + 1 + options.headingOffset, previousShown + 1, 6)
            previousShown = shown
            let text = PlainText.of(node).trimmingCharacters(in: " \n")
            let id = slugger.slug(for: text)
            let column = lines.position(ofUTF8Offset: lines.utf8Offset(ofLine: node.startLine) + max(node.startColumn, 1) - 1).column
            headings.append(Heading(level: shown, text: text, id: id, line: node.startLine, column: column))
            guard let block = CMarkNode.makeCustom(CMARK_NODE_CUSTOM_BLOCK, enter: "", exit: "") else { continue }
            guard let tag = CMarkNode.makeCustom(CMARK_NODE_CUSTOM_INLINE, enter: "<h\(shown) id=\"\(id.htmlEscaped)\">", exit: "</h\(shown)>") else {
                block.free()
                continue
            }
            block.append(child: tag)
            // Free the heading only once it is out of the tree; should cmark refuse the swap, keep it.
            guard cmark_node_replace(node.raw, block.raw) != 0 else {
                block.free()
                continue
            }
            for child in node.children {
                child.unlink()
                tag.append(child: child)
            }
            node.free()
        }
    }
}
