import CMarkGFM
import DossierCore

extension RenderSession {
    /// Replaces an image node with an `<img>` that reserves its space (`width`/`height` when known) and
    /// loads lazily; an image alone in its paragraph with a title becomes a `<figure>` captioned by it.
    func writeImage(_ node: CMarkNode, url: String, size: ImageSize?) {
        let alt = PlainText.of(node).trimmingCharacters(in: " \n")
        let title = cmark_node_get_title(node.raw).map { String(cString: $0) } ?? ""
        var tag = "<img src=\"\(url.htmlEscaped)\" alt=\"\(alt.htmlEscaped)\""
        if let size { tag += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        tag += " loading=\"lazy\""
        if let paragraph = node.parent, paragraph.type == CMARK_NODE_PARAGRAPH, !title.isEmpty,
           paragraph.children.allSatisfy({ $0 == node || $0.type == CMARK_NODE_SOFTBREAK || ($0.type == CMARK_NODE_TEXT && $0.literal.allSatisfy(\.isWhitespace)) }) {
            let figure = "<figure>\(tag) />\n<figcaption>\(title.htmlEscaped)</figcaption>\n</figure>\n"
            replace(paragraph, with: figure, type: CMARK_NODE_CUSTOM_BLOCK)
            return
        }
        if !title.isEmpty { tag += " title=\"\(title.htmlEscaped)\"" }
        replace(node, with: tag + " />", type: CMARK_NODE_CUSTOM_INLINE)
    }

    private func replace(_ node: CMarkNode, with html: String, type: cmark_node_type) {
        guard let replacement = CMarkNode.makeCustom(type, enter: html, exit: "") else { return }
        if cmark_node_replace(node.raw, replacement.raw) != 0 {
            node.free()
        } else {
            replacement.free()
        }
    }
}
