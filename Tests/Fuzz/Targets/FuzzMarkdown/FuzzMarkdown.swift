import DossierCore
import MarkdownRendering

// Wiki links and Markdown: scanning must give in-bounds, ordered ranges; rendering without raw HTML
// must never let a <script> tag or a javascript: URL through.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Decode as the loader does (UTF-8 only, BOM dropped, CR and CRLF made LF), so findings are reachable from a file.
    guard case .success(let text) = SourceText.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz") else { return 0 }
    let utf8Count = text.utf8.count
    var previousEnd = 0
    for match in WikiLink.scan(text) {
        precondition(match.utf8Range.lowerBound >= previousEnd && match.utf8Range.upperBound <= utf8Count, "wiki-link range out of order or bounds")
        previousEnd = match.utf8Range.upperBound
    }
    let rendered = MarkdownRenderer.render(text) { reference in
        switch reference.target {
        case .wiki(let link):
            return .rewrite(url: "../\(link.target)/index.html", label: link.text ?? link.target, cssClass: "wiki")
        case .url:
            return .keep
        }
    }
    let html = rendered.html.lowercased()
    precondition(!html.contains("<script"), "raw <script> reached the output")
    precondition(!html.contains("href=\"javascript:"), "javascript: link reached the output")
    for heading in rendered.headings {
        precondition(!heading.id.isEmpty, "empty heading id")
    }
    return 0
}
