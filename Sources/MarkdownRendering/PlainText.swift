import CMarkGFM
import DossierCore

/// Extracts reader-visible text from a cmark tree.
enum PlainText {
    /// The text of `node`: literals joined, breaks as spaces, a newline after each block.
    static func of(_ node: CMarkNode) -> String {
        var text = ""
        var count = 0
        var offsets: [OpaquePointer: Int]?
        append(node, to: &text, count: &count, offsets: &offsets)
        return text
    }

    /// Appends the text under `node`, noting in `offsets` (when given) where each node starts.
    /// `count` is the text's length in Unicode scalars (as `Sentences` counts), kept here because
    /// counting the whole text again would walk it.
    fileprivate static func append(_ node: CMarkNode, to text: inout String, count: inout Int, offsets: inout [OpaquePointer: Int]?) {
        offsets?[node.raw] = count
        let type = node.type
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
            let literal = node.literal
            text += literal
            count += literal.unicodeScalars.count
        } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
            text += " "
            count += 1
        }
        for child in node.children {
            append(child, to: &text, count: &count, offsets: &offsets)
        }
        if node.isBlock, !text.isEmpty, !text.hasSuffix("\n") {
            text += "\n"
            count += 1
        }
    }
}

/// The sentence around a link, for backlinks: each enclosing block is read and split once, however
/// many links it holds. Valid while the blocks' text does not change.
struct SentenceContext {
    private struct Block {
        var nodeOffsets: [OpaquePointer: Int]
        var sentences: [(end: Int, text: String)]
    }

    private var blocks: [OpaquePointer: Block] = [:]

    mutating func sentence(around node: CMarkNode) -> String {
        let enclosing = node.enclosingBlock
        let block = blocks[enclosing.raw] ?? Self.read(enclosing)
        blocks[enclosing.raw] = block
        return Sentences.sentence(in: block.sentences, containing: block.nodeOffsets[node.raw] ?? 0).trimmingCharacters(in: " ")
    }

    private static func read(_ block: CMarkNode) -> Block {
        var text = ""
        var count = 0
        var offsets: [OpaquePointer: Int]? = [:]
        PlainText.append(block, to: &text, count: &count, offsets: &offsets)
        // Line breaks become spaces byte for byte, so scalar offsets stay valid.
        let flattened = String(decoding: text.utf8.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        return Block(nodeOffsets: offsets ?? [:], sentences: Sentences.spans(flattened))
    }
}
