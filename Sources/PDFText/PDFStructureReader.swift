import CPoppler
import Foundation

/// The text of each block-level element (paragraph, list item, heading, caption) of a tagged PDF, in
/// document order: what the author's tool knew about where paragraphs begin. Empty for an untagged PDF.
public enum PDFStructureReader {
    /// The block texts of the PDF at `path`; empty when it cannot be read or carries no tags.
    public static func blockTexts(path: String) -> [String] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        guard let document = poppler_document_new_from_file(absolute.absoluteString, nil, nil) else { return [] }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        guard let root = poppler_structure_element_iter_new(document) else { return [] }
        defer { poppler_structure_element_iter_free(root) }
        var texts: [String] = []
        collect(root, into: &texts, depth: 0)
        return texts
    }

    static let blockKinds: Set<UInt32> = [
        POPPLER_STRUCTURE_ELEMENT_PARAGRAPH.rawValue, POPPLER_STRUCTURE_ELEMENT_LIST_ITEM.rawValue,
        POPPLER_STRUCTURE_ELEMENT_CAPTION.rawValue, POPPLER_STRUCTURE_ELEMENT_HEADING.rawValue,
        POPPLER_STRUCTURE_ELEMENT_HEADING_1.rawValue, POPPLER_STRUCTURE_ELEMENT_HEADING_2.rawValue,
        POPPLER_STRUCTURE_ELEMENT_HEADING_3.rawValue, POPPLER_STRUCTURE_ELEMENT_HEADING_4.rawValue,
        POPPLER_STRUCTURE_ELEMENT_HEADING_5.rawValue, POPPLER_STRUCTURE_ELEMENT_HEADING_6.rawValue,
    ]

    /// Walks siblings at one level; a block element's whole text is taken and its children skipped.
    private static func collect(_ iterator: OpaquePointer, into texts: inout [String], depth: Int) {
        guard depth < 64 else { return }  // a malformed tree must not recurse without end
        repeat {
            guard let element = poppler_structure_element_iter_get_element(iterator) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(element)) }
            if blockKinds.contains(poppler_structure_element_get_kind(element).rawValue) {
                if let text = poppler_structure_element_get_text(element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE) {
                    texts.append(String(cString: text))
                    g_free(text)
                }
            } else if let child = poppler_structure_element_iter_get_child(iterator) {
                collect(child, into: &texts, depth: depth + 1)
                poppler_structure_element_iter_free(child)
            }
        } while poppler_structure_element_iter_next(iterator) != 0
    }
}
