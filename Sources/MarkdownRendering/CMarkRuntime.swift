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
    static func prepare() {
        _ = registration
    }
}
