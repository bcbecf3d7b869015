import CMarkGFM
import DossierCore

extension RenderSession {
    // MARK: Wiki links

    /// Replaces `[[…]]` in text nodes (never in code or inside other links) with links. This is the one
    /// scan for wiki links: each is placed in the source from its text node's position (see `SourceLocator`).
    mutating func expandWikiLinks(in root: CMarkNode, resolve: (LinkReference) -> LinkResolution) {
        var consumed: Set<OpaquePointer> = []
        // Checked as we go: an earlier link may have moved a node inside itself.
        for node in root.textNodesWithDoubleBracket where !consumed.contains(node.raw) && !node.isInsideLink {
            let block = node.enclosingBlock
            let place = (line: node.startLine, column: node.startColumn, block: block)
            // The literal is read in cmark's memory: it stays put until the node is freed below.
            let expanded = node.withLiteralBytes { bytes -> Bool in
                let matches = WikiLink.scan(utf8: bytes)
                guard !matches.isEmpty else { return false }
                var cursor = 0
                for (index, match) in matches.enumerated() {
                    if match.utf8Range.lowerBound > cursor {
                        insertText(Self.string(bytes, cursor..<match.utf8Range.lowerBound), before: node)
                    }
                    cursor = match.utf8Range.upperBound
                    // Located once: a spanning link's raw prefix starts with the same verbatim bytes.
                    let written = bytes[match.utf8Range]
                    let position = locateWikiLink(written, at: match.utf8Range.lowerBound, place: place)
                    if locator.lastFindIsEscaped {
                        // `\[[x]]` in the source: the brackets are text (cmark has already dropped the backslash).
                        insertText(Self.string(bytes, match.utf8Range), before: node)
                        continue
                    }
                    // Formatting inside the link text splits cmark's text: `[[t|a *b* c]]` spans sibling nodes.
                    if index == matches.count - 1, case .failure = match.result,
                       let spanning = SpanningWikiLink(opening: node, fromByte: match.utf8Range.lowerBound)
                    {
                        consumed.formUnion(spanning.middle.map(\.raw))
                        expand(spanning, at: position, before: node, resolve: resolve)
                        cursor = bytes.count
                        break
                    }
                    switch match.result {
                    case .failure(let error):
                        problems.append(MarkdownProblem(position: position, message: error.message))
                        insertText(Self.string(bytes, match.utf8Range), before: node)
                    case .success(let link):
                        insertWikiLink(link, at: position, before: node, markup: nil, resolve: resolve)
                    }
                }
                if cursor < bytes.count {
                    insertText(Self.string(bytes, cursor..<bytes.count), before: node)
                }
                return true
            }
            // Freed only once its bytes are no longer read.
            if expanded {
                node.unlink()
                node.free()
            }
        }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Where a wiki link written as `written` at byte `offset` of a text node's literal is in the source;
    /// the start of its block when the source does not hold it (a `[[` spelled with entities).
    private mutating func locateWikiLink<Bytes: RandomAccessCollection<UInt8>>(
        _ written: Bytes, at offset: Int, place: (line: Int, column: Int, block: CMarkNode)
    ) -> TextPosition {
        let first = max(place.block.startLine, 1)
        let last = max(place.block.endLine, first)
        return locator.locate(written, literalOffset: offset, line: place.line, column: place.column, blockLines: first...last)
            ?? TextPosition(line: first, column: max(place.block.startColumn, 1))
    }

    /// Links a wiki link whose text holds formatting; its closing text node keeps what follows `]]`.
    private mutating func expand(
        _ spanning: SpanningWikiLink, at position: TextPosition, before node: CMarkNode, resolve: (LinkReference) -> LinkResolution
    ) {
        var markup: [CMarkNode] = []
        if !spanning.textHead.isEmpty, let head = CMarkNode.makeText(spanning.textHead) { markup.append(head) }
        for middle in spanning.middle {
            middle.unlink()
            markup.append(middle)
        }
        if !spanning.textTail.isEmpty, let tail = CMarkNode.makeText(spanning.textTail) { markup.append(tail) }
        switch spanning.link {
        case .success(let link):
            insertWikiLink(link, at: position, before: node, markup: markup, resolve: resolve)
        case .failure(let error):
            problems.append(MarkdownProblem(position: position, message: error.message))
            for piece in markup { node.insertBefore(piece) }
        }
        spanning.closing.literal = spanning.rest
    }

    /// Inserts a resolved wiki link before `node`; `markup` is its text when it holds formatting.
    mutating func insertWikiLink(
        _ link: WikiLink, at position: TextPosition, before node: CMarkNode, markup: [CMarkNode]?,
        resolve: (LinkReference) -> LinkResolution
    ) {
        let reference = LinkReference(target: .wiki(link), position: position)
        switch resolve(reference) {
        case .rewrite(let url, let label, let cssClass, let id):
            let classAttribute = cssClass.map { " class=\"\($0.htmlEscaped)\"" } ?? ""
            let idAttribute = id.map { " id=\"\($0.htmlEscaped)\"" } ?? ""
            let enter = "<a href=\"\(url.htmlEscaped)\"\(classAttribute)\(idAttribute)>"
            // "the [[minilaterals]]" must not read "the The Quad" (only the end of the text before matters).
            let text = link.text ?? (label.hasPrefix("The ") ? English.title(label, after: Self.textEnd(before: node)) : label)
            guard let content = markup ?? CMarkNode.makeText(text).map({ [$0] }) else { return }
            // A custom node carries the class; table cells refuse custom nodes, so there a plain link stands in.
            if let anchor = CMarkNode.makeCustom(CMARK_NODE_CUSTOM_INLINE, enter: enter, exit: "</a>") {
                for piece in content { anchor.append(child: piece) }
                if node.insertBefore(anchor) {
                    pendingWikiLinks.append((anchor, reference))
                    if let id { linkIDs.append(id) }
                    return
                }
                for piece in content { piece.unlink() }
                anchor.free()
            }
            guard let plain = CMarkNode(cmark_node_new(CMARK_NODE_LINK)) else {
                content.forEach { $0.free() }
                return
            }
            _ = cmark_node_set_url(plain.raw, url)
            for piece in content { plain.append(child: piece) }
            if node.insertBefore(plain) {
                pendingWikiLinks.append((plain, reference))
                wikiLinkNodes.insert(plain.raw)
            } else {
                plain.free()
            }
        case .keep, .drop, .image:
            // Unresolved: keep what the reader would have seen, without a link.
            guard let content = markup ?? CMarkNode.makeText(link.text ?? link.target).map({ [$0] }), let first = content.first else { return }
            for piece in content { node.insertBefore(piece) }
            pendingWikiLinks.append((first, reference))
        }
    }

    /// The last few characters of the text node before `node` ("" when there is none).
    private static func textEnd(before node: CMarkNode) -> Substring {
        guard let previous = CMarkNode(cmark_node_previous(node.raw)), previous.type == CMARK_NODE_TEXT else { return "" }
        return previous.withLiteralBytes { bytes in
            var start = max(0, bytes.count - 32)
            while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
    }

    func insertText(_ text: String, before node: CMarkNode) {
        if let textNode = CMarkNode.makeText(text) { node.insertBefore(textNode) }
    }
}
