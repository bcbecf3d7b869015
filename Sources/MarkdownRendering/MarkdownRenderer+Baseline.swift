import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MarkdownRenderer {
    /// cmark-gfm alone, as the benchmark's yardstick: parses and renders each body to HTML on the calling
    /// thread with the extensions and options `render` uses (plain Markdown: no wiki links, headings or link
    /// resolution), and returns the total bytes of HTML produced.
    public static func renderBaseline(_ bodies: [String], options: MarkdownOptions = MarkdownOptions()) -> Int {
        let flags = CMarkRuntime.flags(for: options)
        var total = 0
        for body in bodies {
            guard let parser = CMarkRuntime.makeParser(flags: flags) else { continue }
            if let root = CMarkRuntime.parse(body, with: parser) {
                if let html = cmark_render_html(root, flags, cmark_parser_get_syntax_extensions(parser)) {
                    total += strlen(html)
                    free(html)
                }
                cmark_node_free(root)
            }
            cmark_parser_free(parser)
        }
        return total
    }
}
