import CMarkGFM
import DossierCore

/// Extracts reader-visible text from a cmark tree.
enum PlainText {
    /// The text of `node`: literals joined, breaks as spaces, a newline after each block.
    static func of(_ node: CMarkNode) -> String {
        var text: [UInt8] = []
        var count = 0
        var offsets: [OpaquePointer: Int]?
        append(node, to: &text, count: &count, offsets: &offsets)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the UTF-8 text under `node`, noting in `offsets` (when given) where each node starts.
    /// `count` is the text's length in Unicode scalars (as `Sentences`
    /// counts), kept here because counting the whole text again would walk it. Literals are copied from
    /// cmark's memory as bytes (no `String` per node). Walks with cmark's iterator, not recursion, so
    /// 100,000 nested block quotes or list items cost no stack.
    fileprivate static func append(
        _ node: CMarkNode, to text: inout [UInt8], count: inout Int, offsets: inout [OpaquePointer: Int]?
    ) {
        guard let iterator = cmark_iter_new(node.raw) else { return }
        defer { cmark_iter_free(iterator) }
        // Whether the text ends with a line break ("\r\n" is one character, not a "\n"): a block adds one only
        // when it does not, so nested blocks ending together add one.
        var endsWithNewline = true
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = CMarkNode(cmark_iter_get_node(iterator)) else { continue }
            let type = current.type
            if event == CMARK_EVENT_ENTER {
                offsets?[current.raw] = count
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                    current.withLiteralBytes { bytes in
                        guard !bytes.isEmpty else { return }
                        text.append(contentsOf: bytes)
                        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
                        endsWithNewline = bytes[bytes.count - 1] == UInt8(ascii: "\n")
                            && (bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\r"))
                    }
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    text.append(UInt8(ascii: " "))
                    count += 1
                    endsWithNewline = false
                }
            }
            // A block ends on its exit event; the iterator gives leaves (a code block) only an enter event.
            let ends = event == CMARK_EVENT_EXIT || leafTypes.contains(type.rawValue)
            if ends, current.isBlock, !text.isEmpty, !endsWithNewline {
                text.append(UInt8(ascii: "\n"))
                count += 1
                endsWithNewline = true
            }
        }
    }

    /// Node types cmark's iterator enters without exiting (they can have no children).
    private static let leafTypes: Set<UInt32> = [
        CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
        CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
    ].map(\.rawValue).reduce(into: []) { $0.insert($1) }
}

/// The sentence around a link, for backlinks: each enclosing block is read and split once, however
/// many links it holds. Valid while the blocks' text does not change.
struct SentenceContext {
    private struct Block {
        var nodeOffsets: [OpaquePointer: Int]
        var sentences: [(end: Int, text: String)]
    }

    private var blocks: [OpaquePointer: Block] = [:]

    /// Longest context kept, in characters: a 1 MB paragraph without a full stop is one "sentence",
    /// and copying it for each of its links was quadratic in time and memory.
    static let maximumLength = 500

    mutating func sentence(around node: CMarkNode) -> String {
        let enclosing = node.enclosingBlock
        let block = blocks[enclosing.raw] ?? Self.read(enclosing)
        blocks[enclosing.raw] = block
        return Sentences.sentence(in: block.sentences, containing: block.nodeOffsets[node.raw] ?? 0)
    }

    private static func read(_ block: CMarkNode) -> Block {
        var text: [UInt8] = []
        var count = 0
        var offsets: [OpaquePointer: Int]? = [:]
        PlainText.append(block, to: &text, count: &count, offsets: &offsets)
        // Line breaks become spaces byte for byte, so scalar offsets stay valid.
        for index in text.indices where text[index] == UInt8(ascii: "\n") { text[index] = UInt8(ascii: " ") }
        // Shortened once per sentence here (`spans` trims them), so each link shares the string instead of copying it.
        let sentences = Sentences.spans(String(decoding: text, as: UTF8.self)).map { span in
            guard span.text.utf8.count > maximumLength, span.text.count > maximumLength else { return span }
            return (span.end, String(span.text.prefix(maximumLength - 1)) + "…")
        }
        return Block(nodeOffsets: offsets ?? [:], sentences: sentences)
    }
}
