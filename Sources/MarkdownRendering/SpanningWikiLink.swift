import CMarkGFM
import DossierCore
import Foundation

/// A wiki link whose text holds formatting, so cmark split it over sibling nodes:
/// `[[ports|the ` · *main* · ` ports]] now` is the opening text, the middle nodes, and the closing text.
struct SpanningWikiLink {
    /// The text node holding `[[target|`.
    let opening: CMarkNode
    /// The formatted nodes between the opening and the closing text.
    let middle: [CMarkNode]
    /// The text node holding `]]`.
    let closing: CMarkNode
    /// The link's text before the first formatted node, and after the last.
    let textHead: String
    let textTail: String
    /// What follows `]]` in the closing node.
    let rest: String
    /// `[[target|`, to find the link in the source.
    let rawPrefix: String
    /// The target part, parsed.
    let link: Result<WikiLink, WikiLinkSyntaxError>

    /// Reads a link opening at byte `start` of `opening`'s text, or nil when it does not close on the same line.
    init?(opening: CMarkNode, fromByte start: Int) {
        let bytes = Array(opening.literal.utf8)
        let inner = String(decoding: bytes[(start + 2)...], as: UTF8.self)
        // The target must sit whole in the opening text, before a `|`.
        guard let bar = inner.firstIndex(of: "|"), !inner[..<bar].contains("]") else { return nil }
        var middle: [CMarkNode] = []
        var sibling = opening.next
        while let node = sibling {
            if node.type == CMARK_NODE_TEXT, let close = node.literal.range(of: "]]") {
                let target = String(inner[..<bar])
                self.opening = opening
                self.middle = middle
                closing = node
                textHead = String(inner[inner.index(after: bar)...])
                textTail = String(node.literal[..<close.lowerBound])
                rest = String(node.literal[close.upperBound...])
                rawPrefix = "[[" + target + "|"
                // Parse with a stand-in text: the real text is the formatted nodes.
                link = WikiLink.parse(inner: target + "|text", raw: "[[" + target + "|…]]").map { parsed in
                    var link = parsed
                    link.text = nil
                    return link
                }
                return
            }
            if node.type == CMARK_NODE_SOFTBREAK || node.type == CMARK_NODE_LINEBREAK || node.isBlock { return nil }
            middle.append(node)
            sibling = node.next
        }
        return nil
    }
}
