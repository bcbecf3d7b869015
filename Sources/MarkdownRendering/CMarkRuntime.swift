import CMarkGFM
import Synchronization

/// Process-wide cmark-gfm state: extension registration and the parse lock.
enum CMarkRuntime {
    /// The GFM extensions dossier turns on.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions exactly once (Swift runs global initialisers once, thread-safely).
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// cmark-gfm's inline extensions edit a process-wide character table while a parser finishes,
    /// so concurrent parses corrupt each other's output: every parse holds this lock. Working on a
    /// finished tree and rendering it touch no shared state, so they run unlocked, in parallel.
    static let lock = Mutex(())

    /// cmark's option flags for `options`: smart punctuation and footnotes always, raw HTML only when allowed.
    static func flags(for options: MarkdownOptions) -> Int32 {
        var value = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES
        if options.allowsRawHTML { value |= CMARK_OPT_UNSAFE }
        return Int32(value)
    }

    /// A parser with dossier's GFM extensions attached; the caller frees it.
    static func makeParser(flags: Int32) -> OpaquePointer? {
        prepare()
        guard let parser = cmark_parser_new(flags) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// Feeds `source` to `parser` and finishes it under the lock; the tree belongs to the caller.
    static func parse(_ source: String, with parser: OpaquePointer) -> OpaquePointer? {
        var text = source
        var root: OpaquePointer?
        lock.withLock { _ in
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            root = cmark_parser_finish(parser)
        }
        return root
    }

    /// Makes sure the extensions are registered before a parser is made.
    private static func prepare() {
        _ = registration
    }
}
