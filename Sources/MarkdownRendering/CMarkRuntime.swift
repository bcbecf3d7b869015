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
    /// so concurrent parses corrupt each other's output; every parse and render holds this lock.
    static let lock = Mutex(())

    /// Makes sure the extensions are registered before a parser is made.
    static func prepare() {
        _ = registration
    }
}
