import CMarkGFM
import DossierCore

/// Extracts reader-visible text from a cmark tree.
enum PlainText {
    /// The text of `node`: literals joined, breaks as spaces, a newline after each block.
    static func of(_ node: CMarkNode) -> String {
        var text = ""
        var marker: Int?
        append(node, to: &text, marking: nil, marker: &marker)
        return text
    }

    /// The sentence around `target`, taken from the text of its enclosing block.
    static func sentence(around target: CMarkNode) -> String {
        var text = ""
        var marker: Int?
        append(target.enclosingBlock, to: &text, marking: target, marker: &marker)
        let flattened = String(text.map { $0.isNewline ? " " : $0 })
        let sentence = Sentences.sentence(in: flattened, containing: marker ?? 0)
        return sentence.trimmingCharacters(in: " ")
    }

    private static func append(_ node: CMarkNode, to text: inout String, marking target: CMarkNode?, marker: inout Int?) {
        if node == target { marker = text.count }
        let type = node.type
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
            text += node.literal
        } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
            text += " "
        }
        for child in node.children {
            append(child, to: &text, marking: target, marker: &marker)
        }
        if node.isBlock, !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    }
}
