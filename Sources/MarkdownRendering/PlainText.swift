import CMarkGFM
import DossierCore

/// Extracts reader-visible text from a cmark tree.
enum PlainText {
    /// The text of `node`: literals joined, breaks as spaces, a newline after each block.
    static func of(_ node: CMarkNode) -> String {
        var text = ""
        var count = 0
        var marker: Int?
        append(node, to: &text, count: &count, marking: nil, marker: &marker)
        return text
    }

    /// The sentence around `target`, taken from the text of its enclosing block.
    static func sentence(around target: CMarkNode) -> String {
        var text = ""
        var count = 0
        var marker: Int?
        append(target.enclosingBlock, to: &text, count: &count, marking: target, marker: &marker)
        let flattened = String(text.map { $0.isNewline ? " " : $0 })
        let sentence = Sentences.sentence(in: flattened, containing: marker ?? 0)
        return sentence.trimmingCharacters(in: " ")
    }

    /// Appends the text under `node`; `count` is the text's length in characters, kept here
    /// because `String.count` walks the whole string.
    private static func append(_ node: CMarkNode, to text: inout String, count: inout Int, marking target: CMarkNode?, marker: inout Int?) {
        if node == target { marker = count }
        let type = node.type
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
            let literal = node.literal
            text += literal
            count += literal.count
        } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
            text += " "
            count += 1
        }
        for child in node.children {
            append(child, to: &text, count: &count, marking: target, marker: &marker)
        }
        if node.isBlock, !text.isEmpty, !text.hasSuffix("\n") {
            text += "\n"
            count += 1
        }
    }
}
