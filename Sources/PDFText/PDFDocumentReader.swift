import CPoppler
import Foundation

/// Why a PDF could not be read, in words for the person importing it.
public struct PDFReadError: Error, CustomStringConvertible {
    public var description: String
}

/// Reads the text layer of a PDF through poppler: each page's lines, with fonts and positions.
public enum PDFDocumentReader {
    /// The pages of the PDF at `path`.
    public static func read(path: String) throws -> [PDFPage] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_file(absolute.absoluteString, nil, &error) else {
            let reason = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown reason"
            if let error { g_error_free(error) }
            throw PDFReadError(description: "\(path): cannot read the PDF (\(reason)); check that the file is a PDF and not password-protected")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var pages: [PDFPage] = []
        for index in 0..<poppler_document_get_n_pages(document) {
            guard let page = poppler_document_get_page(document, index) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            pages.append(PDFPage(number: Int(index) + 1, width: width, height: height, lines: lines(of: page)))
        }
        return pages
    }

    /// The page's text split into lines and font runs, each character placed by poppler's layout.
    private static func lines(of page: OpaquePointer) -> [PDFLine] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        defer { g_free(cText) }
        let scalars = Array(String(cString: cText).unicodeScalars)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        // Font of each character, from the attribute ranges (indices count characters).
        var fonts = [(size: Double, bold: Bool, italic: Bool)](repeating: (0, false, false), count: scalars.count)
        let attributes = poppler_page_get_text_attributes(page)
        defer { poppler_page_free_text_attributes(attributes) }
        var node = attributes
        while let current = node {
            if let raw = current.pointee.data {
                let attribute = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attribute.font_name.map { String(cString: $0).lowercased() } ?? ""
                let bold = ["bold", "black", "heavy", "semibold", "demi"].contains { name.contains($0) }
                let italic = name.contains("italic") || name.contains("oblique")
                let start = max(0, Int(attribute.start_index))
                let end = min(scalars.count - 1, Int(attribute.end_index))
                if start <= end { for i in start...end { fonts[i] = (attribute.font_size, bold, italic) } }
            }
            node = current.pointee.next
        }
        var lines: [PDFLine] = []
        var runs: [PDFRun] = []
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                if !runs.isEmpty { lines.append(PDFLine(runs: runs)) }
                runs = []
                continue
            }
            guard index < Int(count) else { break }
            let box = rectangles[index]
            let font = fonts[index]
            let character = String(scalar)
            if var last = runs.last, last.fontSize == font.size, last.isBold == font.bold, last.isItalic == font.italic,
               character == " " || (abs(box.y2 - last.bottom) < font.size * 0.2 && box.x1 - last.right < font.size * 1.2) {
                last.text += character
                if character != " " {
                    last.left = min(last.left, box.x1)
                    last.right = max(last.right, box.x2)
                    last.top = min(last.top, box.y1)
                    last.bottom = max(last.bottom, box.y2)
                }
                runs[runs.count - 1] = last
            } else {
                runs.append(PDFRun(text: character, fontSize: font.size, isBold: font.bold, isItalic: font.italic,
                                   left: box.x1, top: box.y1, right: box.x2, bottom: box.y2))
            }
        }
        if !runs.isEmpty { lines.append(PDFLine(runs: runs)) }
        return lines
    }
}
