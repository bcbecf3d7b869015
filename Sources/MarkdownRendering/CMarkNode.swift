import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A borrowed handle on a node of a cmark tree (the tree owns the memory).
struct CMarkNode: Equatable {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    init?(_ raw: OpaquePointer?) {
        guard let raw else { return nil }
        self.raw = raw
    }

    var type: cmark_node_type { cmark_node_get_type(raw) }

    var literal: String {
        get { cmark_node_get_literal(raw).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_literal(raw, newValue) }
    }

    /// Whether the literal holds `[[`, read in cmark's memory (no `String` made).
    var literalHasDoubleBracket: Bool {
        guard let literal = cmark_node_get_literal(raw) else { return false }
        return strstr(literal, "[[") != nil
    }

    /// Calls `body` with the literal's UTF-8 bytes in cmark's memory (valid until the literal changes).
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal = cmark_node_get_literal(raw) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(literal))) }
    }

    var url: String { cmark_node_get_url(raw).map { String(cString: $0) } ?? "" }
    var startLine: Int { Int(cmark_node_get_start_line(raw)) }
    var startColumn: Int { Int(cmark_node_get_start_column(raw)) }
    var endLine: Int { Int(cmark_node_get_end_line(raw)) }

    var parent: CMarkNode? { CMarkNode(cmark_node_parent(raw)) }
    var firstChild: CMarkNode? { CMarkNode(cmark_node_first_child(raw)) }
    var next: CMarkNode? { CMarkNode(cmark_node_next(raw)) }

    var isBlock: Bool { (Int32(type.rawValue) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK }

    /// The nearest enclosing block (the node itself when it is one).
    var enclosingBlock: CMarkNode {
        var node = self
        while !node.isBlock, let up = node.parent { node = up }
        return node
    }

    /// Whether a link, image or wiki link (a custom inline node) encloses this node (links cannot nest).
    var isInsideLink: Bool {
        var node = parent
        while let current = node {
            let type = current.type
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CUSTOM_INLINE { return true }
            node = current.parent
        }
        return false
    }

    var children: [CMarkNode] {
        var result: [CMarkNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The text nodes below this one whose literal holds `[[`, in document order.
    var textNodesWithDoubleBracket: [CMarkNode] {
        descendants { $0.type == CMARK_NODE_TEXT && $0.literalHasDoubleBracket }
    }

    /// The nodes below this one (itself included) that `include` accepts, in document order: one walk,
    /// and no array of every node.
    func descendants(where include: (CMarkNode) -> Bool) -> [CMarkNode] {
        var result: [CMarkNode] = []
        guard let iterator = cmark_iter_new(raw) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = CMarkNode(cmark_iter_get_node(iterator)) else { continue }
            if include(node) { result.append(node) }
        }
        return result
    }

    /// Inserts `sibling` before this node; false when the parent cannot hold that kind of node.
    @discardableResult
    func insertBefore(_ sibling: CMarkNode) -> Bool { cmark_node_insert_before(raw, sibling.raw) != 0 }
    func append(child: CMarkNode) { _ = cmark_node_append_child(raw, child.raw) }
    func unlink() { cmark_node_unlink(raw) }
    func free() { cmark_node_free(raw) }

    /// Replaces this node with its children (an image with its alt text) and frees it.
    func unwrap() {
        for child in children {
            child.unlink()
            insertBefore(child)
        }
        unlink()
        free()
    }

    /// A new text node holding `text`.
    static func makeText(_ text: String) -> CMarkNode? {
        guard let node = CMarkNode(cmark_node_new(CMARK_NODE_TEXT)) else { return nil }
        node.literal = text
        return node
    }

    /// A new custom node that writes `enter` and `exit` around its children.
    static func makeCustom(_ type: cmark_node_type, enter: String, exit: String) -> CMarkNode? {
        guard let node = CMarkNode(cmark_node_new(type)) else { return nil }
        _ = cmark_node_set_on_enter(node.raw, enter)
        _ = cmark_node_set_on_exit(node.raw, exit)
        return node
    }
}
