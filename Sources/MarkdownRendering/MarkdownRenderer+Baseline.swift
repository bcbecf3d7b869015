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
        CMarkRuntime.prepare()
        var value = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES
        if options.allowsRawHTML { value |= CMARK_OPT_UNSAFE }
        let flags = Int32(value)
        let extensions = CMarkRuntime.extensionNames.compactMap { cmark_find_syntax_extension($0) }
        return CMarkRuntime.lock.withLock { _ in
            var total = 0
            for body in bodies {
                guard let parser = cmark_parser_new(flags) else { continue }
                for syntaxExtension in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
                var text = body
                text.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { chars in
                        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                    }
                }
                if let root = cmark_parser_finish(parser) {
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
}
