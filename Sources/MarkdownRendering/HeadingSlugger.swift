import DossierCore

/// Hands out heading ids that are unique within one document (`intro`, `intro-1`, …).
struct HeadingSlugger {
    private var used: Set<String>

    /// Starts with ids the page template already uses.
    init(reserved: Set<String>) {
        used = reserved
    }

    /// A fresh id for a heading's text.
    mutating func uniqueID(for text: String) -> String {
        let base = Slug.make(from: text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
