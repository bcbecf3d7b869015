import CMarkGFM
import DossierCore

extension RenderSession {
    /// Takes the ids the body writes besides its headings' (citation anchors, and ids in raw HTML) before
    /// the headings get theirs, so a heading never repeats one (it becomes `x-2`). A raw HTML id that
    /// repeats another id of the page is reported where it is written: the page would hold it twice.
    mutating func takeWrittenIDs(in root: CMarkNode) {
        for id in linkIDs { slugger.take(id) }
        guard options.allowsRawHTML else { return }
        for node in root.descendants(where: { $0.type == CMARK_NODE_HTML_BLOCK || $0.type == CMARK_NODE_HTML_INLINE }) {
            for id in Self.ids(inHTML: node.literal) where !slugger.take(id) {
                let owner = reservedIDs.contains(id) ? "the page template uses the id '\(id)'" : "the id '\(id)' is already used on this page"
                problems.append(MarkdownProblem(
                    position: position(ofID: id, in: node),
                    message: "\(owner): give this element another id (ids must be unique within a page)"
                ))
            }
        }
    }

    /// The `id` attributes of sanitised HTML, decoded as a browser reads them.
    private static func ids(inHTML html: String) -> [String] {
        guard html.utf8.count >= 4 else { return [] }
        var scanner = HTMLTagScanner(Array(html.utf8))
        var ids: [String] = []
        while let token = scanner.next() {
            guard case .startTag(_, let attributes, _) = token else { continue }
            if let value = attributes.first(where: { $0.name == "id" })?.value { ids.append(HTMLEntities.decode(value)) }
        }
        return ids
    }

    /// Where `id` is written in `node`'s lines (after `id=`), else where the node starts.
    private func position(ofID id: String, in node: CMarkNode) -> TextPosition {
        let first = max(node.startLine, 1)
        let last = max(node.endLine, first)
        for number in first...last {
            let line = lines.line(number)
            for quote in ["\"", "'", ""] {
                if let range = line.range(of: "id=" + quote + id) {
                    let offset = lines.utf8Offset(ofLine: number) + line.utf8.distance(from: line.startIndex, to: range.lowerBound)
                    return lines.position(ofUTF8Offset: offset)
                }
            }
        }
        return lines.position(ofUTF8Offset: lines.utf8Offset(ofLine: first) + max(node.startColumn, 1) - 1)
    }
}
