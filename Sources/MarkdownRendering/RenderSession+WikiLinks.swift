import CMarkGFM
import DossierCore

extension RenderSession {
    // MARK: Wiki links

    /// Replaces `[[…]]` in text nodes (never in code or inside other links) with links.
    mutating func expandWikiLinks(in root: CMarkNode, resolve: (LinkReference) -> LinkResolution) {
        let textNodes = root.descendants.filter { $0.type == CMARK_NODE_TEXT && $0.literalHasDoubleBracket }
        var consumed: Set<OpaquePointer> = []
        // Checked as we go: an earlier link may have moved a node inside itself.
        for node in textNodes where !consumed.contains(node.raw) && !node.isInsideLink {
            let literal = node.literal
            let matches = WikiLink.scan(literal)
            guard !matches.isEmpty else { continue }
            let bytes = Array(literal.utf8)
            var cursor = 0
            for (index, match) in matches.enumerated() {
                if match.utf8Range.lowerBound > cursor {
                    insertText(String(decoding: bytes[cursor..<match.utf8Range.lowerBound], as: UTF8.self), before: node)
                }
                cursor = match.utf8Range.upperBound
                let raw = String(decoding: bytes[match.utf8Range], as: UTF8.self)
                // Formatting inside the link text splits cmark's text: `[[t|a *b* c]]` spans sibling nodes.
                if index == matches.count - 1, case .failure = match.result,
                   let spanning = SpanningWikiLink(opening: node, fromByte: match.utf8Range.lowerBound)
                {
                    consumed.formUnion(spanning.middle.map(\.raw))
                    expand(spanning, before: node, resolve: resolve)
                    cursor = bytes.count
                    break
                }
                let position = locateWikiLink(raw: raw, from: node.enclosingBlock)
                switch match.result {
                case .failure(let error):
                    problems.append(MarkdownProblem(position: position, message: error.message))
                    insertText(raw, before: node)
                case .success(let link):
                    insertWikiLink(link, at: position, before: node, markup: nil, resolve: resolve)
                }
            }
            if cursor < bytes.count {
                insertText(String(decoding: bytes[cursor...], as: UTF8.self), before: node)
            }
            node.unlink()
            node.free()
        }
    }

    /// Links a wiki link whose text holds formatting; its closing text node keeps what follows `]]`.
    private mutating func expand(_ spanning: SpanningWikiLink, before node: CMarkNode, resolve: (LinkReference) -> LinkResolution) {
        let position = locateWikiLink(raw: spanning.rawPrefix, from: node.enclosingBlock)
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
            // "the [[minilaterals]]" must not read "the The Quad".
            let preceding = CMarkNode(cmark_node_previous(node.raw)).map { $0.type == CMARK_NODE_TEXT ? $0.literal : "" } ?? ""
            let text = link.text ?? English.title(label, after: Substring(preceding))
            guard let content = markup ?? CMarkNode.makeText(text).map({ [$0] }) else { return }
            // A custom node carries the class; table cells refuse custom nodes, so there a plain link stands in.
            if let anchor = CMarkNode.makeCustom(CMARK_NODE_CUSTOM_INLINE, enter: enter, exit: "</a>") {
                for piece in content { anchor.append(child: piece) }
                if node.insertBefore(anchor) {
                    pendingWikiLinks.append((anchor, reference))
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

    func insertText(_ text: String, before node: CMarkNode) {
        if let textNode = CMarkNode.makeText(text) { node.insertBefore(textNode) }
    }

    /// Finds the source position of a wiki link: the first unused occurrence at or after its block's line.
    mutating func locateWikiLink(raw: String, from block: CMarkNode) -> TextPosition {
        let blockLine = block.startLine
        while firstUnusedSourceWikiLink < sourceWikiLinks.count, usedSourceWikiLinks.contains(firstUnusedSourceWikiLink) {
            firstUnusedSourceWikiLink += 1
        }
        for index in firstUnusedSourceWikiLink..<sourceWikiLinks.count where !usedSourceWikiLinks.contains(index) {
            let match = sourceWikiLinks[index]
            let candidate = sourceText(match.utf8Range)
            // An exact match, an unclosed `[[`, or the opening part of a link whose text holds formatting.
            guard candidate == raw || (raw.hasPrefix("[[") && candidate.hasPrefix("[[") && !candidate.hasSuffix("]]"))
                || (raw.hasSuffix("|") && candidate.hasPrefix(raw))
            else { continue }
            let position = lines.position(ofUTF8Offset: match.utf8Range.lowerBound)
            guard position.line >= blockLine else { continue }
            usedSourceWikiLinks.insert(index)
            return position
        }
        return TextPosition(line: max(blockLine, 1), column: max(block.startColumn, 1))
    }

    func sourceText(_ range: Range<Int>) -> String {
        guard range.upperBound <= sourceBytes.count else { return "" }
        return String(decoding: sourceBytes[range], as: UTF8.self)
    }
}
